import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { SearchHistoryEntry } from '../../shared/bulk'
import type { SearchResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'
import type { Database } from '../db/schema'
import { toSummary } from '../services/creator-repository'
import { MILLI_PER_RESULT } from '../services/modash-prices'
import { findCachedPage } from '../services/search-cache'
import { ESTIMATE_TOTAL } from '../services/search-service'

const DEFAULT_LIMIT = 100

export interface PageStats {
  pages: number
  /** Pages bought before the cutoff asked for (0 without one). */
  older: number
  oldest: string | null
  newest: string | null
}

/** Cached pages per search, for history and saved searches. */
export async function pageStats(
  db: Kysely<Database>,
  searches: readonly { platform: string; filtersHash: string }[],
  cutoff: string | null = null,
): Promise<Map<string, PageStats>> {
  const stats = new Map<string, PageStats>()
  const hashes = [...new Set(searches.map((s) => s.filtersHash))]
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('search_pages')
      .select((eb) => [
        'platform',
        'filters_hash',
        eb.fn.countAll<number>().as('pages'),
        eb.fn.min('fetched_at').as('oldest'),
        eb.fn.max('fetched_at').as('newest'),
        sql<number>`sum(CASE WHEN fetched_at < ${cutoff ?? ''} THEN 1 ELSE 0 END)`.as('older'),
      ])
      .where('filters_hash', 'in', hashes.slice(i, i + 500))
      .groupBy(['platform', 'filters_hash'])
      .execute()
    for (const r of rows)
      stats.set(searchId(r.platform, r.filters_hash), {
        pages: Number(r.pages),
        older: Number(r.older ?? 0),
        oldest: r.oldest,
        newest: r.newest,
      })
  }
  return stats
}

export function searchId(platform: string, filtersHash: string): string {
  return `${platform}:${filtersHash}`
}

/**
 * Every search the user ran (`search_requests`), one entry per distinct search: when, how often,
 * what it cost, and how much of it the cache still holds. Read only; nothing is bought.
 */
export async function searchHistory(
  db: Kysely<Database>,
  limit = DEFAULT_LIMIT,
): Promise<SearchHistoryEntry[]> {
  const rows = await db
    .selectFrom('search_requests as r')
    .leftJoin('saved_searches as s', (join) =>
      join.onRef('s.platform', '=', 'r.platform').onRef('s.filters_hash', '=', 'r.filters_hash'),
    )
    .select((eb) => [
      'r.platform',
      'r.filters_hash',
      eb.fn.min('r.created_at').as('first_run'),
      eb.fn.max('r.created_at').as('last_run'),
      eb.fn.countAll<number>().as('runs'),
      sql<number>`sum(CASE WHEN r.source = 'provider' THEN r.result_count ELSE 0 END)`.as(
        'results',
      ),
      sql<string>`(SELECT q.filters_json FROM search_requests q
        WHERE q.platform = r.platform AND q.filters_hash = r.filters_hash
        ORDER BY q.id DESC LIMIT 1)`.as('filters_json'),
      eb.fn.max('s.id').as('saved_id'),
      eb.fn.max('s.name').as('saved_name'),
    ])
    .groupBy(['r.platform', 'r.filters_hash'])
    .orderBy('last_run', 'desc')
    .limit(limit)
    .execute()
  const stats = await pageStats(
    db,
    rows.map((r) => ({ platform: r.platform, filtersHash: r.filters_hash })),
  )
  return rows.map((r) => {
    const cached = stats.get(searchId(r.platform, r.filters_hash))
    const results = Number(r.results ?? 0)
    return {
      platform: r.platform as Platform,
      filtersHash: r.filters_hash,
      filters: JSON.parse(r.filters_json) as SearchFilters,
      firstRunAt: r.first_run ?? '',
      lastRunAt: r.last_run ?? '',
      runs: Number(r.runs),
      pagesCached: cached?.pages ?? 0,
      oldestPageAt: cached?.oldest ?? null,
      newestPageAt: cached?.newest ?? null,
      resultsCharged: results,
      milliCredits: results * MILLI_PER_RESULT,
      savedId: r.saved_id ?? null,
      savedName: r.saved_name ?? null,
    }
  })
}

/** A past search's page, from the cache only: reopening history never buys. */
export async function openCachedPage(
  db: Kysely<Database>,
  platform: Platform,
  filtersHash: string,
  page: number,
): Promise<SearchResult> {
  const cached = await findCachedPage(db, platform, filtersHash, page)
  if (!cached)
    throw new AppError(
      'NOT_FOUND',
      'This page is not in the cache (it was answered offline, or the cache was cleared). Run the search again to buy it.',
    )
  return {
    platform,
    page,
    creators: cached.creators.map(toSummary),
    total: cached.total,
    ...(cached.total >= ESTIMATE_TOTAL || cached.isExactMatch === false
      ? { totalIsEstimate: true }
      : {}),
    source: 'cache',
    fetchedAt: cached.fetchedAt,
    resultsCharged: 0,
    filtersHash,
  }
}

/** The canonical filters a search ran with, as its latest request kept them. */
export async function filtersOf(
  db: Kysely<Database>,
  platform: Platform,
  filtersHash: string,
): Promise<SearchFilters | null> {
  const row = await db
    .selectFrom('search_requests')
    .select('filters_json')
    .where('platform', '=', platform)
    .where('filters_hash', '=', filtersHash)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row ? (JSON.parse(row.filters_json) as SearchFilters) : null
}
