import type { Kysely } from 'kysely'
import type { Platform } from '../../shared/platforms'
import type { Database } from '../db/schema'
import type { CreatorRow } from './creator-repository'

export interface CachedPage {
  total: number
  isExactMatch: boolean | null
  fetchedAt: string
  creators: CreatorRow[]
}

/** Search pages already bought, keyed by (platform, canonical filters hash, page). */
export async function findCachedPage(
  db: Kysely<Database>,
  platform: Platform,
  filtersHash: string,
  page: number,
): Promise<CachedPage | null> {
  const header = await db
    .selectFrom('search_pages')
    .select(['id', 'total', 'is_exact_match', 'fetched_at'])
    .where('platform', '=', platform)
    .where('filters_hash', '=', filtersHash)
    .where('page', '=', page)
    .executeTakeFirst()
  if (!header) return null
  const creators = await db
    .selectFrom('search_page_results as r')
    .innerJoin('creators as c', 'c.id', 'r.creator_id')
    .selectAll('c')
    .where('r.search_page_id', '=', header.id)
    .orderBy('r.position')
    .execute()
  return {
    total: header.total,
    isExactMatch: header.is_exact_match === null ? null : header.is_exact_match === 1,
    fetchedAt: header.fetched_at,
    creators,
  }
}

export async function storePage(
  db: Kysely<Database>,
  args: {
    platform: Platform
    filtersHash: string
    page: number
    total: number
    isExactMatch?: boolean | null
    fetchedAt: string
    creatorIds: number[]
  },
): Promise<void> {
  // A re-bought page (after "clear cache" or a refresh) replaces the old one and its order.
  await db
    .deleteFrom('search_pages')
    .where('platform', '=', args.platform)
    .where('filters_hash', '=', args.filtersHash)
    .where('page', '=', args.page)
    .execute()
  const { id } = await db
    .insertInto('search_pages')
    .values({
      platform: args.platform,
      filters_hash: args.filtersHash,
      page: args.page,
      total: args.total,
      is_exact_match: args.isExactMatch == null ? null : args.isExactMatch ? 1 : 0,
      fetched_at: args.fetchedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (args.creatorIds.length === 0) return
  await db
    .insertInto('search_page_results')
    .values(
      args.creatorIds.map((creatorId, position) => ({
        search_page_id: id,
        position,
        creator_id: creatorId,
      })),
    )
    .execute()
}
