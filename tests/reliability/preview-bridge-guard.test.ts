import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/electron/content-security-policy'
import type { Handlers } from '../../src/main/ipc/dispatch'
import { startPreviewServer } from '../../src/main/preview/preview-server'
import type { PreviewServer } from '../../src/main/preview/preview-server'
import { CHANNEL_NAMES } from '../../src/shared/ipc-contract'
import { makeTempDir } from '../helpers/temp-dir'
import { recordFigures } from './helpers/figures'

/**
 * Part 6, the browser preview: only pages it served itself may call the handler table. A foreign
 * Host (DNS rebinding) or Origin (another site posting at loopback) is refused before any
 * handler runs, on every path.
 */

const tmp = makeTempDir('creator-desk-preview-guard-')
const handled: string[] = []
let server: PreviewServer
let refusedCount = 0

beforeAll(async () => {
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((c) => [
      c,
      () => {
        handled.push(c)
        return Promise.resolve({ secret: 'handler ran' })
      },
    ]),
  ) as unknown as Handlers
  server = await startPreviewServer({
    handlers,
    rendererDir: join(tmp.dir, 'renderer'),
    port: 0,
  })
})
afterAll(async () => {
  await server?.close()
  tmp.cleanup()
  recordFigures('preview-bridge-guard', { refusedRequests: refusedCount })
})

function send(
  path: string,
  headers: Record<string, string>,
  method = 'POST',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method, headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(method === 'POST' ? '{}' : undefined)
  })
}

describe('preview bridge guard', () => {
  const own = () => `127.0.0.1:${server.port}`
  const foreignHosts = () => [
    'evil.test',
    `evil.test:${server.port}`,
    `127.0.0.1.evil.test:${server.port}`,
    `localhost:${server.port + 1}`,
    `127.0.0.1`,
    `[::1]:${server.port}`,
    `0.0.0.0:${server.port}`,
  ]
  const foreignOrigins = () => [
    'http://evil.test',
    'null',
    `https://127.0.0.1:${server.port}`,
    `http://127.0.0.1:${server.port}.evil.test`,
    `http://localhost:${server.port + 1}`,
    'file://',
    `http://evil.test@127.0.0.1:${server.port}`,
  ]

  it('refuses a foreign Host on every path, before any handler', async () => {
    for (const host of foreignHosts())
      for (const [path, method] of [
        ['/ipc/lists:list', 'POST'],
        ['/', 'GET'],
        ['/preview-bridge.js', 'GET'],
      ] as const) {
        const res = await send(path, { host, 'content-type': 'application/json' }, method)
        expect(res.status, `${host} ${path}`).toBe(403)
        expect(res.body).not.toContain('handler ran')
        refusedCount++
      }
    expect(handled).toEqual([])
  })

  it('refuses a foreign Origin, even with our own Host', async () => {
    for (const origin of foreignOrigins()) {
      const res = await send('/ipc/lists:list', { host: own(), origin })
      expect(res.status, origin).toBe(403)
      refusedCount++
    }
    expect(handled).toEqual([])
  })

  it('answers its own pages, with the same CSP as the app and no sniffing', async () => {
    const ipc = await send('/ipc/lists:list', { host: own(), origin: `http://${own()}` })
    expect(ipc.status).toBe(200)
    expect(JSON.parse(ipc.body)).toMatchObject({ ok: true })
    expect(handled).toEqual(['lists:list'])
    const page = await send('/', { host: `localhost:${server.port}` }, 'GET')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy())
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })
})
