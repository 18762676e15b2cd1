import type { Kysely, Selectable } from 'kysely'
import type { SavedSearch } from '../../shared/bulk'
import { AppError } from '../../shared/errors'
import type { Platform } from '../../shared/platforms'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { SearchFilters } from '../../shared/search-filters'
import type { Database, SavedSearchesTable } from '../db/schema'
import type { Clock } from '../services/clock'
import { DAY_MS } from '../services/clock'
import { MILLI_PER_RESULT } from '../services/modash-prices'
import { filtersOf, pageStats, searchId } from './search-history'
import type { PageStats } from './search-history'

/** Searches the user named, to reopen for free and to see when they are worth refreshing. */
export async function saveSearch(
  db: Kysely<Database>,
  clock: Clock,
  input: { platform: Platform; filtersHash: string; name: string },
): Promise<SavedSearch> {
  const filters = await filtersOf(db, input.platform, input.filtersHash)
  if (filters === null)
    throw new AppError('NOT_FOUND', 'That search is not in the history: run it once to save it.')
  // Saving a search again renames it: one saved entry per search.
  await db
    .insertInto('saved_searches')
    .values({
      name: input.name,
      platform: input.platform,
      filters_hash: input.filtersHash,
      filters_json: JSON.stringify(filters),
      created_at: clock.now().toISOString(),
    })
    .onConflict((oc) => oc.columns(['platform', 'filters_hash']).doUpdateSet({ name: input.name }))
    .execute()
  const row = await db
    .selectFrom('saved_searches')
    .selectAll()
    .where('platform', '=', input.platform)
    .where('filters_hash', '=', input.filtersHash)
    .executeTakeFirstOrThrow()
  const stats = await pageStats(db, [{ platform: row.platform, filtersHash: row.filters_hash }])
  return toSaved(row, stats.get(searchId(row.platform, row.filters_hash)), clock.now())
}

export async function savedSearches(
  db: Kysely<Database>,
  clock: Clock,
  olderThanDays: number,
): Promise<SavedSearch[]> {
  const rows = await db.selectFrom('saved_searches').selectAll().orderBy('name').execute()
  const now = clock.now()
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString()
  const stats = await pageStats(
    db,
    rows.map((r) => ({ platform: r.platform, filtersHash: r.filters_hash })),
    cutoff,
  )
  return rows.map((row) => toSaved(row, stats.get(searchId(row.platform, row.filters_hash)), now))
}

export async function forgetSearch(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('saved_searches').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Its refresh cost counts the pages older than the age asked for: those a refresh buys again. */
function toSaved(
  row: Selectable<SavedSearchesTable>,
  stats: PageStats | undefined,
  now: Date,
): SavedSearch {
  const pages = stats?.pages ?? 0
  const older = stats?.older ?? 0
  const oldest = stats?.oldest ?? null
  const ageMs = oldest === null ? null : now.getTime() - Date.parse(oldest)
  return {
    id: row.id,
    name: row.name,
    platform: row.platform as Platform,
    filtersHash: row.filters_hash,
    filters: JSON.parse(row.filters_json) as SearchFilters,
    savedAt: row.created_at,
    pagesCached: pages,
    oldestPageAt: oldest,
    ageDays: ageMs === null ? null : Math.max(0, Math.floor(ageMs / DAY_MS)),
    stale: older > 0,
    refreshResultsAtMost: older * PAGE_SIZE,
    refreshMilliCreditsAtMost: older * PAGE_SIZE * MILLI_PER_RESULT,
  }
}
