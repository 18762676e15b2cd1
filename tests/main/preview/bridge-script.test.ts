import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../src/shared/ipc-contract'
import { bridgeScript, injectBridge } from '../../../src/main/preview/bridge-script'

interface FakeResponse {
  status: number
  json(): Promise<unknown>
}

function loadBridge(respond: (url: string, init: { body?: string }) => FakeResponse) {
  const requests: { url: string; init: { method: string; body?: string } }[] = []
  const window: Record<string, unknown> = {}
  runInNewContext(bridgeScript(), {
    window,
    fetch: (url: string, init: { method: string; body?: string }) => {
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

  it('turns HTTP failures into envelopes, so the renderer handles one shape', async () => {
    const { api } = loadBridge(() => ({ status: 403, json: () => Promise.reject(new Error()) }))
    await expect(api['app:info']?.({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('is injected before the first script, or at the end of head', () => {
    expect(injectBridge('<head><script src="a.js"></script></head>')).toBe(
      '<head><script src="./preview-bridge.js"></script><script src="a.js"></script></head>',
    )
    expect(injectBridge('<head><title>x</title></head>')).toBe(
      '<head><title>x</title><script src="./preview-bridge.js"></script></head>',
    )
  })
})
