import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../src/main/ipc/dispatch'
import { MAX_IPC_BODY_BYTES, startPreviewServer } from '../../../src/main/preview/preview-server'
import type { PreviewServer } from '../../../src/main/preview/preview-server'
import { makeTempDir } from '../../helpers/temp-dir'
import { httpCall, postIpc } from './http-client'

const tmp = makeTempDir()
const rendererDir = join(tmp.dir, 'renderer')
let server: PreviewServer
const received: unknown[] = []

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>CD</title><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(tmp.dir, 'secret.txt'), 'not for the browser')
  const handlers = {
    'app:info': () =>
      Promise.resolve({ version: 't', dataDir: '/d', mode: 'sandbox', keychain: 'unavailable' }),
    'lists:create': (input: unknown) => {
      received.push(input)
      return Promise.resolve({ id: 1, name: 'A', memberCount: 0, createdAt: '', updatedAt: '' })
    },
  } as unknown as Handlers
  server = await startPreviewServer({ handlers, rendererDir, port: 0 })
})
afterAll(async () => {
  await server.close()
  tmp.cleanup()
})

describe('preview server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('answers POST /ipc/<channel> with the same envelope as IPC', async () => {
    const res = await postIpc(server, 'app:info', {})
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/json')
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      data: { version: 't', dataDir: '/d', mode: 'sandbox', keychain: 'unavailable' },
    })
  })

  it('answers 404 for a channel that is not in the contract', async () => {
    expect((await postIpc(server, 'app:shutdown', {})).status).toBe(404)
    expect((await postIpc(server, '__proto__', {})).status).toBe(404)
  })

  it('answers invalid input with 200 and a VALIDATION envelope, before any handler runs', async () => {
    const res = await postIpc(server, 'lists:create', { name: '', admin: true })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const broken = await httpCall(`${server.url}ipc/lists:create`, {
      method: 'POST',
      headers: { 'x-preview-token': server.token },
      body: '{"name":',
    })
    expect(broken.status).toBe(200)
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(received).toEqual([])
  })

  it('passes valid input to the handler', async () => {
    const res = await postIpc(server, 'lists:create', { name: ' Summer ' })
    expect(JSON.parse(res.body)).toMatchObject({ ok: true })
    expect(received).toEqual([{ name: 'Summer' }])
    received.length = 0
  })

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }],
    ['a foreign Host on our port', { host: `evil.example:${0}` }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['an opaque Origin', { origin: 'null' }],
    ['our port over another scheme', { origin: 'https://127.0.0.1:PORT' }],
  ])('refuses %s with 403', async (_label, headers) => {
    const fixed = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(server.port))]),
    )
    expect((await postIpc(server, 'app:info', {}, fixed)).status).toBe(403)
    expect((await httpCall(server.pageUrl, { headers: fixed })).status).toBe(403)
  })

  it('accepts its own origin, as the bridge sends it', async () => {
    const origin = `http://127.0.0.1:${server.port}`
    expect((await postIpc(server, 'app:info', {}, { origin })).status).toBe(200)
  })

  it('refuses bodies over the cap with 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(MAX_IPC_BODY_BYTES) })
    const res = await httpCall(`${server.url}ipc/lists:create`, {
      method: 'POST',
      headers: { 'x-preview-token': server.token },
      body,
    })
    expect(res.status).toBe(413)
    expect(received).toEqual([])
  })

  it('serves the renderer with the bridge loaded before the app script, under the CSP', async () => {
    const res = await httpCall(server.pageUrl)
    expect(res.status).toBe(200)
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    const bridgeAt = res.body.indexOf('<script src="./preview-bridge.js"></script>')
    expect(bridgeAt).toBeGreaterThan(0)
    expect(bridgeAt).toBeLessThan(res.body.indexOf('./assets/app.js'))
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'")
  })

  it('serves the bridge script and the built assets', async () => {
    const bridge = await httpCall(`${server.url}preview-bridge.js`)
    expect(bridge.status).toBe(200)
    expect(bridge.headers['content-type']).toContain('javascript')
    expect(bridge.body).toContain('/ipc/')
    const asset = await httpCall(`${server.url}assets/app.js`)
    expect(asset.body).toBe('console.log(1)')
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '../secret.txt',
      '..%2fsecret.txt',
      '%2e%2e/secret.txt',
      'assets/../../secret.txt',
    ]) {
      const res = await httpCall(`${server.url}${path}`)
      expect(res.body).not.toContain('not for the browser')
    }
  })

  it('only POSTs reach /ipc', async () => {
    const token = { 'x-preview-token': server.token }
    expect((await httpCall(`${server.url}ipc/app:info`, { headers: token })).status).toBe(405)
  })
})

