import type { Kysely } from 'kysely'
import type { BatchTarget } from '../../shared/bulk'
import { AppError } from '../../shared/errors'
import type { Database } from '../db/schema'

/** The creators a batch names, each once, in the order given (a list: the order they were added). */
export async function targetCreatorIds(
  db: Kysely<Database>,
  target: BatchTarget,
): Promise<number[]> {
  if ('creatorIds' in target) return [...new Set(target.creatorIds)]
  const list = await db
    .selectFrom('lists')
    .select('id')
    .where('id', '=', target.listId)
    .executeTakeFirst()
  if (!list) throw new AppError('NOT_FOUND', 'That list no longer exists.')
  const rows = await db
    .selectFrom('list_members')
    .select('creator_id')
    .where('list_id', '=', target.listId)
    .orderBy('added_at')
    .orderBy('creator_id')
    .execute()
  return rows.map((r) => r.creator_id)
}
