import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPictureCache } from '../../../src/main/pictures/picture-cache'
import type { PictureCacheOptions } from '../../../src/main/pictures/picture-cache'
import { makeTempDir } from '../../helpers/temp-dir'
import { PNG, PNG_DATA_URL, startRecordingServer } from './recording-server'
import type { RecordingServer } from './recording-server'

/**
 * Picture URLs come from provider responses. These servers stand for the services on the user's
 * machine that a crafted URL must never reach: each answers every path with a valid PNG, so
 * anything that did get through would come back to the renderer as a picture.
 */
let inside: RecordingServer
let insideV6: RecordingServer
/** An explicitly allowed picture host (like the sandbox emulator), whose answers we script. */
let pictures: RecordingServer

const servePng: Parameters<typeof startRecordingServer>[1] = (_req, res) => {
  res.writeHead(200, { 'content-type': 'image/png' })
  res.end(PNG)
}

beforeAll(async () => {
  inside = await startRecordingServer('127.0.0.1', servePng)
  insideV6 = await startRecordingServer('::1', servePng)
  pictures = await startRecordingServer('127.0.0.1', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const to = url.searchParams.get('to')
    if (url.pathname === '/redirect' && to !== null) {
      res.writeHead(302, { location: to })
      res.end()
    } else if (url.pathname === '/hops') {
      // /hops?n=3 redirects three times, then serves the picture.
      const n = Number(url.searchParams.get('n'))
      res.writeHead(n > 0 ? 302 : 200, {
        ...(n > 0 ? { location: `/hops?n=${n - 1}` } : { 'content-type': 'image/png' }),
      })
      res.end(n > 0 ? '' : PNG)
    } else if (url.pathname === '/as-html.png') {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(PNG)
    } else if (url.pathname === '/face.avif') {
      res.writeHead(200, { 'content-type': 'image/avif' })
      res.end(Buffer.from('\0\0\0\x1cftypavif\0\0\0\0'))
    } else servePng(req, res)
  })
})
afterAll(async () => {
  await Promise.all([inside.close(), insideV6.close(), pictures.close()])
})

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
  for (const server of [inside, insideV6, pictures]) server.reset()
})
afterEach(() => tmp.cleanup())

const PICTURE_HOST = 'pictures.test'

async function picture(url: string, extra: Partial<PictureCacheOptions> = {}) {
  const cache = createPictureCache({
    dir: join(tmp.dir, 'pictures'),
    pictureUrl: () => Promise.resolve(url),
    isOffline: () => Promise.resolve(false),
    allowedHosts: [{ hostname: PICTURE_HOST, address: '127.0.0.1', http: true }],
    timeoutMs: 2_000,
    maxBytes: 100_000,
    ...extra,
  })
  return (await cache.get(1)).dataUrl
}

const forbidden = () => {
  const p = inside.port
  const p6 = insideV6.port
  return [
    `http://127.0.0.1:${p}/internal-admin?action=delete`,
    `https://127.0.0.1:${p}/face.png`,
    `http://0x7f000001:${p}/`,
    `http://2130706433:${p}/`,
    `http://0177.0.0.1:${p}/`,
    `http://127.1:${p}/`,
    `http://0x7f.1:${p}/`,
    `http://0.0.0.0:${p}/`,
    `http://0:${p}/`,
    `http://localhost:${p}/`,
    `https://localhost:${p}/`,
    `http://LOCALHOST.:${p}/`,
    `http://[::ffff:127.0.0.1]:${p}/`,
    `https://[::ffff:7f00:1]:${p}/`,
    `http://[::1]:${p6}/`,
    `https://[::1]:${p6}/`,
    `http://[::]:${p6}/`,
    `http://user:pass@${PICTURE_HOST}:${pictures.port}/face.png`,
  ]
}

