import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { RUN_EXPIRY_HOURS } from '../services/clay-runs'
import { emailInfo, reportIsFresh } from '../services/creator-detail'
import type { CreatorRow } from '../services/creator-repository'
import { reportEmail } from '../services/creator-repository'

/** What a batch asks for each creator. */
export interface Wants {
  reports: boolean
  emails: boolean
}

/** How an email would be had for one creator, cheapest first, as `enrichCreator` decides it. */
export type EmailPlan =
  'none' | 'known' | 'not_found' | 'waiting' | 'lookup' | 'lookup_at_most' | 'need_report'

export interface CreatorPlan {
  creatorId: number
  reportToBuy: boolean
  reportFresh: boolean
  email: EmailPlan
}

/** The columns planning reads: never the report itself, only its contacts. */
const PLAN_COLUMNS = [
  'id',
  'has_detailed_profile',
  'detailed_profile_fetched_at',
  'email',
  'email_found',
  'email_source',
  'clay_enriched_at',
  'email_not_found_until',
] as const
type PlanRow = Pick<CreatorRow, (typeof PLAN_COLUMNS)[number]> & { contacts_json: string | null }
const CHUNK = 500

/**
 * What the services will do for each creator, read from the cache without buying or locking
 * anything: the same rules as `selectCreator` (a report younger than the age limit is free) and
 * `enrichCreator` (a known email, one in the report, a remembered "not found" or a lookup still
 * waiting are free). Ids no longer in the cache are left out.
 */
export async function planCreators(
  db: Kysely<Database>,
  ids: readonly number[],
  wants: Wants,
  now: Date,
  reportMaxAgeDays: number,
): Promise<CreatorPlan[]> {
  const rows = new Map<number, PlanRow>()
  const waiting = new Set<number>()
  const expiry = new Date(now.getTime() - RUN_EXPIRY_HOURS * 3_600_000).toISOString()
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const found = await db
      .selectFrom('creators')
      .select(PLAN_COLUMNS)
      .select(
        sql<string | null>`json_extract(detailed_profile_json, '$.contacts')`.as('contacts_json'),
      )
      .where('id', 'in', chunk)
      .execute()
    for (const row of found) rows.set(row.id, row)
    if (wants.emails) {
      const open = await db
        .selectFrom('clay_runs')
        .select('creator_id')
        .where('creator_id', 'in', chunk)
        .where('finished_at', 'is', null)
        .where('started_at', '>', expiry)
        .execute()
      for (const r of open) waiting.add(r.creator_id)
    }
  }
  return ids.flatMap((id) => {
    const row = rows.get(id)
    if (!row) return []
    // The freshness and email rules read only the planning columns.
    const asRow = row as unknown as CreatorRow
    const reportFresh = reportIsFresh(asRow, now, reportMaxAgeDays)
    const reportToBuy = wants.reports && !reportFresh
    return [
      {
        creatorId: id,
        reportFresh,
        reportToBuy,
        email: wants.emails ? emailPlan(row, asRow, now, reportToBuy, waiting.has(id)) : 'none',
      },
    ]
  })
}

function emailPlan(
  row: PlanRow,
  asRow: CreatorRow,
  now: Date,
  reportToBuy: boolean,
  waiting: boolean,
): EmailPlan {
  const info = emailInfo(asRow, now)
  if (info.status === 'found') return 'known'
  if (info.status === 'not_found') return 'not_found'
  // A report bought by the job may carry an email: the lookup runs only if it does not.
  if (reportToBuy) return 'lookup_at_most'
  if (row.has_detailed_profile !== 1) return 'need_report'
  const contacts = row.contacts_json === null ? null : (JSON.parse(row.contacts_json) as unknown)
  if (reportEmail({ contacts }) !== null) return 'known'
  return waiting ? 'waiting' : 'lookup'
}

/** Units an item may charge at most: what the job's caps are checked against before it starts. */
export function worstCase(plan: CreatorPlan): { reports: number; enrichments: number } {
  return {
    reports: plan.reportToBuy ? 1 : 0,
    enrichments: plan.email === 'lookup' || plan.email === 'lookup_at_most' ? 1 : 0,
  }
}
