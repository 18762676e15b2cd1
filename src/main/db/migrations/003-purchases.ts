import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Every paid answer, kept as Modash or Clay sent it (`purchases`), so what was bought is never
 * lost to a parser that reads it wrongly today: a later version can read it again. A row is
 * written in the same transaction as the cache rows built from it; its id is also the name of
 * the journal file that held the answer until then (`services/purchase-journal.ts`), which is
 * how a replay after a crash knows the purchase was already stored.
 *
 * `search_pages.is_exact_match` keeps Modash's flag: a broad query's `total` is the size of its
 * index, not a count of matches, and the app must not show it as one.
 */
export const purchases: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('purchases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('purchase_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('context_json', 'text', (c) => c.notNull())
      .addColumn('response_json', 'text')
      .addColumn('units', 'integer', (c) => c.notNull().check(sql`units >= 0`))
      .addColumn('millicredits', 'integer', (c) => c.notNull().check(sql`millicredits >= 0`))
      .addColumn('http_status', 'integer')
      .addColumn('bought_at', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('purchases_key').on('purchases').column('purchase_key').execute()
    await db.schema.alterTable('search_pages').addColumn('is_exact_match', 'integer').execute()
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('search_pages').dropColumn('is_exact_match').execute()
    await db.schema.dropTable('purchases').execute()
  },
}
