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
    const res = await postIpc(server.url, 'app:info', {})
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/json')
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      data: { version: 't', dataDir: '/d', mode: 'sandbox', keychain: 'unavailable' },
    })
  })

  it('answers 404 for a channel that is not in the contract', async () => {
    expect((await postIpc(server.url, 'app:shutdown', {})).status).toBe(404)
    expect((await postIpc(server.url, '__proto__', {})).status).toBe(404)
  })

  it('answers invalid input with 200 and a VALIDATION envelope, before any handler runs', async () => {
    const res = await postIpc(server.url, 'lists:create', { name: '', admin: true })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const broken = await httpCall(`${server.url}ipc/lists:create`, {
      method: 'POST',
      body: '{"name":',
    })
    expect(broken.status).toBe(200)
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(received).toEqual([])
  })

  it('passes valid input to the handler', async () => {
    const res = await postIpc(server.url, 'lists:create', { name: ' Summer ' })
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
    expect((await postIpc(server.url, 'app:info', {}, fixed)).status).toBe(403)
    expect((await httpCall(server.url, { headers: fixed })).status).toBe(403)
  })

  it('accepts its own origin, as the bridge sends it', async () => {
    const origin = `http://127.0.0.1:${server.port}`
    expect((await postIpc(server.url, 'app:info', {}, { origin })).status).toBe(200)
  })

  it('refuses bodies over the cap with 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(MAX_IPC_BODY_BYTES) })
    const res = await httpCall(`${server.url}ipc/lists:create`, { method: 'POST', body })
    expect(res.status).toBe(413)
    expect(received).toEqual([])
  })

  it('serves the renderer with the bridge loaded before the app script, under the CSP', async () => {
    const res = await httpCall(server.url)
    expect(res.status).toBe(200)
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
    expect((await httpCall(`${server.url}ipc/app:info`)).status).toBe(405)
  })
})
