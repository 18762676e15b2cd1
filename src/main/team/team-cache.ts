import { sql } from 'kysely'
import type { TeamKysely } from './team-kysely'
import { TEAM_SCHEMA as S } from './names'
import { PURCHASE_COLUMNS, iso, toPurchase } from './rows'
import type { PurchaseRow } from './rows'
import type { TeamPurchase, TeamPurchaseEntry } from './types'

const fn = (name: string) => sql.raw(`${S}.${name}`)

export interface ClaimAnswer {
  status: 'claimed' | 'bought' | 'busy'
  purchaseId: string | null
  holder: string | null
  holderExpiresAt: string | null
  serverNow: string
}

/** One try at the purchase-in-progress claim of `key` (see 004-purchases). */
export async function claimOnce(
  db: TeamKysely,
  key: string,
  freshAfter: string | null,
  token: string,
): Promise<ClaimAnswer> {
  const r = await sql<{
    status: ClaimAnswer['status']
    purchase_id: string | null
    holder: string | null
    holder_expires_at: Date | null
    server_now: Date
  }>`SELECT * FROM ${fn('claim_purchase')}(${key}, ${freshAfter}::timestamptz, ${token}::uuid)`.execute(
    db,
  )
  const row = r.rows[0]
  if (row === undefined) throw new Error('the team database answered nothing')
  return {
    status: row.status,
    purchaseId: row.purchase_id,
    holder: row.holder,
    holderExpiresAt: row.holder_expires_at === null ? null : iso(row.holder_expires_at),
    serverNow: iso(row.server_now),
  }
}

export async function abandonOnce(db: TeamKysely, key: string, token: string): Promise<void> {
  await sql`SELECT ${fn('abandon_claim')}(${key}, ${token}::uuid)`.execute(db)
}

/** Sends a purchase; the server stores it, ends its claim, audits and settles in one go. */
export async function publishOnce(
  db: TeamKysely,
  entry: TeamPurchaseEntry,
): Promise<{ status: 'published' | 'duplicate'; boughtAt: string }> {
  const payload = {
    id: entry.id,
    key: entry.key,
    kind: entry.kind,
    provider: entry.provider,
    meter: entry.meter,
    context: entry.context ?? {},
    raw: entry.raw === undefined ? null : JSON.stringify(entry.raw),
    units: entry.units,
    milliCredits: entry.milliCredits,
    httpStatus: entry.httpStatus ?? null,
    reservationId: entry.reservationId,
    claimToken: entry.claimToken ?? null,
    audit: entry.audit,
  }
  const r = await sql<{ status: 'published' | 'duplicate'; bought_at: Date }>`
    SELECT * FROM ${fn('publish_purchase')}(${JSON.stringify(payload)}::jsonb)`.execute(db)
  const row = r.rows[0]
  if (row === undefined) throw new Error('the team database answered nothing')
  return { status: row.status, boughtAt: iso(row.bought_at) }
}

export async function readPurchase(db: TeamKysely, id: string): Promise<TeamPurchase | null> {
  const r = await sql<PurchaseRow>`
    SELECT ${sql.raw(PURCHASE_COLUMNS)} FROM ${sql.raw(`${S}.purchases`)} WHERE id = ${id}::uuid`.execute(
    db,
  )
  const row = r.rows[0]
  return row === undefined ? null : toPurchase(row)
}

/** The newest purchase of `key`, if one younger than `maxAgeMs` (server time) exists. */
export async function latestPurchase(
  db: TeamKysely,
  key: string,
  maxAgeMs: number | null,
): Promise<TeamPurchase | null> {
  const r = await sql<PurchaseRow>`
    SELECT ${sql.raw(PURCHASE_COLUMNS)} FROM ${sql.raw(`${S}.purchases`)}
    WHERE purchase_key = ${key}
      AND (${maxAgeMs}::bigint IS NULL OR bought_at >= now() - ${maxAgeMs}::bigint * interval '1 millisecond')
    ORDER BY bought_at DESC LIMIT 1`.execute(db)
  const row = r.rows[0]
  return row === undefined ? null : toPurchase(row)
}
