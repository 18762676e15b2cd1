import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { parseTeamUrl } from '../../team/connection-config'

/**
 * Where this laptop's team database is: kept in the settings table beside the cache it feeds.
 * Never a password: that is in the OS keychain (`team-password.ts`).
 */
export interface TeamConnection {
  /** `postgresql://user@host:port/database?sslmode=…`, its password removed. */
  connectionString: string
  /** The server's certificate authority (PEM), when the invitation carried one. */
  caCertificate?: string
}

const KEY = 'team.connection'

export async function readTeamConnection(db: Kysely<Database>): Promise<TeamConnection | null> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', KEY)
    .executeTakeFirst()
  if (row === undefined) return null
  const value = JSON.parse(row.value_json) as Partial<TeamConnection> | null
  if (typeof value?.connectionString !== 'string') return null
  return {
    connectionString: value.connectionString,
    ...(typeof value.caCertificate === 'string' ? { caCertificate: value.caCertificate } : {}),
  }
}

export async function saveTeamConnection(
  db: Kysely<Database>,
  connection: TeamConnection,
): Promise<void> {
  const value = JSON.stringify({
    connectionString: withoutPassword(connection.connectionString),
    ...(connection.caCertificate === undefined ? {} : { caCertificate: connection.caCertificate }),
  })
  await db
    .insertInto('settings')
    .values({ key: KEY, value_json: value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: value }))
    .execute()
}

export async function forgetTeamConnection(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', KEY).execute()
}

/** A hand-made invitation may carry a password in its address: it must not reach the settings. */
export function withoutPassword(connectionString: string): string {
  const url = new URL(connectionString)
  url.password = ''
  return url.toString()
}

/** "host:port/database", for the status line. */
export function serverName(connectionString: string): string {
  const p = parseTeamUrl(connectionString)
  return `${p.host}:${p.port}/${p.database}`
}

/**
 * The outbox of one team database and user: what waits there belongs to that ledger only, so
 * joining another team (or rejoining as someone else) never sends it to the wrong one.
 */
export function outboxDirFor(dataDir: string, connectionString: string): string {
  const p = parseTeamUrl(connectionString)
  const id = createHash('sha256')
    .update(`${p.user}@${p.host}:${p.port}/${p.database}`)
    .digest('hex')
    .slice(0, 16)
  return join(dataDir, 'team-outbox', id)
}
