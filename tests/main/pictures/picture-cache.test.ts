import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPictureCache } from '../../../src/main/pictures/picture-cache'
import { sniffImageType } from '../../../src/main/pictures/image-type'
import { makeTempDir } from '../../helpers/temp-dir'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const PNG_DATA_URL = `data:image/png;base64,${PNG.toString('base64')}`

let server: Server
let base = ''
let hits = 0
beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1
    if (req.url === '/face.png') {
      res.writeHead(200, { 'content-type': 'image/png' })
      res.end(PNG)
    } else if (req.url === '/huge.png') {
      // No Content-Length: the cap has to hold while reading.
      res.writeHead(200, { 'content-type': 'image/png' })
      res.write(PNG)
      res.end(Buffer.alloc(300_000))
    } else if (req.url === '/page.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' })
      res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    } else if (req.url === '/slow.png') {
      setTimeout(() => res.end(PNG), 2_000)
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
  hits = 0
})
afterEach(() => tmp.cleanup())

function cache(urls: Record<number, string | null>, offline = false) {
  const state = { offline }
  const pictures = createPictureCache({
    dir: join(tmp.dir, 'pictures'),
    pictureUrl: (id) => Promise.resolve(urls[id] ?? null),
    isOffline: () => Promise.resolve(state.offline),
    timeoutMs: 300,
    maxBytes: 100_000,
  })
  return { pictures, state }
}

describe('picture cache', () => {
  it('fetches a picture once, keeps it on disk and answers with a data: URL', async () => {
    const { pictures } = cache({ 1: `${base}/face.png` })
    expect(await pictures.get(1)).toEqual({ dataUrl: PNG_DATA_URL })
    expect(readFileSync(join(tmp.dir, 'pictures', '1'))).toEqual(PNG)
    expect(await pictures.get(1)).toEqual({ dataUrl: PNG_DATA_URL })
    expect(hits).toBe(1)
  })

  it('shares one download between simultaneous requests', async () => {
    const { pictures } = cache({ 1: `${base}/face.png` })
    await Promise.all([pictures.get(1), pictures.get(1), pictures.get(1)])
    expect(hits).toBe(1)
  })

  it('offline: serves the kept file, or null, without touching the network', async () => {
    const { pictures, state } = cache({ 1: `${base}/face.png`, 2: `${base}/face.png` })
    await pictures.get(1)
    // Old enough that an online lookup would refresh it.
    const old = new Date(Date.now() - 90 * 24 * 3600 * 1000)
    utimesSync(join(tmp.dir, 'pictures', '1'), old, old)
    state.offline = true
    hits = 0
    expect(await pictures.get(1)).toEqual({ dataUrl: PNG_DATA_URL })
    expect(await pictures.get(2)).toEqual({ dataUrl: null })
    expect(hits).toBe(0)
  })

  it('refuses bodies over the size cap, non-images, SVG and slow servers', async () => {
    const { pictures } = cache({
      1: `${base}/huge.png`,
      2: `${base}/page.svg`,
      3: `${base}/slow.png`,
      4: `${base}/missing.png`,
    })
    for (const id of [1, 2, 3, 4]) {
      expect(await pictures.get(id)).toEqual({ dataUrl: null })
      expect(existsSync(join(tmp.dir, 'pictures', String(id)))).toBe(false)
    }
  })

  it('fetches only http(s), and never a reserved .invalid host', async () => {
    const asked: string[] = []
    const urls: Record<number, string> = {
      1: 'file:///etc/passwd',
      2: 'data:image/png;base64,AAAA',
      3: 'https://img.sandbox.invalid/instagram/1.jpg',
    }
    const pictures = createPictureCache({
      dir: join(tmp.dir, 'pictures'),
      pictureUrl: (id) => Promise.resolve(urls[id] ?? null),
      isOffline: () => Promise.resolve(false),
      fetch: (input) => {
        asked.push(input instanceof URL ? input.href : JSON.stringify(input))
        return Promise.resolve(new Response(PNG))
      },
    })
    for (const id of [1, 2, 3]) expect(await pictures.get(id)).toEqual({ dataUrl: null })
    expect(asked).toEqual([])
  })

  it('forgets every kept picture on clear', async () => {
    const { pictures } = cache({ 1: `${base}/face.png` })
    await pictures.get(1)
    await pictures.clear()
    expect(existsSync(join(tmp.dir, 'pictures'))).toBe(false)
  })

  it('recognises images by their bytes, not their name', () => {
    expect(sniffImageType(PNG)).toBe('image/png')
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffImageType(Buffer.from('GIF89a'))).toBe('image/gif')
    expect(sniffImageType(Buffer.from('<svg'))).toBeNull()
  })
})
