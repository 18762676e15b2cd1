import { beforeEach, describe, expect, it, vi } from 'vitest'

const created: { service: string; account: string; options: unknown }[] = []
const passwords = new Map<string, string>()

vi.mock('@napi-rs/keyring', () => ({
  Entry: class {
    private readonly key: string
    constructor(service: string, account: string, options: unknown) {
      created.push({ service, account, options })
      this.key = `${service}/${account}`
    }
    getPassword() {
      return passwords.get(this.key) ?? null
    }
    setPassword(secret: string) {
      passwords.set(this.key, secret)
    }
    deletePassword() {
      return passwords.delete(this.key)
    }
  },
}))

const { osKeychainBackend, KEYCHAIN_SERVICE, openKeyStore } =
  await import('../../src/main/keychain')

beforeEach(() => {
  created.length = 0
  passwords.clear()
})

describe('OS keychain backend', () => {
  it('uses keytar’s naming and pins Linux to the Secret Service', () => {
    const store = openKeyStore({ backend: () => osKeychainBackend(), env: {} })
    store.set('modash', 'k1')
    store.set('clay', 'k2')
    store.set('clayRoutine', 'r1')
    expect(KEYCHAIN_SERVICE).toBe('Creator Desk')
    expect([...passwords.keys()].sort()).toEqual([
      'Creator Desk/clay-api-key',
      'Creator Desk/clay-routine-id',
      'Creator Desk/modash-api-key',
    ])
    // Without the pin the library would fall back to the kernel keyring, which forgets at logout.
    for (const entry of created) {
      expect(entry.options).toEqual({ linux: { store: 'secret-service' } })
    }
  })
})
