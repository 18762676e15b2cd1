import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamDatabase, teamSchemaState } from '../../src/main/team/migrate'
import { TEAM_MIGRATIONS } from '../../src/main/team/migrations'
import { setupTeamDatabase } from '../../src/main/team/admin'
import { AppError } from '../../src/shared/errors'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

const skip = teamTestsSkipReason()

describe.skipIf(skip !== null)('team schema: migrations and set-up', () => {
  let team: TeamDb
  beforeAll(async () => {
    team = await startTeamDb()
  })
  afterAll(async () => {
    await team?.close()
  })

  it('applies every migration of the static list, in order', async () => {
    const state = await teamSchemaState(team.admin)
    expect(state.applied).toEqual(TEAM_MIGRATIONS.map(([name]) => name))
    expect(state.newer).toEqual([])
    expect(state.missing).toEqual([])
  })

  it('runs again without changing anything (set-up is safe to repeat)', async () => {
    const again = await setupTeamDatabase(team.adminUrl)
    expect(again.applied).toEqual([])
    // Partitions of the audit log exist for this month and the months ahead.
    const parts = await sql<{ n: string }>`
      SELECT count(*) AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'creator_desk.api_call_logs'::regclass`.execute(team.admin)
    expect(Number(parts.rows[0]?.n)).toBeGreaterThanOrEqual(25)
  })

  it('refuses a database set up by a newer version, and changes nothing', async () => {
    await sql`INSERT INTO creator_desk.team_schema_migrations (name, timestamp)
      VALUES ('999-from-the-future', now()::text)`.execute(team.admin)
    try {
      const before = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_class`.execute(
        team.admin,
      )
      const refused = await migrateTeamDatabase(team.admin).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(AppError)
      expect((refused as AppError).code).toBe('PRECONDITION')
      expect((refused as AppError).message).toMatch(/newer version of Creator Desk/)
      const after = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_class`.execute(team.admin)
      expect(after.rows[0]?.n).toBe(before.rows[0]?.n)

      // A laptop refuses it too, before any paid call.
      const alice = await team.manager('alice')
      const laptop = team.laptop(alice)
      const err = await laptop
        .reserve('report', 1, { worstCaseMilliCredits: 1_000 })
        .catch((e: unknown) => e)
      expect((err as AppError).code).toBe('PRECONDITION')
      expect((err as AppError).details?.team).toBe('schema-newer')
    } finally {
      await sql`DELETE FROM creator_desk.team_schema_migrations WHERE name = '999-from-the-future'`.execute(
        team.admin,
      )
    }
  })

  it('moves audit rows out of the default partition when their month gets one', async () => {
    // A row dated in a month without a partition lands in the default one…
    await sql`INSERT INTO creator_desk.api_call_logs (created_at, user_id, provider, action, reason, outcome)
      VALUES ('2031-06-15T00:00:00Z', 'x', 'modash', 'report', 'select', 'ok')`.execute(team.admin)
    const inDefault = await sql<{ n: string }>`
      SELECT count(*) AS n FROM creator_desk.api_call_logs_default`.execute(team.admin)
    expect(Number(inDefault.rows[0]?.n)).toBe(1)
    // …and moves into its month's partition when that is made (here: by hand, as set-up would).
    const { ensureLogPartitions } = await import('../../src/main/team/log-partitions')
    const made = await ensureLogPartitions(team.admin, 12 * 8)
    expect(made).toContain('api_call_logs_y2031m06')
    const moved = await sql<{ n: string }>`
      SELECT count(*) AS n FROM creator_desk.api_call_logs_y2031m06`.execute(team.admin)
    expect(Number(moved.rows[0]?.n)).toBe(1)
  })
})
