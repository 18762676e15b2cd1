import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Indexes for local (offline) search over a large cache (`services/local-search.ts`).
 *
 * - One covering index per way into the table: a follower range, a country, a language, a
 *   gender. Each holds every column the common filters test, so a search never reads a 1 KB
 *   row to reject it, and each is ordered by followers after its leading columns, so the first
 *   page of the default sort stops after 50 matches. There is deliberately no index led by
 *   engagement rate: without planner statistics (the app gathers none) SQLite takes any range
 *   on it for a narrow one, and a floor of 1 % would send every such search through the
 *   whole table.
 * - Report-only columns are null for most cached creators (reports are bought one by one), so
 *   their indexes are partial: small, and untouched by the search-result upserts that fill the
 *   cache.
 * - Bio words go through FTS5, one contentless table per platform: a word's matches arrive
 *   already narrowed to the platform searched, and nothing is stored twice. Triggers keep them
 *   in step with `creators`; only creators with a report are indexed (bios come from reports).
 * - Two indexes go: (platform, followers), which the covering follower index starts with, and
 *   (provider_id), which no query uses without the platform (the unique key serves those);
 *   both only slowed the upserts that fill the cache.
 *
 * The platform list is frozen here as it was when this migration was written; a new platform
 * needs a migration of its own.
 */
export const BIO_PLATFORMS = ['instagram', 'tiktok', 'youtube'] as const

/** The FTS5 table holding bios of one platform's creators. */
export function bioTable(platform: (typeof BIO_PLATFORMS)[number]): string {
  return `creators_bio_${platform}`
}

const INDEXES = [
  'CREATE INDEX creators_search_followers ON creators (platform, followers, engagement_rate, gender, language, country)',
  'CREATE INDEX creators_search_country ON creators (platform, country, followers, engagement_rate, gender, language) WHERE country IS NOT NULL',
  'CREATE INDEX creators_search_language ON creators (platform, language, followers, engagement_rate, gender, country) WHERE language IS NOT NULL',
  'CREATE INDEX creators_search_gender ON creators (platform, gender, followers, engagement_rate, language, country) WHERE gender IS NOT NULL',
  // Checks a bio match against the other filters without reading the row; keyed by id because
  // FTS5 hands back row ids.
  'CREATE INDEX creators_search_reported ON creators (id, platform, followers, engagement_rate, gender, language, country, has_detailed_profile) WHERE has_detailed_profile = 1',
]

/** A creator's bio is searchable when it came with a report (bios come from reports). */
const SEARCHABLE = (row: string) => `${row}.has_detailed_profile = 1 AND ${row}.bio IS NOT NULL`

/** Per platform: contentless (the text lives in `creators` only), rows removable by id alone. */
const TABLES = BIO_PLATFORMS.map(
  (p) =>
    `CREATE VIRTUAL TABLE ${bioTable(p)} USING fts5(bio, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`,
)

const add = (row: string) =>
  BIO_PLATFORMS.map(
    (p) =>
      `INSERT INTO ${bioTable(p)} (rowid, bio) SELECT ${row}.id, ${row}.bio WHERE ${row}.platform = '${p}' AND ${SEARCHABLE(row)};`,
  ).join('\n')
const remove = (row: string) =>
  BIO_PLATFORMS.map(
    (p) => `DELETE FROM ${bioTable(p)} WHERE rowid = ${row}.id AND ${row}.platform = '${p}';`,
  ).join('\n')

/**
 * One trigger per event, not per platform: every upsert of a search result fires the insert
 * trigger, and a trigger whose WHEN is false still costs a program start, three times over.
 */
const TRIGGERS = [
  `CREATE TRIGGER creators_bio_insert AFTER INSERT ON creators WHEN ${SEARCHABLE('new')}
   BEGIN ${add('new')} END`,
  `CREATE TRIGGER creators_bio_delete AFTER DELETE ON creators WHEN ${SEARCHABLE('old')}
   BEGIN ${remove('old')} END`,
  `CREATE TRIGGER creators_bio_update AFTER UPDATE OF platform, bio, has_detailed_profile ON creators
   WHEN (${SEARCHABLE('old')}) OR (${SEARCHABLE('new')})
   BEGIN
     ${remove('old')}
     ${add('new')}
   END`,
]

/** Bios already cached when the app is upgraded. */
const BACKFILL = BIO_PLATFORMS.map(
  (p) =>
    `INSERT INTO ${bioTable(p)} (rowid, bio) SELECT c.id, c.bio FROM creators AS c WHERE c.platform = '${p}' AND ${SEARCHABLE('c')}`,
)

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const searchIndexes: Migration = {
  async up(db: Kysely<any>) {
    await sql`DROP INDEX IF EXISTS creators_platform_followers`.execute(db)
    await sql`DROP INDEX IF EXISTS creators_modash_creator_id`.execute(db)
    for (const statement of [...INDEXES, ...TABLES, ...TRIGGERS, ...BACKFILL]) {
      await sql.raw(statement).execute(db)
    }
  },
}
