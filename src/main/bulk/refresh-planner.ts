import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { RefreshPlan, RefreshScope } from '../../shared/bulk'
import type { Platform } from '../../shared/platforms'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { SearchFilters } from '../../shared/search-filters'
import type { Database } from '../db/schema'
import { DAY_MS } from '../services/clock'
import type { CoreDeps } from '../services/core-deps'
import { MILLI_PER_REPORT, MILLI_PER_RESULT } from '../services/modash-prices'
import { targetCreatorIds } from './batch-target'
import { meterLeft } from './meter-left'
import type { PageTarget } from './page-target'

export interface RefreshTargets {
  /** Creators whose report is past the age limit. */
  staleReports: number[]
  /** Creators whose Clay "not found" memory expired. */
  expiredEmails: number[]
  pages: PageTarget[]
}

/**
 * Step 5 of bulk work: what in the cache is stale, and what buying it again would cost. Reports
 * past the report age limit (the limit after which a click buys a new one anyway), search pages
 * older than the age chosen, and "not found" emails whose memory expired. Read only.
 */
export async function planRefresh(
  deps: CoreDeps,
  scope: RefreshScope,
  pageAgeDays: number,
): Promise<RefreshPlan & { targets: RefreshTargets }> {
  const targets = await refreshTargets(deps, scope, pageAgeDays)
  return {
    reports: {
      stale: targets.staleReports.length,
      milliCredits: targets.staleReports.length * MILLI_PER_REPORT,
    },
    pages: {
      stale: targets.pages.length,
      resultsAtMost: targets.pages.length * PAGE_SIZE,
      milliCreditsAtMost: targets.pages.length * PAGE_SIZE * MILLI_PER_RESULT,
      pageAgeDays,
    },
    emails: { expired: targets.expiredEmails.length },
    left: meterLeft(await deps.ledger.status()),
    targets,
  }
}

async function refreshTargets(
  deps: CoreDeps,
  scope: RefreshScope,
  pageAgeDays: number,
): Promise<RefreshTargets> {
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  const settings = await deps.settings.get()
  const reportLine = new Date(now.getTime() - settings.reportMaxAgeDays * DAY_MS).toISOString()
  const pageLine = new Date(now.getTime() - pageAgeDays * DAY_MS).toISOString()
  if (scope.kind === 'search')
    return {
      staleReports: [],
      expiredEmails: [],
      pages: await stalePages(deps.db, pageLine, scope),
    }
  const members = scope.kind === 'list' ? await targetCreatorIds(deps.db, scope) : null
  return {
    staleReports: await staleCreators(deps.db, members, 'report', reportLine),
    expiredEmails: await staleCreators(deps.db, members, 'email', nowIso),
    pages: scope.kind === 'all' ? await stalePages(deps.db, pageLine, null) : [],
  }
}

/**
 * Creators with a report bought at or before `line` (`report`), or whose "not found" memory ended
 * at or before it (`email`; only those with a report: a lookup needs one). All of the cache, or
 * the members given, in their order.
 */
async function staleCreators(
  db: Kysely<Database>,
  members: number[] | null,
  what: 'report' | 'email',
  line: string,
): Promise<number[]> {
  const query = (ids: number[] | null) => {
    let q = db.selectFrom('creators').select('id').where('has_detailed_profile', '=', 1)
    q =
      what === 'report'
        ? q.where('detailed_profile_fetched_at', '<=', line)
        : q
            .where('email_found', '=', 0)
            .where('email_not_found_until', 'is not', null)
            .where('email_not_found_until', '<=', line)
    return ids === null ? q.orderBy('id') : q.where('id', 'in', ids)
  }
  if (members === null) return (await query(null).execute()).map((r) => r.id)
  const found = new Set<number>()
  for (let i = 0; i < members.length; i += 500)
    for (const r of await query(members.slice(i, i + 500)).execute()) found.add(r.id)
  return members.filter((id) => found.has(id))
}

/** Pages older than the line whose filters are known (from the search that bought them). */
async function stalePages(
  db: Kysely<Database>,
  line: string,
  only: { platform: Platform; filtersHash: string } | null,
): Promise<PageTarget[]> {
  let query = db
    .selectFrom('search_pages as p')
    .select([
      'p.platform',
      'p.filters_hash',
      'p.page',
      sql<string | null>`(SELECT q.filters_json FROM search_requests q
        WHERE q.platform = p.platform AND q.filters_hash = p.filters_hash
        ORDER BY q.id DESC LIMIT 1)`.as('filters_json'),
    ])
    .where('p.fetched_at', '<=', line)
  if (only !== null)
    query = query
      .where('p.platform', '=', only.platform)
      .where('p.filters_hash', '=', only.filtersHash)
  const rows = await query
    .orderBy('p.platform')
    .orderBy('p.filters_hash')
    .orderBy('p.page')
    .execute()
  return rows.flatMap((r) =>
    r.filters_json === null
      ? []
      : [
          {
            platform: r.platform as Platform,
            filtersHash: r.filters_hash,
            page: r.page,
            filters: JSON.parse(r.filters_json) as SearchFilters,
          },
        ],
  )
}
