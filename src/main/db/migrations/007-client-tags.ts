import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Cost attribution: the client (or campaign) a paid action was for, so spend can be re-billed.
 *
 * - `api_call_logs.client`: the "current client" setting when the row was written; null when none
 *   was set ("No client").
 * - `bulk_jobs.client`: the list's client when the job was started for a list.
 * - `lists.client`: the client a list is for; a bulk job started for the list uses it when no
 *   current client is set.
 */

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const clientTags: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('api_call_logs').addColumn('client', 'text').execute()
    await db.schema.alterTable('lists').addColumn('client', 'text').execute()
    await db.schema.alterTable('bulk_jobs').addColumn('client', 'text').execute()
    await db.schema
      .createIndex('api_call_logs_client_time')
      .on('api_call_logs')
      .columns(['client', 'created_at'])
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('api_call_logs_client_time').execute()
    await db.schema.alterTable('bulk_jobs').dropColumn('client').execute()
    await db.schema.alterTable('lists').dropColumn('client').execute()
    await db.schema.alterTable('api_call_logs').dropColumn('client').execute()
  },
}