describe('picture fetching refuses every address that is not the public internet', () => {
  it('refuses each loopback form, with nothing reaching the local service', async () => {
    for (const url of forbidden()) {
      expect(await picture(url), url).toBeNull()
    }
    expect(inside.connections).toBe(0)
    expect(insideV6.connections).toBe(0)
    expect(pictures.connections).toBe(0)
  })

  it('keeps refusing them when plain http is allowed for that very host name', async () => {
    // Allowing http for a name relaxes the scheme, never the address check.
    for (const url of forbidden()) {
      const hostname = new URL(url).hostname
      expect(await picture(url, { allowedHosts: [{ hostname, http: true }] }), url).toBeNull()
    }
    expect(inside.connections + insideV6.connections).toBe(0)
  })

  it('refuses a name when any of its addresses is private, whatever comes first', async () => {
    const asked: string[] = []
    const lookup = (host: string) => {
      asked.push(host)
      return Promise.resolve([{ address: '93.184.215.14' }, { address: '127.0.0.1' }])
    }
    expect(
      await picture(`http://localhost:${inside.port}/`, {
        lookup,
        allowedHosts: [{ hostname: 'localhost', http: true }],
      }),
    ).toBeNull()
    expect(asked).toEqual(['localhost'])
    expect(inside.connections).toBe(0)
  })

  it('gives up when DNS does not answer within the deadline, connecting nowhere', async () => {
    const started = Date.now()
    const url = `http://localhost:${inside.port}/face.png`
    const stalled = await picture(url, {
      lookup: () => new Promise(() => undefined),
      allowedHosts: [{ hostname: 'localhost', http: true }],
      timeoutMs: 200,
    })
    expect(stalled).toBeNull()
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(inside.connections).toBe(0)
  })

  it('refuses plain http to a host nobody allowed, before asking DNS', async () => {
    const asked: string[] = []
    const lookup = (host: string) => {
      asked.push(host)
      return Promise.resolve([{ address: '127.0.0.1' }])
    }
    expect(await picture(`http://localhost:${inside.port}/face.png`, { lookup })).toBeNull()
    expect(asked).toEqual([])
    expect(inside.connections).toBe(0)
  })
})

describe('redirects', () => {
  const via = (to: string) =>
    `http://${PICTURE_HOST}:${pictures.port}/redirect?to=${encodeURIComponent(to)}`

  it('refuses a redirect to a local address, without following it', async () => {
    for (const to of [
      `http://127.0.0.1:${inside.port}/internal-admin?action=delete`,
      `http://0x7f000001:${inside.port}/`,
      `http://localhost:${inside.port}/`,
      `https://[::1]:${insideV6.port}/`,
    ]) {
      expect(await picture(via(to)), to).toBeNull()
    }
    expect(inside.connections + insideV6.connections).toBe(0)
    // The allowed host was asked each time; the redirect itself was judged and dropped.
    expect(pictures.requests).toHaveLength(4)
  })

  it('also refuses the redirect when the first hop is an allowed local name', async () => {
    // Reaching 127.0.0.1 through an allowed name does not make 127.0.0.1 itself allowed.
    const to = `http://127.0.0.1:${inside.port}/internal-admin?action=delete`
    const first = `http://localhost:${pictures.port}/redirect?to=${encodeURIComponent(to)}`
    const allowedHosts = [{ hostname: 'localhost', address: '127.0.0.1', http: true }]
    expect(await picture(first, { allowedHosts })).toBeNull()
    expect(pictures.requests).toHaveLength(1)
    expect(inside.connections).toBe(0)
  })

  it('follows up to three redirects that stay on allowed hosts, and no more', async () => {
    const hops = (n: number) => `http://${PICTURE_HOST}:${pictures.port}/hops?n=${n}`
    expect(await picture(hops(3))).toBe(PNG_DATA_URL)
    pictures.reset()
    tmp.cleanup()
    tmp = makeTempDir()
    expect(await picture(hops(4))).toBeNull()
    // The fourth redirect is never followed: four requests, not five.
    expect(pictures.requests.map((r) => r.url)).toEqual([
      '/hops?n=4',
      '/hops?n=3',
      '/hops?n=2',
      '/hops?n=1',
    ])
  })
})

describe('the allowed host and what it may send', () => {
  it('fetches from an allowed host at its pinned address, without DNS', async () => {
    const asked: string[] = []
    const lookup = (host: string) => {
      asked.push(host)
      return Promise.resolve([{ address: '93.184.215.14' }])
    }
    const url = `http://${PICTURE_HOST}:${pictures.port}/face.png`
    expect(await picture(url, { lookup })).toBe(PNG_DATA_URL)
    expect(asked).toEqual([])
    expect(pictures.requests).toEqual([
      { host: `${PICTURE_HOST}:${pictures.port}`, url: '/face.png' },
    ])
  })

  it('accepts only JPEG, PNG, WebP and GIF content types', async () => {
    const allowedHosts = [{ hostname: 'localhost', address: '127.0.0.1', http: true }]
    const at = (path: string) =>
      picture(`http://localhost:${pictures.port}${path}`, { allowedHosts })
    // PNG bytes, but declared as a web page: whatever sent that is not a picture host.
    expect(await at('/as-html.png')).toBeNull()
    expect(await at('/face.avif')).toBeNull()
    expect(pictures.requests).toHaveLength(2)
  })
})
