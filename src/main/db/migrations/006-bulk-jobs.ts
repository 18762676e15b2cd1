import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Bulk work (`src/main/bulk/`):
 *
 * - `bulk_jobs`: one row per background job the user confirmed, with what they confirmed
 *   (`cap_*`: the job never spends more on a meter) and where it stands. A job left `running` by
 *   a crash is picked up at the next start.
 * - `bulk_job_items`: one row per creator (or search page) of a job. `audit_mark` is the last
 *   audit-log id when the item started: what the item charged is read from the audit rows after
 *   it, so a job resumed after a crash still knows what it spent, and the services' own cache
 *   (a report bought before the crash is fresh now) makes the resumed item free.
 *   `creator_id` has no foreign key: "clear cache" may forget a creator, and the item then fails
 *   in plain words instead of blocking the clear.
 * - `saved_searches`: searches the user named, to reopen and refresh.
 */

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const bulkJobs: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('bulk_jobs')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('buy', 'refresh')`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c
          .notNull()
          .check(sql`state IN ('queued', 'running', 'paused', 'stopped', 'cancelled', 'done')`),
      )
      .addColumn('cap_reports', 'integer', (c) => c.notNull().check(sql`cap_reports >= 0`))
      .addColumn('cap_enrichments', 'integer', (c) => c.notNull().check(sql`cap_enrichments >= 0`))
      .addColumn('cap_discovery', 'integer', (c) => c.notNull().check(sql`cap_discovery >= 0`))
      .addColumn('preview_json', 'text', (c) => c.notNull())
      .addColumn('stop_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('bulk_jobs_state')
      .on('bulk_jobs')
      .columns(['state', 'id'])
      .execute()

    await db.schema
      .createTable('bulk_job_items')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('job_id', 'integer', (c) =>
        c.notNull().references('bulk_jobs.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('creator_id', 'integer')
      /** A search page to buy again: `{platform, filtersHash, page, filters}`. */
      .addColumn('page_json', 'text')
      .addColumn('do_report', 'integer', (c) => c.notNull())
      .addColumn('do_email', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state IN ('pending', 'done', 'failed', 'skipped')`),
      )
      .addColumn('started_at', 'text')
      .addColumn('audit_mark', 'integer')
      .addColumn('finished_at', 'text')
      .addColumn('message', 'text')
      .addColumn('reports_charged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('enrichments_charged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('discovery_charged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('millicredits_charged', 'integer', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('bulk_job_items_target', sql`(creator_id IS NULL) <> (page_json IS NULL)`)
      .execute()
    await db.schema
      .createIndex('bulk_job_items_job_state')
      .on('bulk_job_items')
      .columns(['job_id', 'state', 'position'])
      .execute()

    await db.schema
      .createTable('saved_searches')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('filters_hash', 'text', (c) => c.notNull())
      .addColumn('filters_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('saved_searches_search', ['platform', 'filters_hash'])
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('saved_searches').execute()
    await db.schema.dropTable('bulk_job_items').execute()
    await db.schema.dropTable('bulk_jobs').execute()
  },
}
