import { sql } from 'kysely'
import type { TeamKysely } from './team-kysely'
import type { Meter } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { TEAM_SCHEMA as S } from './names'
import { int, intOrNull, iso } from './rows'
import type { TeamAudit, TeamMeterStatus, TeamReservation } from './types'

const fn = (name: string) => sql.raw(`${S}.${name}`)

interface ReserveRow {
  reservation_id: string | null
  refused: 'user_cap' | 'team_limit' | null
  used: string
  reserved: string
  monthly_limit: string | null
  month: string
  resets_at: Date
  expires_at: Date | null
  stale: boolean
}

/**
 * Reserves the worst case of a paid call on the team ledger, or refuses with QUOTA_EXCEEDED.
 * A refusal while reservations of dead laptops wait to be expired expires them (in a
 * transaction of its own, see 003-ledger) and asks once more.
 */
export async function reserveOnTeam(
  db: TeamKysely,
  meter: Meter,
  units: number,
  worstCaseMilliCredits: number,
  purchaseKey: string | null,
): Promise<TeamReservation> {
  if (!Number.isSafeInteger(units) || units <= 0 || !Number.isSafeInteger(worstCaseMilliCredits)) {
    throw new AppError('INTERNAL', `A reservation needs whole positive units, not ${units}`)
  }
  let row = await reserveOnce(db, meter, units, worstCaseMilliCredits, purchaseKey)
  if (row.refused !== null && row.stale) {
    await sql`SELECT ${fn('expire_stale')}()`.execute(db)
    row = await reserveOnce(db, meter, units, worstCaseMilliCredits, purchaseKey)
  }
  if (row.reservation_id === null || row.expires_at === null) throw refusal(meter, units, row)
  return {
    id: int(row.reservation_id),
    meter,
    units,
    worstCaseMilliCredits,
    purchaseKey,
    month: row.month,
    expiresAt: iso(row.expires_at),
  }
}

async function reserveOnce(
  db: TeamKysely,
  meter: Meter,
  units: number,
  worst: number,
  key: string | null,
): Promise<ReserveRow> {
  const result = await sql<ReserveRow>`
    SELECT * FROM ${fn('reserve')}(${meter}, ${units}::bigint, ${worst}::bigint, ${key}::text)`.execute(
    db,
  )
  const row = result.rows[0]
  if (row === undefined) throw new Error('the ledger answered nothing')
  return row
}

const WHAT: Record<Meter, string> = {
  discovery: 'discovery results',
  report: 'reports',
  enrichment: 'email lookups',
}

function refusal(meter: Meter, units: number, row: ReserveRow): AppError {
  const used = int(row.used)
  const reserved = int(row.reserved)
  const limit = intOrNull(row.monthly_limit) ?? 0
  const left = Math.max(0, limit - used - reserved)
  const scope = row.refused === 'user_cap' ? 'user' : 'team'
  const whose =
    scope === 'user'
      ? `Your monthly ${WHAT[meter]} cap (set by your team's admin)`
      : `The team's monthly ${WHAT[meter]} limit`
  return new AppError(
    'QUOTA_EXCEEDED',
    `${whose} is reached: this needs up to ${units}, ${left} left of ${limit}. Nothing was charged.`,
    {
      meter,
      needed: units,
      used,
      reserved,
      limit,
      scope,
      resetsAt: iso(row.resets_at),
      team: 'quota',
    },
  )
}

export async function markSentOnTeam(db: TeamKysely, reservationId: number): Promise<void> {
  await sql`SELECT ${fn('mark_sent')}(${reservationId}::bigint)`.execute(db)
}

export async function settleOnTeam(
  db: TeamKysely,
  reservationId: number,
  units: number,
  milliCredits: number,
  audit: TeamAudit | null,
): Promise<'settled' | 'already'> {
  const r = await sql<{ state: 'settled' | 'already' }>`
    SELECT ${fn('settle')}(${reservationId}::bigint, ${units}::bigint, ${milliCredits}::bigint,
      ${audit === null ? null : JSON.stringify(audit)}::jsonb) AS state`.execute(db)
  return r.rows[0]?.state ?? 'already'
}

export async function releaseOnTeam(
  db: TeamKysely,
  reservationId: number,
  audit: TeamAudit | null,
): Promise<'released' | 'already'> {
  const r = await sql<{ state: 'released' | 'already' }>`
    SELECT ${fn('release')}(${reservationId}::bigint,
      ${audit === null ? null : JSON.stringify(audit)}::jsonb) AS state`.execute(db)
  return r.rows[0]?.state ?? 'already'
}

export interface QuotaReading {
  teamId: string
  month: string
  periodStart: string
  resetsAt: string
  serverTime: string
  meters: TeamMeterStatus[]
}

export async function readTeamQuota(db: TeamKysely): Promise<QuotaReading> {
  const result = await sql<{
    meter: Meter
    used: string
    reserved: string
    used_milli: string
    monthly_limit: string | null
    my_used: string
    my_reserved: string
    my_cap: string | null
    month: string
    starts_at: Date
    ends_at: Date
    server_now: Date
    team_id: string
  }>`SELECT * FROM ${fn('quota_status')}()`.execute(db)
  const first = result.rows[0]
  if (first === undefined) throw new Error('the ledger has no meters')
  return {
    teamId: first.team_id,
    month: first.month,
    periodStart: iso(first.starts_at),
    resetsAt: iso(first.ends_at),
    serverTime: iso(first.server_now),
    meters: result.rows.map((r) => ({
      meter: r.meter,
      used: int(r.used),
      reserved: int(r.reserved),
      limit: intOrNull(r.monthly_limit),
      usedMilliCredits: int(r.used_milli),
      mine: { used: int(r.my_used), reserved: int(r.my_reserved), cap: intOrNull(r.my_cap) },
    })),
  }
}
