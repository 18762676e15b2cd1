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
 * handler runs, on every path. Another program on the machine sends no Origin at all: it is
 * refused for want of the run's token, which only the page (itself served only with the token)
 * and the start-up line know.
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
  const token = () => ({ 'x-preview-token': server.token })
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
        // The token is no pass: a foreign Host is refused even with it.
        const headers = { host, 'content-type': 'application/json', ...token() }
        const url = path === '/' ? `/?token=${server.token}` : path
        const res = await send(url, headers, method)
        expect(res.status, `${host} ${path}`).toBe(403)
        expect(res.body).not.toContain('handler ran')
        refusedCount++
      }
    expect(handled).toEqual([])
  })

  it('refuses a foreign Origin, even with our own Host', async () => {
    for (const origin of foreignOrigins()) {
      const res = await send('/ipc/lists:list', { host: own(), origin, ...token() })
      expect(res.status, origin).toBe(403)
      refusedCount++
    }
    expect(handled).toEqual([])
  })

  it('refuses an /ipc call without the run’s token, even from its own Host and Origin', async () => {
    const t = server.token
    const attempts: [string, string, Record<string, string>][] = [
      ['no token, no Origin (any local program)', '/ipc/lists:list', {}],
      ['no token, own Origin', '/ipc/lists:list', { origin: `http://${own()}` }],
      ['an empty token', '/ipc/lists:list', { 'x-preview-token': '' }],
      ['a wrong token', '/ipc/lists:list', { 'x-preview-token': 'f'.repeat(t.length) }],
      ['a shorter token', '/ipc/lists:list', { 'x-preview-token': t.slice(0, -1) }],
      ['a longer token', '/ipc/lists:list', { 'x-preview-token': `${t}0` }],
      ['the token in upper case', '/ipc/lists:list', { 'x-preview-token': t.toUpperCase() }],
      ['the token in the query', `/ipc/lists:list?token=${t}`, {}],
      ['the token as a cookie', '/ipc/lists:list', { cookie: `x-preview-token=${t}` }],
      ['the token as a bearer', '/ipc/lists:list', { authorization: `Bearer ${t}` }],
      ['no token, unknown channel', '/ipc/app:shutdown', {}],
      ['no token, spending channel', '/ipc/creators:select', {}],
    ]
    for (const [label, path, headers] of attempts) {
      const res = await send(path, { host: own(), 'content-type': 'application/json', ...headers })
      expect(res.status, label).toBe(403)
      expect(res.body).not.toContain('handler ran')
      refusedCount++
    }
    expect(handled).toEqual([])
  })

  it('keeps the page, which holds the token, from whoever lacks the token', async () => {
    for (const path of ['/', '/index.html', '/?token=', `/?token=${'0'.repeat(64)}`]) {
      const res = await send(path, { host: own() }, 'GET')
      expect(res.status, path).toBe(403)
      expect(res.body).not.toContain(server.token)
      refusedCount++
    }
  })

  it('answers its own pages, with the same CSP as the app and no sniffing', async () => {
    const ipc = await send('/ipc/lists:list', {
      host: own(),
      origin: `http://${own()}`,
      ...token(),
    })
    expect(ipc.status).toBe(200)
    expect(JSON.parse(ipc.body)).toMatchObject({ ok: true })
    expect(handled).toEqual(['lists:list'])
    const page = await send(`/?token=${server.token}`, { host: `localhost:${server.port}` }, 'GET')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy())
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })
})
