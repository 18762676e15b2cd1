import { AppError } from '../../../shared/errors'
import { probeKeychain } from '../../keychain/secret-backend'
import type { SecretBackend } from '../../keychain/secret-backend'
import { TEAM_PASSWORD_ACCOUNT, readTeamPassword, storeTeamPassword } from '../../team/invite'

/** A run can be given the password instead (preview, CI, a computer with no keychain). */
export const TEAM_PASSWORD_ENV = 'TEAM_DATABASE_PASSWORD'

/**
 * Where the manager's team password lives: the OS keychain, or for one run the environment.
 * Never anywhere else: with no keychain and no environment variable, joining is refused rather
 * than the password kept in a file. The value read is held in main's memory only.
 */
export interface TeamPasswords {
  /** The password for the next connection: the environment's, else the keychain's. */
  read(): string | null
  fromEnvironment(): boolean
  keychainAvailable(): boolean
  /** Before joining: refuses when the password could be kept nowhere. */
  assertCanKeep(): void
  /** Into the keychain (when there is one; with none, the environment's is used). */
  keep(password: string): void
  forget(): void
}

export function teamPasswords(options: {
  /** The OS keychain; absent where there is none to offer. */
  backend?: () => SecretBackend
  env: Record<string, string | undefined>
}): TeamPasswords {
  let backend: SecretBackend | null | undefined
  let cached: string | null = null
  const keychain = (): SecretBackend | null => {
    if (backend !== undefined) return backend
    try {
      const made = options.backend?.() ?? null
      backend = made !== null && probeKeychain(made) ? made : null
    } catch {
      backend = null
    }
    return backend
  }
  const fromEnv = (): string | null => {
    const value = options.env[TEAM_PASSWORD_ENV]
    return value ? value : null
  }
  return {
    read() {
      const env = fromEnv()
      if (env !== null) return env
      if (cached !== null) return cached
      const store = keychain()
      if (store === null) return null
      try {
        cached = readTeamPassword(store)
      } catch {
        cached = null
      }
      return cached
    },
    fromEnvironment: () => fromEnv() !== null,
    keychainAvailable: () => keychain() !== null,
    assertCanKeep() {
      if (keychain() === null && fromEnv() === null) throw noKeychain()
    },
    keep(password) {
      const store = keychain()
      if (store === null) {
        if (fromEnv() === null) throw noKeychain()
        return
      }
      try {
        storeTeamPassword(store, password)
      } catch (err) {
        throw new AppError(
          'PRECONDITION',
          'The keychain did not let Creator Desk store the team password, so the team was not ' +
            'joined. Unlock the keychain and try again.',
          { team: 'keychain', reason: err instanceof Error ? err.message : String(err) },
        )
      }
      cached = password
    },
    forget() {
      cached = null
      const store = keychain()
      if (store === null) return
      try {
        store.delete(TEAM_PASSWORD_ACCOUNT)
      } catch (err) {
        throw new AppError(
          'PRECONDITION',
          'You left the team, but the keychain did not let Creator Desk remove the team ' +
            `password: remove "${TEAM_PASSWORD_ACCOUNT}" of "Creator Desk" from the keychain.`,
          { team: 'keychain', reason: err instanceof Error ? err.message : String(err) },
        )
      }
    },
  }
}

function noKeychain(): AppError {
  return new AppError(
    'PRECONDITION',
    'No usable keychain was found on this computer (on Linux: no Secret Service, e.g. GNOME ' +
      'Keyring or KWallet), so the team password cannot be kept safely and the team was not ' +
      `joined. Set ${TEAM_PASSWORD_ENV} in the environment to join for one run.`,
    { team: 'keychain' },
  )
}

/** What a laptop whose keychain lost the password (or never had it) is told on every call. */
export function missingPasswordError(): AppError {
  return new AppError(
    'FORBIDDEN',
    "The team password is not in this computer's keychain, so the team database cannot be " +
      'used: leave the team in Settings → Team and join again with a new invitation from your ' +
      'admin (npm run team:add-user -- NAME --reset-password).',
    { team: 'sign-in' },
  )
}
