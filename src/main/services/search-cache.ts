import type { Kysely, Selectable } from 'kysely'
import type { Platform } from '../../shared/platforms'
import type { Database, SearchPagesTable } from '../db/schema'
import { withStatements } from '../db/statement-cache'
import type { CreatorRow } from './creator-repository'

export interface CachedPage {
  total: number
  isExactMatch: boolean | null
  fetchedAt: string
  creators: CreatorRow[]
}

/** Looked up on every search: kept prepared (`withStatements`), not built each time. */
const PAGE_HEADER = `SELECT id, total, is_exact_match, fetched_at FROM search_pages
  WHERE platform = ? AND filters_hash = ? AND page = ?`

/** Search pages already bought, keyed by (platform, canonical filters hash, page). */
export async function findCachedPage(
  db: Kysely<Database>,
  platform: Platform,
  filtersHash: string,
  page: number,
): Promise<CachedPage | null> {
  const header = await withStatements(
    db,
    (prepare) =>
      prepare(PAGE_HEADER).get(platform, filtersHash, page) as
        | Pick<Selectable<SearchPagesTable>, 'id' | 'total' | 'is_exact_match' | 'fetched_at'>
        | undefined,
  )
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
  // Run with every bought page, inside its transaction: kept prepared statements, a row each.
  await withStatements(db, (prepare) => {
    // A re-bought page (after "clear cache" or a refresh) replaces the old one and its order.
    prepare(DELETE_PAGE).run(args.platform, args.filtersHash, args.page)
    const { id } = prepare(INSERT_PAGE).get(
      args.platform,
      args.filtersHash,
      args.page,
      args.total,
      args.isExactMatch == null ? null : args.isExactMatch ? 1 : 0,
      args.fetchedAt,
    ) as { id: number }
    const result = prepare(INSERT_RESULT)
    args.creatorIds.forEach((creatorId, position) => result.run(id, position, creatorId))
  })
}

const DELETE_PAGE = 'DELETE FROM search_pages WHERE platform = ? AND filters_hash = ? AND page = ?'
const INSERT_PAGE = `INSERT INTO search_pages (platform, filters_hash, page, total, is_exact_match,
  fetched_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`
const INSERT_RESULT =
  'INSERT INTO search_page_results (search_page_id, position, creator_id) VALUES (?, ?, ?)'
