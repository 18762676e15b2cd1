import type { Kysely } from 'kysely'
import type { Platform } from '../../../shared/platforms'
import type { SearchFilters } from '../../../shared/search-filters'
import type { Database } from '../../db/schema'

/**
 * Keeps the canonical filters behind a bought page. Modash applied them, so every creator on
 * the page is known to satisfy them at the time it was bought, report or not.
 */
export async function recordPageFilters(
  db: Kysely<Database>,
  platform: Platform,
  filtersHash: string,
  canonical: SearchFilters,
): Promise<void> {
  await db
    .insertInto('search_filter_sets')
    .values({ platform, filters_hash: filtersHash, filters_json: JSON.stringify(canonical) })
    .onConflict((oc) => oc.columns(['platform', 'filters_hash']).doNothing())
    .execute()
}
