import type { SecretBackend } from '../keychain/secret-backend'
import { AppError } from '../../shared/errors'
import { parseTeamUrl } from './connection-config'

/**
 * What `team:add-user` prints for a manager to paste into the app: the team database's address
 * (with the manager's user, never a password) and the password, in one line. The app keeps the
 * address in its settings and the password in the OS keychain only.
 */
export interface TeamInvite {
  connectionString: string
  password: string
  /** The server's certificate authority (PEM), when it is a private one. */
  caCertificate?: string
}

const PREFIX = 'cdteam1.'

/** The keychain account holding the manager's team password. */
export const TEAM_PASSWORD_ACCOUNT = 'team-database-password'

export function formatInvite(invite: TeamInvite): string {
  return PREFIX + Buffer.from(JSON.stringify(invite), 'utf8').toString('base64url')
}

export function parseInvite(code: string): TeamInvite {
  const trimmed = code.trim()
  if (!trimmed.startsWith(PREFIX)) throw invalid()
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(trimmed.slice(PREFIX.length), 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  const v = value as Partial<TeamInvite> | null
  if (
    typeof v?.connectionString !== 'string' ||
    typeof v.password !== 'string' ||
    v.password === '' ||
    (v.caCertificate !== undefined && typeof v.caCertificate !== 'string')
  ) {
    throw invalid()
  }
  parseTeamUrl(v.connectionString)
  return {
    connectionString: v.connectionString,
    password: v.password,
    ...(v.caCertificate === undefined ? {} : { caCertificate: v.caCertificate }),
  }
}

/** Keeps the password in the OS keychain; the rest of the invite goes to the app's settings. */
export function storeTeamPassword(backend: SecretBackend, password: string): void {
  backend.set(TEAM_PASSWORD_ACCOUNT, password)
}

export function readTeamPassword(backend: SecretBackend): string | null {
  return backend.get(TEAM_PASSWORD_ACCOUNT)
}

function invalid(): AppError {
  return new AppError(
    'VALIDATION',
    'This is not a Creator Desk team invitation: paste the whole line printed by npm run team:add-user.',
  )
}
