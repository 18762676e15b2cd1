import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { addManager, openAdmin, setupTeamDatabase } from '../../../src/main/team/admin'
import { createTeamClient } from '../../../src/main/team/team-client'
import type { TeamClient, TeamClientOptions } from '../../../src/main/team/team-client'
import { pgUnavailableReason, startPgServer } from './pg-server'
import type { PgServer, PgServerOptions } from './pg-server'

/**
 * Why the team tests cannot run here, printed once; null when they can. On CI PostgreSQL is
 * installed (scripts/ensure-test-deps.sh), so there a missing server fails the run instead.
 */
export function teamTestsSkipReason(): string | null {
  const reason = pgUnavailableReason()
  if (reason === null) return null
  if (process.env.CI) throw new Error(`team tests cannot run on CI: ${reason}`)
  console.warn(`Skipping team-mode tests: ${reason}`)
  return reason
}

export interface Manager {
  name: string
  url: string
  password: string
}

/** A real PostgreSQL server with the team schema set up, as `npm run team:setup` leaves it. */
export interface TeamDb {
  server: PgServer
  adminUrl: string
  /** An admin (superuser) connection, for looking behind the ledger. */
  admin: Kysely<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  manager(name: string, options?: { admin?: boolean }): Promise<Manager>
  /** A laptop of `manager`: a team client with an outbox folder of its own. */
  laptop(manager: Manager, options?: Partial<TeamClientOptions>): TeamClient
  /** A raw connection as a manager, for what a hostile client could send. */
  raw(manager: Manager): Promise<pg.Client>
  /** Forgets every purchase, reservation and usage row; limits back to the defaults. */
  reset(): Promise<void>
  close(): Promise<void>
}

export async function startTeamDb(options: PgServerOptions = {}): Promise<TeamDb> {
  const server = await startPgServer(options)
  const boot = new pg.Client({ connectionString: server.adminUrl() })
  await boot.connect()
  await boot.query('CREATE DATABASE team')
  await boot.end()
  const adminUrl = server.adminUrl('team')
  await setupTeamDatabase(adminUrl)
  const admin = openAdmin(adminUrl)
  const managers = new Map<string, Manager>()
  const clients: TeamClient[] = []
  const raws: pg.Client[] = []
  const dirs: string[] = []
  return {
    server,
    adminUrl,
    admin,
    async manager(name, opts = {}) {
      const known = managers.get(name)
      if (known) return known
      const made = await addManager(adminUrl, name, { admin: opts.admin === true })
      const manager = { name, url: made.connectionString, password: made.password }
      managers.set(name, manager)
      return manager
    },
    laptop(manager, opts = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'creator-desk-outbox-'))
      dirs.push(dir)
      const client = createTeamClient({
        connectionString: manager.url,
        password: manager.password,
        outboxDir: dir,
        connectTimeoutMs: 2_000,
        ...opts,
      })
      clients.push(client)
      return client
    },
    async raw(manager) {
      const c = new pg.Client({
        connectionString: server.url(manager.name, manager.password, 'team'),
      })
      c.on('error', () => undefined)
      await c.connect()
      raws.push(c)
      return c
    },
    async reset() {
      await sql
        .raw(
          `TRUNCATE creator_desk.purchase_keys, creator_desk.purchases, creator_desk.reservations,
             creator_desk.usage, creator_desk.user_usage, creator_desk.periods,
             creator_desk.api_call_logs, creator_desk.user_caps, creator_desk.search_requests,
             creator_desk.list_members, creator_desk.lists, creator_desk.creator_notes CASCADE;
           UPDATE creator_desk.meters SET monthly_limit = CASE meter WHEN 'discovery' THEN 140000
             WHEN 'report' THEN 1400 END;
           UPDATE creator_desk.settings SET reservation_ttl_seconds = 120, sent_ttl_seconds = 900,
             claim_ttl_seconds = 120;`,
        )
        .execute(admin)
    },
    async close() {
      for (const c of clients) await c.close().catch(() => undefined)
      for (const c of raws) await c.end().catch(() => undefined)
      await admin.destroy().catch(() => undefined)
      await server.close()
      for (const d of dirs) rmSync(d, { recursive: true, force: true })
    },
  }
}
