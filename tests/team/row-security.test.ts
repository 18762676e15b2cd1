import type pg from 'pg'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

const skip = teamTestsSkipReason()

/** The SQLSTATE of a statement that must fail. */
async function refused(c: pg.Client, text: string, values: unknown[] = []): Promise<string> {
  try {
    await c.query(text, values)
  } catch (err) {
    return (err as { code: string }).code
  }
  return 'no error'
}

/**
 * A manager connected with raw SQL, as a hostile or buggy client could: row-level security and
 * grants, not the app, decide what they can read and change.
 */
describe.skipIf(skip !== null)('team row-level security, tried with raw SQL as a manager', () => {
  let team: TeamDb
  let ana: pg.Client
  let bob: pg.Client
  let anaReservation: number
  beforeAll(async () => {
    team = await startTeamDb()
    ana = await team.raw(await team.manager('ana'))
    bob = await team.raw(await team.manager('bob'))
    await ana.query(`INSERT INTO creator_desk.search_requests (platform, filters, filters_hash, page, result_count, source)
      VALUES ('instagram', '{}', 'h', 0, 15, 'provider')`)
    await ana.query(`INSERT INTO creator_desk.lists (name) VALUES ('private list')`)
    await ana.query(`INSERT INTO creator_desk.lists (name, shared) VALUES ('shared list', true)`)
    await ana.query(`INSERT INTO creator_desk.list_members (list_id, creator_ref)
      SELECT id, 'instagram:1' FROM creator_desk.lists`)
    await ana.query(
      `INSERT INTO creator_desk.creator_notes (creator_ref, body) VALUES ('instagram:1', 'secret')`,
    )
    const r = await ana.query<{ reservation_id: string }>(
      `SELECT * FROM creator_desk.reserve('report', 1, 1000, 'report:instagram:1')`,
    )
    anaReservation = Number(r.rows[0]?.reservation_id)
  })
  afterAll(async () => {
    await team?.close()
  })

  it("cannot read or change another manager's search requests and notes", async () => {
    expect((await bob.query('SELECT * FROM creator_desk.search_requests')).rowCount).toBe(0)
    // Search requests are never edited, by anyone.
    expect(await refused(bob, 'UPDATE creator_desk.search_requests SET page = 9')).toBe('42501')
    expect((await bob.query('DELETE FROM creator_desk.search_requests')).rowCount).toBe(0)
    expect((await bob.query('SELECT * FROM creator_desk.creator_notes')).rowCount).toBe(0)
    expect((await bob.query(`UPDATE creator_desk.creator_notes SET body = 'x'`)).rowCount).toBe(0)
    // Writing a row in someone else's name is refused outright.
    expect(
      await refused(
        bob,
        `INSERT INTO creator_desk.search_requests (owner, platform, filters, filters_hash, page, result_count, source)
         VALUES ('ana', 'instagram', '{}', 'h', 0, 0, 'x')`,
      ),
    ).toBe('42501')
    // Ana still has all of hers.
    expect((await ana.query('SELECT * FROM creator_desk.search_requests')).rowCount).toBe(1)
    expect((await ana.query('SELECT * FROM creator_desk.creator_notes')).rowCount).toBe(1)
  })

  it('sees a shared list (read only) but not a private one', async () => {
    const lists = await bob.query<{ name: string }>('SELECT name FROM creator_desk.lists')
    expect(lists.rows.map((r) => r.name)).toEqual(['shared list'])
    expect((await bob.query('SELECT * FROM creator_desk.list_members')).rowCount).toBe(1)
    expect((await bob.query(`UPDATE creator_desk.lists SET name = 'mine'`)).rowCount).toBe(0)
    expect((await bob.query('DELETE FROM creator_desk.lists')).rowCount).toBe(0)
    expect((await bob.query('DELETE FROM creator_desk.list_members')).rowCount).toBe(0)
    expect(
      await refused(
        bob,
        `INSERT INTO creator_desk.list_members (list_id, creator_ref)
         SELECT id, 'instagram:2' FROM creator_desk.lists`,
      ),
    ).toBe('42501')
  })

  it('reads the team rows: usage, reservations, purchases, the audit log', async () => {
    const usage = await bob.query<{ reserved: string }>(
      `SELECT reserved FROM creator_desk.usage WHERE meter = 'report'`,
    )
    expect(Number(usage.rows[0]?.reserved)).toBe(1)
    expect((await bob.query('SELECT * FROM creator_desk.reservations')).rowCount).toBe(1)
    await bob.query('SELECT * FROM creator_desk.purchases')
    await bob.query('SELECT * FROM creator_desk.api_call_logs')
  })

  it('cannot change the counters, the purchases or the claims except through the ledger', async () => {
    const attempts = [
      `UPDATE creator_desk.usage SET used = 0, reserved = 0`,
      `UPDATE creator_desk.user_usage SET used = 0`,
      `INSERT INTO creator_desk.usage (period_id, meter) VALUES (1, 'discovery')`,
      `DELETE FROM creator_desk.reservations`,
      `UPDATE creator_desk.reservations SET state = 'released'`,
      `UPDATE creator_desk.meters SET monthly_limit = NULL`,
      `INSERT INTO creator_desk.user_caps VALUES ('bob', 'report', 99999)`,
      `INSERT INTO creator_desk.purchases (id, purchase_key, kind, provider, meter, context, units, milli_credits, bought_by, bought_at)
         VALUES (gen_random_uuid(), 'k', 'report', 'modash', 'report', '{}', 0, 0, 'bob', now())`,
      `UPDATE creator_desk.purchase_keys SET claim_token = NULL`,
      `INSERT INTO creator_desk.api_call_logs (user_id, provider, action, reason, outcome) VALUES ('ana', 'modash', 'x', 'x', 'ok')`,
      `DELETE FROM creator_desk.api_call_logs`,
    ]
    for (const statement of attempts)
      expect([statement, await refused(bob, statement)]).toEqual([statement, '42501'])
  })

  it("cannot settle or release another manager's reservation, nor call the ledger's insides", async () => {
    expect(await refused(bob, `SELECT creator_desk.release($1, NULL)`, [anaReservation])).toBe(
      '42501',
    )
    expect(await refused(bob, `SELECT creator_desk.settle($1, 0, 0, NULL)`, [anaReservation])).toBe(
      '42501',
    )
    expect(await refused(bob, `SELECT creator_desk.mark_sent($1)`, [anaReservation])).toBe('42501')
    expect(await refused(bob, `SELECT creator_desk._move(1, 'report', 'bob', 0, -1, 0)`)).toBe(
      '42501',
    )
    expect(await refused(bob, `SELECT creator_desk.set_limit('report', NULL)`)).toBe('42501')
    expect(await refused(bob, `SELECT creator_desk.set_user_cap('bob', 'report', NULL)`)).toBe(
      '42501',
    )
    expect(await refused(bob, `SET ROLE creator_desk_ledger`)).toBe('42501')
    expect(await refused(bob, `SET ROLE creator_desk_owner`)).toBe('42501')
    expect(
      await refused(
        bob,
        `CREATE FUNCTION creator_desk.usage() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      ),
    ).toBe('42501')
    // A partition read directly would skip the parent's policies: no grant at all.
    const partition = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'creator_desk.api_call_logs'::regclass LIMIT 1`.execute(team.admin)
    expect(await refused(bob, `SELECT * FROM creator_desk.${partition.rows[0]?.name}`)).toBe(
      '42501',
    )
    // Ana's reservation is untouched.
    const r = await sql<{ state: string }>`SELECT state FROM creator_desk.reservations`.execute(
      team.admin,
    )
    expect(r.rows[0]?.state).toBe('held')
  })

  it('every SECURITY DEFINER function pins its search_path, and none is executable by PUBLIC', async () => {
    const fns = await sql<{
      name: string
      definer: boolean
      config: string[] | null
      public_exec: boolean
    }>`
      SELECT p.proname AS name, p.prosecdef AS definer, p.proconfig AS config,
        has_function_privilege('public', p.oid, 'EXECUTE') AS public_exec
      FROM pg_proc p WHERE p.pronamespace = 'creator_desk'::regnamespace`.execute(team.admin)
    expect(fns.rows.length).toBeGreaterThan(10)
    for (const f of fns.rows) {
      expect([f.name, f.public_exec]).toEqual([f.name, false])
      if (f.definer) {
        expect([f.name, f.config?.some((c) => c.startsWith('search_path=pg_catalog'))]).toEqual([
          f.name,
          true,
        ])
      }
    }
    // Every table forces row security.
    const tables = await sql<{ name: string; forced: boolean }>`
      SELECT relname AS name, relforcerowsecurity AS forced FROM pg_class
      WHERE relnamespace = 'creator_desk'::regnamespace AND relkind IN ('r', 'p')
        AND relname NOT LIKE 'team_schema_migrations%'`.execute(team.admin)
    for (const t of tables.rows) expect([t.name, t.forced]).toEqual([t.name, true])
  })
})
