import type { KeyName, KeysStatus } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { probeKeychain } from './secret-backend'
import type { SecretBackend } from './secret-backend'

export const KEY_NAMES: readonly KeyName[] = ['modash', 'clay', 'clayRoutine']

/** Keychain accounts, named as keytar would have them. */
export const KEY_ACCOUNTS: Record<KeyName, string> = {
  modash: 'modash-api-key',
  clay: 'clay-api-key',
  clayRoutine: 'clay-routine-id',
}

export const KEY_ENV_VARS: Record<KeyName, string> = {
  modash: 'MODASH_API_KEY',
  clay: 'CLAY_API_KEY',
  clayRoutine: 'CLAY_ROUTINE_ID',
}

/**
 * The only holder of API keys in the app. Values stay in main memory; what leaves this module
 * for the renderer is `status()`, which says whether a key is configured and from where, never
 * the key. An environment variable wins over the keychain so a run can be pointed elsewhere
 * (preview, CI) without touching the stored keys.
 */
export interface KeyStore {
  readonly keychain: 'available' | 'unavailable'
  get(name: KeyName): string | null
  status(): KeysStatus
  set(name: KeyName, value: string): KeysStatus
  clear(name: KeyName): KeysStatus
}

export function openKeyStore(options: {
  backend: () => SecretBackend
  env: Record<string, string | undefined>
  log?: (message: string) => void
}): KeyStore {
  const backend = tryBackend(options.backend)
  const available = backend !== null && probeKeychain(backend)
  const stored = new Map<KeyName, string>()
  if (backend !== null && available) {
    for (const name of KEY_NAMES) {
      try {
        const value = backend.get(KEY_ACCOUNTS[name])
        if (value) stored.set(name, value)
      } catch (err) {
        options.log?.(`Could not read ${KEY_ACCOUNTS[name]} from the keychain: ${errorText(err)}`)
      }
    }
  }
  const fromEnv = (name: KeyName): string | null => {
    const value = options.env[KEY_ENV_VARS[name]]?.trim()
    return value ? value : null
  }

  const status = (): KeysStatus => {
    const entry = (name: KeyName): KeysStatus['keys'][KeyName] => {
      if (fromEnv(name) !== null) return { configured: true, from: 'environment' }
      if (stored.has(name)) return { configured: true, from: 'keychain' }
      return { configured: false, from: null }
    }
    return {
      keychain: available ? 'available' : 'unavailable',
      keys: { modash: entry('modash'), clay: entry('clay'), clayRoutine: entry('clayRoutine') },
    }
  }

  const requireBackend = (): SecretBackend => {
    if (backend === null || !available) {
      throw new AppError(
        'PRECONDITION',
        'No usable keychain was found on this computer (on Linux: no Secret Service, e.g. ' +
          'GNOME Keyring or KWallet), so keys cannot be stored. Set MODASH_API_KEY, ' +
          'CLAY_API_KEY and CLAY_ROUTINE_ID in the environment to use them for one run.',
      )
    }
    return backend
  }

  return {
    keychain: available ? 'available' : 'unavailable',
    get: (name) => fromEnv(name) ?? stored.get(name) ?? null,
    status,
    set(name, value) {
      const keychain = requireBackend()
      refusedBy(() => keychain.set(KEY_ACCOUNTS[name], value), 'store')
      stored.set(name, value)
      return status()
    },
    clear(name) {
      const keychain = requireBackend()
      refusedBy(() => keychain.delete(KEY_ACCOUNTS[name]), 'remove')
      stored.delete(name)
      return status()
    },
  }
}

/** A locked or denied keychain is something the user can fix, not an internal error. */
function refusedBy(action: () => unknown, verb: string): void {
  try {
    action()
  } catch (err) {
    throw new AppError('PRECONDITION', `The keychain did not let Creator Desk ${verb} the key.`, {
      reason: errorText(err),
    })
  }
}

function tryBackend(make: () => SecretBackend): SecretBackend | null {
  try {
    return make()
  } catch {
    return null
  }
}

// Keychain errors can echo what was asked for, but never a secret: only names go in.
function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
