import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Meter } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { parseTeamUrl, teamClientConfig } from './connection-config'
import { formatInvite } from './invite'
import { ensureLogPartitions } from './log-partitions'
import { migrateTeamDatabase } from './migrate'
import { MANAGER_NAME, TEAM_ROLES as R, TEAM_SCHEMA as S } from './names'
import { newPassword, scramVerifier } from './scram'
import { teamError } from './team-errors'

/** The oldest server team mode runs on: xid8 and pg_current_xact_id() came with 13. */
const MIN_SERVER_VERSION = 130000

/**
 * An admin connection (TEAM_DATABASE_URL): one connection, so a session setting or lock holds
 * for everything the set-up does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function openAdmin(adminUrl: string): Kysely<any> {
  const pool = new pg.Pool({
    ...teamClientConfig({ connectionString: adminUrl, statementTimeoutMs: 300_000 }),
    max: 1,
  })
  pool.on('error', () => undefined)
  pool.on('connect', (connection) => connection.on('error', () => undefined))
  return new Kysely({ dialect: new PostgresDialect({ pool }) })
}

export interface SetupReport {
  serverVersion: string
  applied: string[]
  partitions: string[]
}

/** Creates or updates the team schema, roles and policies; safe to run again at any time. */
export async function setupTeamDatabase(
  adminUrl: string,
  options: { limits?: Partial<Record<Meter, number | null>> } = {},
): Promise<SetupReport> {
  const db = openAdmin(adminUrl)
  try {
    const version = await sql<{ v: string; n: string }>`
      SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n`.execute(
      db,
    )
    const row = version.rows[0]
    if (row === undefined || Number(row.n) < MIN_SERVER_VERSION) {
      throw new AppError(
        'PRECONDITION',
        `Team mode needs PostgreSQL 13 or later; this server is ${row?.v ?? 'unknown'}.`,
      )
    }
    const { applied } = await migrateTeamDatabase(db)
    const partitions = await ensureLogPartitions(db)
    for (const [meter, limit] of Object.entries(options.limits ?? {})) {
      await sql`SELECT ${sql.raw(S)}.set_limit(${meter}, ${limit})`.execute(db)
    }
    return { serverVersion: row.v, applied, partitions }
  } catch (err) {
    throw teamError(err)
  } finally {
    await db.destroy()
  }
}

export interface NewManager {
  user: string
  password: string
  /** The address to paste, with the manager's user and no password. */
  connectionString: string
  /** Address and password in one line, for the app's "join a team" field. */
  invite: string
}

/**
 * Creates a manager's login role, in the managers' group (and the admins', with `admin`). The
 * password is made here and sent as a SCRAM verifier, so the server never sees it; it is shown
 * once, inside the invite. `resetPassword` gives an existing manager a new one.
 */
export async function addManager(
  adminUrl: string,
  name: string,
  options: {
    admin?: boolean
    resetPassword?: boolean
    publicHost?: string
    caCertificate?: string
  } = {},
): Promise<NewManager> {
  if (
    !MANAGER_NAME.test(name) ||
    name.startsWith('creator_desk') ||
    name.startsWith('pg_') ||
    name === 'postgres'
  ) {
    throw new AppError(
      'VALIDATION',
      `"${name}" cannot be a manager's name: use 2 to 40 lower-case letters, digits or _, starting ` +
        'with a letter (not postgres, pg_… or creator_desk…).',
    )
  }
  const password = newPassword()
  const verifier = scramVerifier(password)
  const db = openAdmin(adminUrl)
  try {
    const existing = await sql<{ manager: boolean }>`
      SELECT pg_has_role(r.oid, ${R.manager}, 'MEMBER') AS manager FROM pg_roles r
      WHERE r.rolname = ${name}`.execute(db)
    const found = existing.rows[0]
    if (found !== undefined && !(found.manager && options.resetPassword)) {
      throw new AppError(
        'PRECONDITION',
        found.manager
          ? `Manager "${name}" already exists: pass --reset-password to give them a new password.`
          : `A database role named "${name}" already exists and is not a Creator Desk manager: choose another name.`,
      )
    }
    // The name matched MANAGER_NAME and the verifier is base64 and punctuation: both are safe
    // to write into the statement (CREATE ROLE takes no parameters).
    const groups = options.admin ? `${R.manager}, ${R.admin}` : R.manager
    await db.transaction().execute(async (trx) => {
      if (found === undefined) {
        await sql
          .raw(`CREATE ROLE ${name} LOGIN PASSWORD '${verifier}' IN ROLE ${groups}`)
          .execute(trx)
      } else {
        await sql.raw(`ALTER ROLE ${name} PASSWORD '${verifier}'`).execute(trx)
        if (options.admin) await sql.raw(`GRANT ${R.admin} TO ${name}`).execute(trx)
      }
      // A laptop that stops mid-transaction must not hold row locks on the team's counters.
      await sql
        .raw(`ALTER ROLE ${name} SET idle_in_transaction_session_timeout = '60s'`)
        .execute(trx)
      await sql.raw(`ALTER ROLE ${name} SET statement_timeout = '30s'`).execute(trx)
      await sql.raw(`ALTER ROLE ${name} SET lock_timeout = '10s'`).execute(trx)
    })
  } catch (err) {
    throw teamError(err)
  } finally {
    await db.destroy()
  }
  const connectionString = managerUrl(adminUrl, name, options.publicHost)
  return {
    user: name,
    password,
    connectionString,
    invite: formatInvite({
      connectionString,
      password,
      ...(options.caCertificate === undefined ? {} : { caCertificate: options.caCertificate }),
    }),
  }
}

/** The admin's address with the manager's user, no password, and the public host if given. */
export function managerUrl(adminUrl: string, user: string, publicHost?: string): string {
  parseTeamUrl(adminUrl)
  const url = new URL(adminUrl)
  url.username = user
  url.password = ''
  // A path on the admin's machine means nothing on a laptop: the invite carries the CA itself.
  url.searchParams.delete('sslrootcert')
  if (publicHost !== undefined) url.hostname = publicHost
  return url.toString()
}
