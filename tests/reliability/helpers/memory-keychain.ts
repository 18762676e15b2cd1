import type { SecretBackend } from '../../../src/main/keychain'

/** A keychain that lives in memory: the real key store's logic over it, no OS service needed. */
export function memoryKeychain(): SecretBackend & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    get: (account) => entries.get(account) ?? null,
    set: (account, secret) => void entries.set(account, secret),
    delete: (account) => entries.delete(account),
  }
}
