import { readFileSync } from 'node:fs'
import type { ClientConfig } from 'pg'
import type { ConnectionOptions } from 'node:tls'
import { AppError } from '../../shared/errors'

/** How a laptop reaches the team database; the password normally comes from the OS keychain. */
export interface TeamConnectionOptions {
  /** `postgresql://user@host:port/database?sslmode=verify-full`; a password in it is accepted. */
  connectionString: string
  /** The manager's password, or where to get it (read at each new connection). */
  password?: string | (() => string | Promise<string>)
  /** A certificate authority to trust (PEM), for a server with a private certificate. */
  caCertificate?: string
  /** TLS options, overriding what `sslmode` says. */
  ssl?: boolean | ConnectionOptions
  connectTimeoutMs?: number
  /** The longest one statement may run, on the server and as seen from here. */
  statementTimeoutMs?: number
  maxConnections?: number
  applicationName?: string
}

export interface ParsedTeamUrl {
  user: string
  host: string
  port: number
  database: string
  password: string | null
  sslmode: string | null
  sslrootcert: string | null
}

/** Reads a PostgreSQL URL; refuses one without a user, since the user is the manager's identity. */
export function parseTeamUrl(connectionString: string): ParsedTeamUrl {
  let url: URL
  try {
    url = new URL(connectionString)
  } catch {
    throw invalid('it is not a URL')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw invalid('it must start with postgresql://')
  }
  const user = decodeURIComponent(url.username)
  if (user === '') throw invalid('it names no user (postgresql://USER@host/database)')
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || user
  return {
    user,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost',
    port: url.port === '' ? 5432 : Number(url.port),
    database,
    password: url.password === '' ? null : decodeURIComponent(url.password),
    sslmode: url.searchParams.get('sslmode'),
    sslrootcert: url.searchParams.get('sslrootcert'),
  }
}

/**
 * The `pg` client settings. TLS follows libpq's `sslmode`: `verify-full` checks the certificate
 * and the host name, `verify-ca` the certificate only, `require` encrypts without checking;
 * `disable`, `allow` and `prefer` connect in clear (node-postgres cannot fall back from TLS).
 */
export function teamClientConfig(options: TeamConnectionOptions): ClientConfig {
  const parsed = parseTeamUrl(options.connectionString)
  const ca =
    options.caCertificate ??
    (parsed.sslrootcert !== null ? readFileSync(parsed.sslrootcert, 'utf8') : undefined)
  const statementTimeout = options.statementTimeoutMs ?? 15_000
  return {
    host: parsed.host,
    port: parsed.port,
    user: parsed.user,
    database: parsed.database,
    password: options.password ?? parsed.password ?? undefined,
    ssl: options.ssl ?? sslFor(parsed.sslmode, ca),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    statement_timeout: statementTimeout,
    // A little longer than the server's own limit, for a server that stopped answering.
    query_timeout: statementTimeout + 2_000,
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
    application_name: options.applicationName ?? 'creator-desk',
  }
}

function sslFor(mode: string | null, ca: string | undefined): ClientConfig['ssl'] {
  switch (mode) {
    case 'verify-full':
      return ca === undefined ? { rejectUnauthorized: true } : { rejectUnauthorized: true, ca }
    case 'verify-ca':
      return {
        rejectUnauthorized: true,
        ...(ca === undefined ? {} : { ca }),
        checkServerIdentity: () => undefined,
      }
    case 'require':
      return { rejectUnauthorized: false }
    default:
      return ca === undefined ? false : { rejectUnauthorized: true, ca }
  }
}

function invalid(why: string): AppError {
  return new AppError('VALIDATION', `The team database address is not valid: ${why}.`)
}
