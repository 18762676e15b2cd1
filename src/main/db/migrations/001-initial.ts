import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('creators')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('handle', 'text')
      .addColumn('full_name', 'text')
      .addColumn('profile_url', 'text')
      .addColumn('picture_url', 'text')
      .addColumn('followers', 'integer')
      .addColumn('engagements', 'integer')
      .addColumn('engagement_rate', 'real')
      .addColumn('average_views', 'integer')
      .addColumn('is_verified', 'integer')
      .addColumn('country', 'text')
      .addColumn('language', 'text')
      .addColumn('gender', 'text')
      .addColumn('bio', 'text')
      .addColumn('credibility', 'real')
      .addColumn('top_country', 'text')
      .addColumn('top_country_share', 'real')
      .addColumn('basic_profile_json', 'text')
      .addColumn('detailed_profile_json', 'text')
      .addColumn('has_basic_profile', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('has_detailed_profile', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('basic_fetched_at', 'text', (c) => c.notNull())
      .addColumn('detailed_profile_fetched_at', 'text')
      .addColumn('email', 'text')
      .addColumn('email_found', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('email_source', 'text')
      .addColumn('email_status', 'text')
      .addColumn('clay_enriched_at', 'text')
      .addColumn('email_not_found_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('creators_platform_provider_id', ['platform', 'provider_id'])
      .execute()
    await db.schema
      .createIndex('creators_platform_handle')
      .unique()
      .on('creators')
      .columns(['platform', 'handle'])
      .execute()
    await db.schema
      .createIndex('creators_modash_creator_id')
      .on('creators')
      .column('provider_id')
      .execute()
    // Local (offline) search walks these: platform first, then the most selective ranges.
    await db.schema
      .createIndex('creators_platform_followers')
      .on('creators')
      .columns(['platform', 'followers'])
      .execute()

    await db.schema
      .createTable('search_requests')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('filters_json', 'text', (c) => c.notNull())
      .addColumn('filters_hash', 'text', (c) => c.notNull())
      .addColumn('page', 'integer', (c) => c.notNull())
      .addColumn('requested_count', 'integer', (c) => c.notNull())
      .addColumn('result_count', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('search_requests_filters_hash')
      .on('search_requests')
      .column('filters_hash')
      .execute()

    await db.schema
      .createTable('search_pages')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('filters_hash', 'text', (c) => c.notNull())
      .addColumn('page', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('search_pages_key', ['platform', 'filters_hash', 'page'])
      .execute()
    await db.schema
      .createTable('search_page_results')
      .addColumn('search_page_id', 'integer', (c) =>
        c.notNull().references('search_pages.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('creator_id', 'integer', (c) =>
        c.notNull().references('creators.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('search_page_results_pk', ['search_page_id', 'position'])
      .execute()

    await db.schema
      .createTable('usage_counters')
      .addColumn('month', 'text', (c) => c.primaryKey())
      .addColumn('modash_discoveries_used', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('modash_reports_used', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('clay_enrichments_used', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('modash_millicredits_used', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .createTable('quota_reservations')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('meter', 'text', (c) => c.notNull())
      .addColumn('units', 'integer', (c) => c.notNull().check(sql`units >= 0`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute()
    await db.schema
      .createIndex('quota_reservations_month_meter')
      .on('quota_reservations')
      .columns(['month', 'meter'])
      .execute()

    await db.schema
      .createTable('api_call_logs')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('platform', 'text')
      .addColumn('creator_id', 'integer')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('http_status', 'integer')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('cost_units', 'integer', (c) => c.notNull())
      .addColumn('cost_millicredits', 'integer', (c) => c.notNull())
      .addColumn('cache_hit', 'integer', (c) => c.notNull())
      .addColumn('saved_units', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .createIndex('api_call_logs_created_at')
      .on('api_call_logs')
      .column('created_at')
      .execute()

    await db.schema
      .createTable('clay_runs')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('creator_id', 'integer', (c) =>
        c.notNull().references('creators.id').onDelete('cascade'),
      )
      .addColumn('run_id', 'text', (c) => c.notNull().unique())
      .addColumn('routine_id', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('outcome', 'text')
      .execute()

    await db.schema
      .createTable('lists')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('list_members')
      .addColumn('list_id', 'integer', (c) =>
        c.notNull().references('lists.id').onDelete('cascade'),
      )
      .addColumn('creator_id', 'integer', (c) =>
        c.notNull().references('creators.id').onDelete('cascade'),
      )
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_members_pk', ['list_id', 'creator_id'])
      .execute()

    await db.schema
      .createTable('dictionary_cache')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('entries_json', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('dictionary_cache_pk', ['platform', 'kind', 'query'])
      .execute()

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value_json', 'text', (c) => c.notNull())
      .execute()
  },
}