describe('preview token', () => {
  it('is 32 random bytes in hex unless one is given, and the page address carries it', () => {
    expect(server.token).toMatch(/^[0-9a-f]{64}$/)
    expect(server.pageUrl).toBe(`${server.url}?token=${server.token}`)
  })

  it.each([
    ['no token', {}],
    ['an empty token', { 'x-preview-token': '' }],
    ['a wrong token of the same length', { 'x-preview-token': 'f'.repeat(64) }],
    ['a prefix of the token', { 'x-preview-token': 'TOKEN_PREFIX' }],
    ['the token with something after it', { 'x-preview-token': 'TOKEN_PLUS' }],
  ])('refuses an /ipc call with %s, before any handler runs', async (_label, given) => {
    const headers = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [
        k,
        v
          .replace('TOKEN_PREFIX', server.token.slice(0, 32))
          .replace('TOKEN_PLUS', `${server.token}0`),
      ]),
    )
    const res = await httpCall(`${server.url}ipc/lists:create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'Bought without asking' }),
    })
    expect(res.status).toBe(403)
    expect(res.body).not.toContain('Bought')
    expect(received).toEqual([])
  })

  it('does not take the token from the query string of an /ipc call', async () => {
    const res = await httpCall(`${server.url}ipc/lists:create?token=${server.token}`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Bought without asking' }),
    })
    expect(res.status).toBe(403)
    expect(received).toEqual([])
  })

  it('hides the page, which holds the token, from whoever lacks it', async () => {
    for (const path of ['', 'index.html', '?token=', `?token=${'0'.repeat(64)}`]) {
      const res = await httpCall(`${server.url}${path}`)
      expect(res.status, path).toBe(403)
      expect(res.body).not.toContain(server.token)
    }
    const page = await httpCall(server.pageUrl)
    expect(page.body).toContain(
      `<meta name="creator-desk-preview-token" content="${server.token}">`,
    )
    // The script anyone may load holds no secret: it reads the token from the page.
    expect((await httpCall(`${server.url}preview-bridge.js`)).body).not.toContain(server.token)
  })

  it('uses the token it was given', async () => {
    const token = 'a-chosen-token-0123456789'
    const handlers = { 'app:info': () => Promise.resolve({ mode: 'real' }) } as unknown as Handlers
    const other = await startPreviewServer({ handlers, rendererDir, port: 0, token })
    try {
      expect(other.token).toBe(token)
      const res = await postIpc(other, 'app:info', {})
      expect(JSON.parse(res.body)).toEqual({ ok: true, data: { mode: 'real' } })
      expect((await postIpc(server, 'app:info', {}, { 'x-preview-token': token })).status).toBe(403)
    } finally {
      await other.close()
    }
  })

  it('refuses a token too short to be secret, or one that would need escaping', async () => {
    for (const token of ['short', 'x'.repeat(20) + '"><script>'])
      await expect(
        startPreviewServer({ handlers: {} as Handlers, rendererDir, port: 0, token }),
      ).rejects.toThrow('PREVIEW_TOKEN must be')
  })
})
