import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { TEAM_ROLES as R, TEAM_SCHEMA as S } from './names'

/**
 * Monthly partitions of the audit log, from last month to `monthsAhead` ahead: run by every
 * set-up, so running it again now and then (or from cron) keeps months ready. A row of a month
 * without a partition lands in the default partition; rows already there for a month being
 * created are moved into it (PostgreSQL refuses to create a partition the default holds rows
 * for). Partitions get row security like the table and no grant to managers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ensureLogPartitions(db: Kysely<any>, monthsAhead = 24): Promise<string[]> {
  const created: string[] = []
  const now = new Date()
  for (let offset = -1; offset <= monthsAhead; offset++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1))
    const name = `api_call_logs_y${from.getUTCFullYear()}m${String(from.getUTCMonth() + 1).padStart(2, '0')}`
    const made = await db.transaction().execute(async (trx) => {
      const exists = await sql<{
        found: string | null
      }>`SELECT to_regclass(${`${S}.${name}`})::text AS found`.execute(trx)
      if (exists.rows[0]?.found != null) return false
      const range = `FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`
      const inRange = `created_at >= '${from.toISOString()}' AND created_at < '${to.toISOString()}'`
      const waiting = await sql<{
        n: string
      }>`SELECT count(*) AS n FROM ${sql.raw(`${S}.api_call_logs_default`)} WHERE ${sql.raw(inRange)}`.execute(
        trx,
      )
      const move = Number(waiting.rows[0]?.n ?? 0) > 0
      if (move) {
        await sql
          .raw(
            `CREATE TEMP TABLE moved ON COMMIT DROP AS
               SELECT * FROM ${S}.api_call_logs_default WHERE ${inRange};
             DELETE FROM ${S}.api_call_logs_default WHERE ${inRange};`,
          )
          .execute(trx)
      }
      await sql
        .raw(
          `SET LOCAL ROLE ${R.owner};
           CREATE TABLE ${S}.${name} PARTITION OF ${S}.api_call_logs FOR VALUES ${range};
           ALTER TABLE ${S}.${name} ENABLE ROW LEVEL SECURITY;
           ALTER TABLE ${S}.${name} FORCE ROW LEVEL SECURITY;
           REVOKE ALL ON ${S}.${name} FROM PUBLIC;
           RESET ROLE;`,
        )
        .execute(trx)
      if (move) await sql.raw(`INSERT INTO ${S}.api_call_logs SELECT * FROM moved`).execute(trx)
      return true
    })
    if (made) created.push(name)
  }
  return created
}
