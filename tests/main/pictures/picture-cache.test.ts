import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPictureCache } from '../../../src/main/pictures/picture-cache'
import type { PictureCacheOptions } from '../../../src/main/pictures/picture-cache'
import { sniffImageType } from '../../../src/main/pictures/image-type'
import { makeTempDir } from '../../helpers/temp-dir'
import { PNG, PNG_DATA_URL, startRecordingServer } from './recording-server'
import type { RecordingServer } from './recording-server'

let server: RecordingServer
/** The picture host, vouched for the way the composition root vouches for an emulator. */
let base = ''
beforeAll(async () => {
  server = await startRecordingServer('127.0.0.1', (req, res) => {
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
  base = `http://pictures.test:${server.port}`
})
afterAll(() => server.close())

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
  server.reset()
})
afterEach(() => tmp.cleanup())

function cache(
  urls: Record<number, string | null>,
  offline = false,
  extra: Partial<PictureCacheOptions> = {},
) {
  const state = { offline }
  const pictures = createPictureCache({
    dir: join(tmp.dir, 'pictures'),
    pictureUrl: (id) => Promise.resolve(urls[id] ?? null),
    isOffline: () => Promise.resolve(state.offline),
    allowedHosts: [{ hostname: 'pictures.test', address: '127.0.0.1', http: true }],
    timeoutMs: 300,
    maxBytes: 100_000,
    ...extra,
  })
  return { pictures, state }
}

describe('picture cache', () => {
  it('fetches a picture once, keeps it on disk and answers with a data: URL', async () => {
    const { pictures } = cache({ 1: `${base}/face.png` })
    expect(await pictures.get(1)).toEqual({ dataUrl: PNG_DATA_URL })
    expect(readFileSync(join(tmp.dir, 'pictures', '1'))).toEqual(PNG)
    expect(await pictures.get(1)).toEqual({ dataUrl: PNG_DATA_URL })
    expect(server.requests).toEqual([{ host: `pictures.test:${server.port}`, url: '/face.png' }])
  })

  it('shares one download between simultaneous requests', async () => {
    const { pictures } = cache({ 1: `${base}/face.png` })
    await Promise.all([pictures.get(1), pictures.get(1), pictures.get(1)])
    expect(server.requests).toHaveLength(1)
  })

  it('offline: serves the kept file, or null, without touching the network', async () => {
    const { pictures, state } = cache({ 1: `${base}/face.png`, 2: `${base}/face.png` })
    await pictures.get(1)
    // Old enough that an online lookup would refresh it.
    const old = new Date(Date.now() - 90 * 24 * 3600 * 1000)
    utimesSync(join(tmp.dir, 'pictures', '1'), old, old)
    state.offline = true
    server.reset()
    expect(await pictures.get(1)).toEqual({ dataUrl: PNG_DATA_URL })
    expect(await pictures.get(2)).toEqual({ dataUrl: null })
    expect(server.connections).toBe(0)
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

  it('fetches only http(s), and never asks DNS about a reserved .invalid host', async () => {
    const asked: string[] = []
    const { pictures } = cache(
      {
        1: 'file:///etc/passwd',
        2: 'data:image/png;base64,AAAA',
        3: 'https://img.sandbox.invalid/instagram/1.jpg',
      },
      false,
      {
        lookup: (host) => {
          asked.push(host)
          return Promise.resolve([{ address: '127.0.0.1' }])
        },
      },
    )
    for (const id of [1, 2, 3]) expect(await pictures.get(id)).toEqual({ dataUrl: null })
    expect(asked).toEqual([])
    expect(server.connections).toBe(0)
  })

  it('forgets every kept picture on clear', async () => {
    const { pictures } = cache({ 1: `${base}/face.png` })
    await pictures.get(1)
    await pictures.clear()
    expect(existsSync(join(tmp.dir, 'pictures'))).toBe(false)
  })

  it('recognises images by their bytes, not their name, and only the four raster types', () => {
    expect(sniffImageType(PNG)).toBe('image/png')
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffImageType(Buffer.from('GIF89a'))).toBe('image/gif')
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffImageType(Buffer.from('<svg'))).toBeNull()
    expect(sniffImageType(Buffer.from('\0\0\0\x1cftypavif'))).toBeNull()
  })
})
