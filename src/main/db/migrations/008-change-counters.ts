import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Change counters: a number that triggers raise whenever a set of tables is written, whoever
 * writes them, so a summary read from those tables can be kept in memory and trusted until the
 * number moves.
 *
 * - `bought_searches`: the searches bought (`search_filter_sets`, `search_pages`,
 *   `search_page_results`, `purchases`). Offline answers read a summary of every bought search
 *   of the platform on each search (`services/facts/filter-sets.ts`); with tens of thousands of
 *   pages that read costs tens of milliseconds, so it is kept until a page, a result or a
 *   purchase is written or removed (a creator removed takes its results with it).
 */

/** The name `db/schema.ts` exports as `BOUGHT_SEARCHES_COUNTER`, frozen here as of this migration. */
const BOUGHT_SEARCHES = 'bought_searches'

const WATCHED = ['search_filter_sets', 'search_pages', 'search_page_results', 'purchases'] as const
const EVENTS = ['insert', 'update', 'delete'] as const

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const changeCounters: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('change_counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute()
    await db.insertInto('change_counters').values({ name: BOUGHT_SEARCHES, value: 0 }).execute()
    for (const table of WATCHED) {
      for (const event of EVENTS) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_${event}_counted AFTER ${event.toUpperCase()} ON ${table}
            BEGIN
              UPDATE change_counters SET value = value + 1 WHERE name = '${BOUGHT_SEARCHES}';
            END`,
          )
          .execute(db)
      }
    }
  },
  async down(db: Kysely<any>) {
    for (const table of WATCHED) {
      for (const event of EVENTS) {
        await sql.raw(`DROP TRIGGER ${table}_${event}_counted`).execute(db)
      }
    }
    await db.schema.dropTable('change_counters').execute()
  },
}
