import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { CacheService } from './core-types'

/**
 * "Clear cache" forgets bought search pages, dictionaries and creators on no list. Creators on a
 * list stay whole (they are part of the user's work), and so do the ledger, the audit log and
 * the settings: clearing the cache must never make the quota look unspent.
 */
export function createCacheService(db: Kysely<Database>): CacheService {
  return {
    async clear() {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('search_pages').execute()
        await trx.deleteFrom('dictionary_cache').execute()
        // What the pages and dictionaries proved goes with them (report facts go with creators).
        await trx.deleteFrom('search_filter_sets').execute()
        await trx.deleteFrom('dictionary_entries').execute()
        const removed = await trx
          .deleteFrom('creators')
          .where(sql<boolean>`id NOT IN (SELECT creator_id FROM list_members)`)
          .executeTakeFirst()
        return { creatorsRemoved: Number(removed.numDeletedRows) }
      })
    },
  }
}
