import { Entry } from '@napi-rs/keyring'
import type { EntryOptions } from '@napi-rs/keyring'

/** keytar's naming: one service for the app, one account per secret. */
export const KEYCHAIN_SERVICE = 'Creator Desk'

/** The OS keychain as the key store needs it; injectable so tests can simulate its absence. */
export interface SecretBackend {
  get(account: string): string | null
  set(account: string, secret: string): void
  /** True when something was deleted. */
  delete(account: string): boolean
}

// Without this pin, @napi-rs/keyring falls back to the Linux kernel keyring, which forgets
// everything at logout: better to say "no keychain" than to lose keys silently.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } }

export function osKeychainBackend(service: string = KEYCHAIN_SERVICE): SecretBackend {
  const entry = (account: string) => new Entry(service, account, ENTRY_OPTIONS)
  return {
    get: (account) => entry(account).getPassword(),
    set: (account, secret) => entry(account).setPassword(secret),
    delete: (account) => entry(account).deletePassword(),
  }
}

const PROBE_ACCOUNT = 'availability-probe'

/**
 * Whether the keychain answers at all. Reading an account that is never written succeeds (with
 * null) on a working keychain and throws when there is none, e.g. no Secret Service on Linux.
 */
export function probeKeychain(backend: SecretBackend): boolean {
  try {
    backend.get(PROBE_ACCOUNT)
    return true
  } catch {
    return false
  }
}
