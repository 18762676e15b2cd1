import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { CreatorDetail, CreatorSummary, SearchResult } from '../../shared/domain'
import type { Database } from '../db/schema'

/**
 * Adds the lists each creator is on, so a result row or a profile can say "on Shortlist" without
 * the renderer asking list by list. One statement for the whole page; the list table leads, so
 * each (list, creator) pair is one primary-key lookup however long the lists are.
 */
export async function withLists<T extends CreatorSummary>(
  db: Kysely<Database>,
  creators: T[],
): Promise<T[]> {
  if (creators.length === 0) return creators
  const ids = [...new Set(creators.map((c) => c.id))]
  const rows = await sql<{ creator_id: number; id: number; name: string }>`
    SELECT m.creator_id, l.id, l.name
    FROM lists AS l CROSS JOIN list_members AS m ON m.list_id = l.id
    WHERE m.creator_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    ORDER BY l.name COLLATE NOCASE, l.id`.execute(db)
  const byCreator = new Map<number, { id: number; name: string }[]>()
  for (const r of rows.rows) {
    const lists = byCreator.get(r.creator_id) ?? []
    lists.push({ id: r.id, name: r.name })
    byCreator.set(r.creator_id, lists)
  }
  return creators.map((c) => ({ ...c, lists: byCreator.get(c.id) ?? [] }))
}

export async function searchWithLists(
  db: Kysely<Database>,
  result: SearchResult,
): Promise<SearchResult> {
  return { ...result, creators: await withLists(db, result.creators) }
}

export async function detailWithLists(
  db: Kysely<Database>,
  detail: CreatorDetail,
): Promise<CreatorDetail> {
  const [creator] = await withLists(db, [detail.creator])
  return creator === undefined ? detail : { ...detail, creator }
}
