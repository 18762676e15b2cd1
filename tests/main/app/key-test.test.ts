import { describe, expect, it } from 'vitest'
import { testProviderKey } from '../../../src/main/app/key-test'
import type { ModashApi } from '../../../src/main/providers/modash/modash-api'
import { ProviderError } from '../../../src/main/providers/provider-error'

const meta = { httpStatus: 200, durationMs: 3, attempts: 1 }

function clients(options: { configured?: string[]; userInfo?: ModashApi['userInfo'] }) {
  const configured = new Set(options.configured ?? ['modash', 'clay', 'clayRoutine'])
  return {
    configured: (key: 'modash' | 'clay' | 'clayRoutine') => configured.has(key),
    modash: {
      userInfo:
        options.userInfo ??
        (() =>
          Promise.resolve({
            data: { error: false as const, billing: { credits: 1234.5, rawRequests: 10 } },
            meta,
          })),
    } as unknown as ModashApi,
  }
}

describe('keys:test', () => {
  it('checks the Modash key with the free account call', async () => {
    expect(await testProviderKey('modash', clients({}))).toEqual({
      ok: true,
      message: 'Modash accepted the key (1234 credits left).',
    })
  })

  it('reports a refused key in plain words, without the key', async () => {
    const refused = () =>
      Promise.reject(
        new ProviderError({
          provider: 'modash',
          code: 'KEY_MISSING',
          providerCode: 'invalid_token',
          message: 'Modash refused the API key',
        }),
      )
    const answer = await testProviderKey('modash', clients({ userInfo: refused }))
    expect(answer).toEqual({ ok: false, message: 'Modash refused the API key' })
  })

  it('does not call Modash without a key', async () => {
    let called = false
    const answer = await testProviderKey(
      'modash',
      clients({
        configured: [],
        userInfo: () => {
          called = true
          return Promise.reject(new Error('should not be called'))
        },
      }),
    )
    expect(answer.ok).toBe(false)
    expect(called).toBe(false)
  })

  it('for Clay, checks that the key and the routine id are both set', async () => {
    expect(await testProviderKey('clay', clients({}))).toEqual({ ok: true, message: 'key stored' })
    expect((await testProviderKey('clay', clients({ configured: ['clay'] }))).ok).toBe(false)
    expect((await testProviderKey('clay', clients({ configured: [] }))).ok).toBe(false)
  })
})
