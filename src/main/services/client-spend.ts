import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { ClientSpend, ClientSpendRow } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { Database } from '../db/schema'

/** The label of untagged spend, in the table and the CSV. */
export const NO_CLIENT = 'No client'

/**
 * What each client's paid actions cost in one calendar month (UTC), from the audit log: what the
 * providers charged (cache answers cost nothing), summed in integers. Untagged spend is the row
 * with `client` null, listed last; clients with nothing charged are left out.
 */
export async function clientSpend(db: Kysely<Database>, month: string): Promise<ClientSpend> {
  const { from, until } = monthRange(month)
  const rows = await sql<{
    client: string | null
    milli: number
    results: number
    reports: number
    lookups: number
  }>`
    SELECT client,
      sum(CASE WHEN provider = 'modash' THEN cost_millicredits ELSE 0 END) AS milli,
      sum(CASE WHEN action = 'search' THEN cost_units ELSE 0 END) AS results,
      sum(CASE WHEN action = 'report' THEN cost_units ELSE 0 END) AS reports,
      sum(CASE WHEN action IN ('enrich-start', 'enrich') THEN cost_units ELSE 0 END) AS lookups
    FROM api_call_logs
    WHERE cache_hit = 0 AND created_at >= ${from} AND created_at < ${until}
    GROUP BY client
    ORDER BY client IS NULL, client COLLATE NOCASE, client`.execute(db)
  return {
    month,
    rows: rows.rows
      .map((r): ClientSpendRow => ({
        client: r.client,
        modashMilliCredits: Number(r.milli),
        discoveryResults: Number(r.results),
        reports: Number(r.reports),
        emailLookups: Number(r.lookups),
      }))
      .filter((r) => r.modashMilliCredits + r.discoveryResults + r.reports + r.emailLookups !== 0),
  }
}

/** `YYYY-MM` as the instants it spans: `[from, until)`. */
function monthRange(month: string): { from: string; until: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  const year = Number(match?.[1])
  const index = Number(match?.[2]) - 1
  if (!match || index < 0 || index > 11)
    throw new AppError('VALIDATION', `${month} is not a month.`)
  return {
    from: new Date(Date.UTC(year, index, 1)).toISOString(),
    until: new Date(Date.UTC(year, index + 1, 1)).toISOString(),
  }
}
