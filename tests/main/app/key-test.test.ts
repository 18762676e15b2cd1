import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testProviderKey } from '../../../src/main/app/key-test'
import { createClayClient } from '../../../src/main/providers/clay/clay-client'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import { startClayEmulator } from '../../../src/main/sandbox/clay-emulator'
import { startModashEmulator } from '../../../src/main/sandbox/modash-emulator'

type Emulators = {
  modash: Awaited<ReturnType<typeof startModashEmulator>>
  clay: Awaited<ReturnType<typeof startClayEmulator>>
}
let emu: Emulators
beforeAll(async () => {
  emu = {
    modash: await startModashEmulator({
      dataset: [],
      tokens: { 'good-modash': 1_234_500 },
      rateLimit: false,
    }),
    clay: await startClayEmulator({
      apiKeys: { 'good-clay': 10 },
      routines: ['function:t_email'],
      emails: {},
    }),
  }
})
afterAll(async () => {
  await emu.modash.close()
  await emu.clay.close()
})

/** Real clients against the emulators, with the keys a user might have typed. */
function clients(keys: { modash?: string; clay?: string; routine?: boolean }) {
  const fast = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
  return {
    configured: (key: 'modash' | 'clay' | 'clayRoutine') =>
      key === 'clayRoutine' ? keys.routine !== false : keys[key] !== undefined,
    modash: createModashClient({
      baseUrl: emu.modash.baseUrl,
      token: () => keys.modash ?? null,
      retry: fast,
    }),
    clay: createClayClient({
      baseUrl: emu.clay.baseUrl,
      apiKey: () => keys.clay ?? null,
      retry: fast,
    }),
  }
}

describe('keys:test', () => {
  it('checks the Modash key with the free account call', async () => {
    expect(await testProviderKey('modash', clients({ modash: 'good-modash' }))).toEqual({
      ok: true,
      message: 'Modash accepted the key (1234 credits left).',
    })
    expect(emu.modash.calls().at(-1)).toMatchObject({ route: 'userInfo', costMilliCredits: 0 })
  })

  it('reports a refused key in plain words, without the key', async () => {
    const answer = await testProviderKey('modash', clients({ modash: 'wrong-modash-key' }))
    expect(answer.ok).toBe(false)
    expect(answer.message).not.toContain('wrong-modash-key')
  })

  it('does not call a provider without a key', async () => {
    const before = emu.modash.calls().length + emu.clay.calls().length
    expect((await testProviderKey('modash', clients({}))).ok).toBe(false)
    expect((await testProviderKey('clay', clients({}))).ok).toBe(false)
    expect(emu.modash.calls().length + emu.clay.calls().length).toBe(before)
  })

  it('checks the Clay key with the free /me call, and needs the routine id too', async () => {
    expect(await testProviderKey('clay', clients({ clay: 'good-clay' }))).toEqual({
      ok: true,
      message: 'Clay accepted the key.',
    })
    expect(emu.clay.calls().at(-1)).toMatchObject({ route: 'me', status: 200 })
    const refused = await testProviderKey('clay', clients({ clay: 'wrong-clay-key' }))
    expect(refused.ok).toBe(false)
    expect(refused.message).not.toContain('wrong-clay-key')
    expect((await testProviderKey('clay', clients({ clay: 'good-clay', routine: false }))).ok).toBe(
      false,
    )
    expect(emu.clay.credits('good-clay')).toBe(10)
  })
})
