import { AppError } from '../../shared/errors'

/** What the user is told whenever the team database does not answer. */
export const UNREACHABLE =
  'The team database cannot be reached: paid calls are paused; cached data still works.'

/** PostgreSQL states meaning "no server to talk to right now" (shut down, starting, full). */
const GONE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014'])
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
])
const NETWORK_WORDS = [
  'connection terminated',
  'timeout exceeded when trying to connect',
  'query read timeout',
  'not queryable',
  'server closed the connection',
  'connection ended',
  'the database system is',
]
const TLS_WORDS = ['certificate', 'self-signed', 'does not support ssl', 'ssl']

/** True when `err` says the team database could not be reached (not that it refused). */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof AppError) return err.details?.team === 'unreachable'
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || GONE_STATES.has(code) || code.startsWith('08')) return true
  }
  const message = err instanceof Error ? err.message.toLowerCase() : ''
  return NETWORK_WORDS.some((w) => message.includes(w))
}

/**
 * A typed error in plain words for anything the team database (or the way to it) said. An
 * AppError passes through unchanged.
 */
export function teamError(err: unknown, user?: string): AppError {
  if (err instanceof AppError) return err
  const code = (err as { code?: unknown } | null)?.code
  const message = err instanceof Error ? err.message : String(err)
  if (isUnreachable(err)) {
    return new AppError('PROVIDER_UNAVAILABLE', UNREACHABLE, {
      team: 'unreachable',
      cause: message,
    })
  }
  switch (code) {
    case '28P01':
    case '28000':
      return new AppError(
        'FORBIDDEN',
        `The team database refused the sign-in${user ? ` of "${user}"` : ''}: check the team ` +
          'password in Settings, or ask your admin for a new one (npm run team:add-user).',
        { team: 'sign-in' },
      )
    case '42501':
      return new AppError('FORBIDDEN', `The team database does not allow this: ${message}.`, {
        team: 'forbidden',
      })
    case '3D000':
    case '42P01':
    case '42883':
    case '3F000':
      return new AppError(
        'PRECONDITION',
        'The team database is not set up for Creator Desk yet: ask your admin to run ' +
          'npm run team:setup.',
        { team: 'not-set-up', cause: message },
      )
    case 'CDR01':
      return new AppError(
        'PRECONDITION',
        'The reservation on the team ledger ran out before the call was sent. Nothing was ' +
          'charged; try again.',
        { team: 'reservation-expired' },
      )
    case 'CDR02':
      return new AppError('PRECONDITION', `The team ledger has no such reservation: ${message}.`, {
        team: 'unknown-reservation',
      })
    default:
      break
  }
  const lower = message.toLowerCase()
  // Node's TLS errors carry codes like DEPTH_ZERO_SELF_SIGNED_CERT; PostgreSQL's are 5 characters.
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
  if (
    !sqlState &&
    (/CERT|TLS|SSL/.test(String(code)) || TLS_WORDS.some((w) => lower.includes(w)))
  ) {
    return new AppError(
      'FORBIDDEN',
      `The team database's secure connection could not be set up (${message}): check the ` +
        'address and its certificate in Settings.',
      { team: 'tls', cause: message },
    )
  }
  return new AppError('STORAGE', `The team database refused the request: ${message}.`, {
    team: 'refused',
    ...(typeof code === 'string' ? { sqlState: code } : {}),
  })
}
