import type { Kysely } from 'kysely'
import { AppError } from '../../shared/errors'
import type { Database } from '../db/schema'
import { clientSpend, NO_CLIENT } from '../services/client-spend'
import { creditsText } from './table-csv'
import type { CsvTable } from './table-csv'

const PAGE = 1000

/**
 * The audit log between two UTC days (both included), for re-billing a client: every provider
 * call and cache answer, with who asked, what it was for and what it cost.
 */
export function auditTable(
  db: Kysely<Database>,
  range: { from?: string | undefined; to?: string | undefined },
): CsvTable {
  for (const day of [range.from, range.to])
    if (day !== undefined && Number.isNaN(Date.parse(`${day}T00:00:00.000Z`)))
      throw new AppError('VALIDATION', `${day} is not a date.`)
  if (range.from !== undefined && range.to !== undefined && range.from > range.to)
    throw new AppError('VALIDATION', 'The first day comes after the last day.')
  const from = range.from === undefined ? null : `${range.from}T00:00:00.000Z`
  const until = range.to === undefined ? null : nextDay(range.to)
  async function* rows(): AsyncGenerator<string[]> {
    let after = 0
    for (;;) {
      let query = db
        .selectFrom('api_call_logs as l')
        .leftJoin('creators as c', 'c.id', 'l.creator_id')
        .select([
          'l.id',
          'l.created_at',
          'l.provider',
          'l.action',
          'l.reason',
          'l.platform',
          'l.creator_id',
          'c.handle',
          'l.user_id',
          'l.outcome',
          'l.http_status',
          'l.duration_ms',
          'l.cost_units',
          'l.cost_millicredits',
          'l.cache_hit',
        ])
        .where('l.id', '>', after)
      if (from !== null) query = query.where('l.created_at', '>=', from)
      if (until !== null) query = query.where('l.created_at', '<', until)
      const page = await query.orderBy('l.id').limit(PAGE).execute()
      for (const r of page) {
        yield [
          String(r.id),
          r.created_at,
          r.provider,
          r.action,
          r.reason,
          r.platform ?? '',
          r.creator_id === null ? '' : String(r.creator_id),
          r.handle ?? '',
          r.user_id,
          r.outcome,
          r.http_status === null ? '' : String(r.http_status),
          String(r.duration_ms),
          String(r.cost_units),
          creditsText(r.cost_millicredits),
          r.cache_hit === 1 ? 'yes' : 'no',
        ]
      }
      const last = page.at(-1)
      if (last === undefined || page.length < PAGE) return
      after = last.id
    }
  }
  return {
    header: [
      'Id',
      'Time (UTC)',
      'Provider',
      'Action',
      'Reason',
      'Platform',
      'Creator id',
      'Handle',
      'User',
      'Outcome',
      'HTTP status',
      'Duration (ms)',
      'Units charged',
      'Modash credits',
      'From cache',
    ],
    rows: rows(),
  }
}

/** What each billing period used, per meter, as the ledger counted it. */
export function usageTable(db: Kysely<Database>): CsvTable {
  async function* rows(): AsyncGenerator<string[]> {
    const months = await db.selectFrom('usage_counters').selectAll().orderBy('month').execute()
    for (const m of months) {
      yield [
        m.month,
        String(m.modash_discoveries_used),
        String(m.modash_reports_used),
        String(m.clay_enrichments_used),
        creditsText(m.modash_millicredits_used),
      ]
    }
  }
  return {
    header: ['Month', 'Discovery results', 'Reports', 'Email lookups', 'Modash credits'],
    rows: rows(),
  }
}

/** One calendar month's spend per client, for re-billing; untagged spend is "No client". */
export function clientSpendTable(db: Kysely<Database>, month: string): CsvTable {
  async function* rows(): AsyncGenerator<string[]> {
    const spend = await clientSpend(db, month)
    for (const r of spend.rows) {
      yield [
        spend.month,
        r.client ?? NO_CLIENT,
        creditsText(r.modashMilliCredits),
        String(r.discoveryResults),
        String(r.reports),
        String(r.emailLookups),
      ]
    }
  }
  return {
    header: ['Month', 'Client', 'Modash credits', 'Discovery results', 'Reports', 'Email lookups'],
    rows: rows(),
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString()
}
