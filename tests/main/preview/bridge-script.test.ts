import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../src/shared/ipc-contract'
import { bridgeScript, injectBridge } from '../../../src/main/preview/bridge-script'

interface FakeResponse {
  status: number
  json(): Promise<unknown>
}

interface SentInit {
  method: string
  body?: string
  headers: Record<string, string>
}

/** The page as the preview serves it: the token in a meta tag the bridge looks up. */
function pageWithToken(token: string | null) {
  return {
    querySelector: (selector: string) =>
      selector === 'meta[name="creator-desk-preview-token"]' && token !== null
        ? { getAttribute: (name: string) => (name === 'content' ? token : null) }
        : null,
  }
}

function loadBridge(
  respond: (url: string, init: { body?: string }) => FakeResponse,
  token: string | null = 'the-run-token-0123456789',
) {
  const requests: { url: string; init: SentInit }[] = []
  const window: Record<string, unknown> = {}
  runInNewContext(bridgeScript(), {
    window,
    document: pageWithToken(token),
    fetch: (url: string, init: SentInit) => {
      requests.push({ url, init })
      return Promise.resolve(respond(url, init))
    },
  })
  return { api: window.api as Record<string, (input?: unknown) => Promise<unknown>>, requests }
}

describe('preview bridge script', () => {
  it('gives the page a window.api with exactly the contract’s channels', () => {
    const { api } = loadBridge(() => ({ status: 200, json: () => Promise.resolve(null) }))
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort())
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('POSTs the input as JSON to /ipc/<channel> and resolves with the envelope', async () => {
    const envelope = { ok: true, data: { id: 1 } }
    const { api, requests } = loadBridge(() => ({
      status: 200,
      json: () => Promise.resolve(envelope),
    }))
    await expect(api['lists:create']?.({ name: 'A' })).resolves.toEqual(envelope)
    expect(requests).toEqual([
      {
        url: '/ipc/lists:create',
        init: expect.objectContaining({ method: 'POST', body: '{"name":"A"}' }) as unknown,
      },
    ])
  })

  it('sends the page’s token with every call, and an empty one when the page has none', async () => {
    const ok = () => ({ status: 200, json: () => Promise.resolve({ ok: true, data: null }) })
    const withToken = loadBridge(ok)
    await withToken.api['app:info']?.({})
    await withToken.api['lists:list']?.()
    expect(withToken.requests.map((r) => r.init.headers['x-preview-token'])).toEqual([
      'the-run-token-0123456789',
      'the-run-token-0123456789',
    ])
    const without = loadBridge(ok, null)
    await without.api['app:info']?.({})
    expect(without.requests[0]?.init.headers['x-preview-token']).toBe('')
  })

  it('turns HTTP failures into envelopes, so the renderer handles one shape', async () => {
    const { api } = loadBridge(() => ({ status: 403, json: () => Promise.reject(new Error()) }))
    await expect(api['app:info']?.({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('is injected with the token before the first script, or at the end of head', () => {
    const tags =
      '<meta name="creator-desk-preview-token" content="tok"><script src="./preview-bridge.js"></script>'
    expect(injectBridge('<head><script src="a.js"></script></head>', 'tok')).toBe(
      `<head>${tags}<script src="a.js"></script></head>`,
    )
    expect(injectBridge('<head><title>x</title></head>', 'tok')).toBe(
      `<head><title>x</title>${tags}</head>`,
    )
  })
})
