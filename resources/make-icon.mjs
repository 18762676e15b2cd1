// Draws resources/icon.png (512×512 RGBA) without any image library: a violet rounded square
// with a white "C". Run `node resources/make-icon.mjs` after changing the design; icon.svg is
// the same drawing for places that take vectors.
import { writeFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import process from 'node:process'
import { URL } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SAMPLES = 4 // per axis, for anti-aliased edges

function inRoundedSquare(x, y) {
  const r = 112
  const cx = Math.min(Math.max(x, r), SIZE - r)
  const cy = Math.min(Math.max(y, r), SIZE - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

function inLetterC(x, y) {
  const dx = x - 256
  const dy = y - 256
  const d = Math.hypot(dx, dy)
  const angle = Math.atan2(dy, dx)
  return d >= 104 && d <= 164 && Math.abs(angle) >= Math.PI / 4.2
}

function pixel(x, y) {
  let bg = 0
  let fg = 0
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const sx = x + (i + 0.5) / SAMPLES
      const sy = y + (j + 0.5) / SAMPLES
      if (inRoundedSquare(sx, sy)) {
        bg++
        if (inLetterC(sx, sy)) fg++
      }
    }
  }
  const n = SAMPLES * SAMPLES
  const t = y / SIZE
  const base = [79 + (124 - 79) * t, 70 + (58 - 70) * t, 229 + (237 - 229) * t]
  const f = bg === 0 ? 0 : fg / bg
  const rgb = base.map((c) => Math.round(c + (255 - c) * f))
  return [...rgb, Math.round((255 * bg) / n)]
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0 // filter: none
  for (let x = 0; x < SIZE; x++) {
    Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4)
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)
process.stdout.write(`resources/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes\n`)
