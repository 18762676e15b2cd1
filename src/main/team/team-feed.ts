import { sql } from 'kysely'
import type { TeamKysely } from './team-kysely'
import { TEAM_SCHEMA as S } from './names'
import { PURCHASE_COLUMNS, toPurchase } from './rows'
import type { PurchaseRow } from './rows'
import type { TeamPull } from './types'

/**
 * The change cursor of the laptops' offline copies.
 *
 * A sequence number is taken when a row is inserted, not when its transaction commits: with
 * "give me what is after 11", a transaction that took 10 and committed after 11 was read is
 * never seen. So each purchase keeps the id of the transaction that wrote it (`xid`), and a
 * pull hands out only rows whose transaction is older than the oldest one still running in the
 * pull's own snapshot (`pg_snapshot_xmin`): every such transaction has finished, so nothing
 * older can still appear. The cursor is a position (xid, seq) in that finished, ordered set,
 * and moves to the horizon when the pull reached it. A transaction running a long time holds
 * the horizon back (and delays pulls), never makes one skip a row.
 *
 * The horizon and the rows come from one statement, so from one snapshot.
 */
interface Cursor {
  xid: bigint
  seq: bigint
}

export function encodeCursor(c: Cursor): string {
  return `1.${c.xid}.${c.seq}`
}

/** An unreadable cursor starts from the beginning: pulling again is harmless, skipping is not. */
export function decodeCursor(cursor: string | null): Cursor {
  const m = /^1\.(\d{1,20})\.(\d{1,20})$/.exec(cursor ?? '')
  return m === null ? { xid: 0n, seq: 0n } : { xid: BigInt(m[1] ?? 0), seq: BigInt(m[2] ?? 0) }
}

export async function pullPurchases(
  db: TeamKysely,
  cursor: string | null,
  limit: number,
): Promise<TeamPull> {
  const from = decodeCursor(cursor)
  const result = await sql<
    PurchaseRow & { seq: string | null; xid: string | null; horizon: string }
  >`
    SELECT h.horizon::text AS horizon, p.*
    FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) h
    LEFT JOIN LATERAL (
      SELECT seq, xid::text AS xid, ${sql.raw(PURCHASE_COLUMNS)}
      FROM ${sql.raw(`${S}.purchases`)}
      WHERE (xid, seq) >= (${from.xid.toString()}::xid8, ${from.seq.toString()}::bigint)
        AND xid < h.horizon
      ORDER BY xid, seq
      LIMIT ${limit}
    ) p ON true`.execute(db)
  const rows = result.rows.filter((r) => r.id != null)
  const horizon = BigInt(result.rows[0]?.horizon ?? '0')
  const last = rows[rows.length - 1]
  const full = rows.length >= limit && last !== undefined
  const next: Cursor = full
    ? { xid: BigInt(last.xid ?? '0'), seq: BigInt(last.seq ?? '0') + 1n }
    : { xid: horizon > from.xid ? horizon : from.xid, seq: horizon > from.xid ? 0n : from.seq }
  return {
    changes: rows.map((r) => ({ type: 'purchase' as const, purchase: toPurchase(r) })),
    cursor: encodeCursor(next),
    more: full,
  }
}
