import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Platform } from '../../../shared/platforms'
import { PAGE_SIZE } from '../../../shared/search-filters'
import type { SearchFilters } from '../../../shared/search-filters'
import { BOUGHT_SEARCHES_COUNTER } from '../../db/schema'
import type { Database } from '../../db/schema'
import { withStatements } from '../../db/statement-cache'
import { filterTerms } from './filter-terms'
import type { Term } from './filter-terms'

/** A search whose pages were bought: its filters, and whether every page up to the last was. */
export interface FilterSet {
  hash: string
  filters: SearchFilters
  /** Its filters as terms (`filterTerms`), worked out once when read, not on every search. */
  terms: Term[]
  /** Every creator that matched it when it was bought is cached (see `isComplete`). */
  complete: boolean
  /** How many creators its pages hold. */
  results: number
  /** When its first and last pages were bought. */
  firstFetchedAt: string
  lastFetchedAt: string
}

/** One bought search's pages, summed up (`readFilterSets`). */
interface SetSummary {
  pages: number
  last_page: number
  first_at: string
  last_at: string
  results: number
  short_pages: number
  last_results: number
  last_total: number
  last_exact: number | null
  last_billed: number | null
}

/** Pages of one search bought further apart than this may not line up into one result list. */
const COMPLETE_SPREAD_MS = 86_400_000

/** What `loadFilterSets` read, and the change counter it was read at. */
interface Kept {
  counter: number
  sets: readonly FilterSet[]
}

/**
 * The sets last read, per database handle and platform. A handle of a transaction is its own
 * key: what a transaction reads before it commits is never kept for the database.
 */
const kept = new WeakMap<Kysely<Database>, Map<Platform, Kept>>()

/**
 * Every search of the platform with at least one page in the cache. Read from the pages on the
 * first search and again only when a page, a result or a purchase was written or removed since
 * (the `bought_searches` counter of migration 008, raised by triggers whoever writes): reading
 * them costs a few microseconds a page, tens of milliseconds for a busy month of searches.
 */
export async function loadFilterSets(
  db: Kysely<Database>,
  platform: Platform,
): Promise<readonly FilterSet[]> {
  // Read before the sets: a write between the two reads makes the next search read them again.
  const counter = await boughtSearchesCounter(db)
  const byPlatform = kept.get(db) ?? new Map<Platform, Kept>()
  const last = byPlatform.get(platform)
  if (last !== undefined && last.counter === counter) return last.sets
  const sets = await readFilterSets(db, platform)
  byPlatform.set(platform, { counter, sets })
  kept.set(db, byPlatform)
  return sets
}

/** Read on every offline search: a kept statement. */
async function boughtSearchesCounter(db: Kysely<Database>): Promise<number> {
  const row = await withStatements(
    db,
    (prepare) =>
      prepare('SELECT value FROM change_counters WHERE name = ?').get(BOUGHT_SEARCHES_COUNTER) as
        { value: number } | undefined,
  )
  return Number(row?.value ?? 0)
}

async function readFilterSets(db: Kysely<Database>, platform: Platform): Promise<FilterSet[]> {
  const rows = await sql<SetSummary & { hash: string; filters_json: string }>`
    SELECT s.filters_hash AS hash, s.filters_json,
      count(*) AS pages, max(p.page) AS last_page,
      min(p.fetched_at) AS first_at, max(p.fetched_at) AS last_at,
      sum(p.n) AS results,
      sum(CASE WHEN p.n < ${PAGE_SIZE} THEN 1 ELSE 0 END) AS short_pages,
      max(CASE WHEN p.is_last THEN p.n END) AS last_results,
      max(CASE WHEN p.is_last THEN p.total END) AS last_total,
      max(CASE WHEN p.is_last THEN p.is_exact_match END) AS last_exact,
      max(CASE WHEN p.is_last THEN (
        SELECT u.units FROM purchases AS u WHERE u.purchase_key = p.purchase_key
        ORDER BY u.bought_at DESC LIMIT 1) END) AS last_billed
    FROM search_filter_sets AS s
    JOIN (
      SELECT sp.*, sp.page = max(sp.page) OVER (PARTITION BY sp.filters_hash) AS is_last,
        (SELECT count(*) FROM search_page_results AS r WHERE r.search_page_id = sp.id) AS n,
        'search:' || sp.platform || ':' || sp.filters_hash || ':' || sp.page AS purchase_key
      FROM search_pages AS sp WHERE sp.platform = ${platform}
    ) AS p ON p.filters_hash = s.filters_hash
    WHERE s.platform = ${platform}
    GROUP BY s.filters_hash`.execute(db)
  return rows.rows.flatMap((r) => {
    const filters = parse(r.filters_json)
    if (filters === null) return []
    return [
      {
        hash: r.hash,
        filters,
        terms: filterTerms(platform, filters),
        results: Number(r.results),
        firstFetchedAt: r.first_at,
        lastFetchedAt: r.last_at,
        complete: isComplete(r),
      },
    ]
  })
}

/**
 * Fetched to its last page: pages 0..n all bought, every one full but the last, which is short
 * (or Modash's exact total says it is the end; an estimated total beyond them says it is not);
 * bought within a day, so no creator slipped between two pages as ranks moved; and nothing
 * Modash billed was left out of the cache (an id-less row would have been a matching creator the
 * cache does not hold).
 */
function isComplete(r: SetSummary): boolean {
  const pages = Number(r.pages)
  if (pages !== Number(r.last_page) + 1) return false
  if (Date.parse(r.last_at) - Date.parse(r.first_at) > COMPLETE_SPREAD_MS) return false
  const lastResults = Number(r.last_results)
  const shortPages = Number(r.short_pages)
  const earlierFull = shortPages === (lastResults < PAGE_SIZE ? 1 : 0)
  if (!earlierFull) return false
  if (r.last_billed !== null && Number(r.last_billed) !== lastResults) return false
  if (r.last_exact !== null && Number(r.last_exact) === 1)
    return Number(r.results) === Number(r.last_total)
  // Modash called its total an estimate (a broad query answers with the size of its index):
  // a short page below it is not an end it vouches for.
  if (r.last_exact !== null && Number(r.last_total) > Number(r.results)) return false
  return lastResults < PAGE_SIZE
}

function parse(json: string): SearchFilters | null {
  try {
    const value = JSON.parse(json) as unknown
    // Written by this app from filters it validated; anything else is not a filter set.
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null
  } catch {
    return null
  }
}
