import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { placeFromEntry } from '../../services/facts/places'
import { reportDictionaryEntries, reportFacts } from '../../services/facts/report-facts'

/**
 * What the cache knows about each creator, for offline answers that are true
 * (`services/local-search.ts`):
 *
 * - `creator_facts`: per creator with a report, the report's facts beyond the `creators`
 *   columns (age band, contacts, interests, brands, tags, captions, last post, growth,
 *   audience shares), as compact JSON.
 * - `search_filter_sets`: the canonical filters behind each bought search page. Modash applied
 *   them, so a page proves them of every creator on it, report or not.
 * - `dictionary_entries`: every dictionary entry seen (locations with their country, so a
 *   location filter can be applied offline; interest and brand names).
 * - `creators_basic_gaps`: the few creators whose search profile lacks a number a filter may
 *   test; offline search counts "may match" creators among them without reading the table.
 *
 * Existing data is carried over: reports, the filters of bought pages (from `search_requests`)
 * and dictionary answers.
 */
export const BASIC_GAPS =
  "followers IS NULL OR engagement_rate IS NULL OR engagements IS NULL OR is_verified IS NULL OR (platform <> 'instagram' AND average_views IS NULL)"

const BATCH = 500

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const creatorFacts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('creator_facts')
      .addColumn('creator_id', 'integer', (c) =>
        c.primaryKey().references('creators.id').onDelete('cascade'),
      )
      .addColumn('facts_json', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('search_filter_sets')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('filters_hash', 'text', (c) => c.notNull())
      .addColumn('filters_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('search_filter_sets_pk', ['platform', 'filters_hash'])
      .execute()
    await db.schema
      .createTable('dictionary_entries')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      // Locations only: the ISO country code and whether the place is the country or inside it.
      .addColumn('country_code', 'text')
      .addColumn('place_kind', 'text')
      .addPrimaryKeyConstraint('dictionary_entries_pk', ['kind', 'id'])
      .execute()
    await sql
      .raw(`CREATE INDEX creators_basic_gaps ON creators (platform) WHERE ${BASIC_GAPS}`)
      .execute(db)

    await sql`
      INSERT OR IGNORE INTO search_filter_sets (platform, filters_hash, filters_json)
      SELECT r.platform, r.filters_hash, r.filters_json FROM search_requests AS r
      WHERE EXISTS (
        SELECT 1 FROM search_pages AS p
        WHERE p.platform = r.platform AND p.filters_hash = r.filters_hash)`.execute(db)
    await backfillReports(db)
    await backfillDictionaries(db)
  },
}

async function backfillReports(db: Kysely<any>): Promise<void> {
  for (let after = 0; ;) {
    const rows = (await db
      .selectFrom('creators')
      .select(['id', 'detailed_profile_json', 'detailed_profile_fetched_at', 'updated_at'])
      .where('has_detailed_profile', '=', 1)
      .where('detailed_profile_json', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as {
      id: number
      detailed_profile_json: string
      detailed_profile_fetched_at: string | null
      updated_at: string
    }[]
    if (rows.length === 0) return
    after = rows.at(-1)?.id ?? after
    const facts = rows.flatMap((r) => {
      const profile = parse(r.detailed_profile_json)
      if (profile === undefined) return []
      return [{ r, profile }]
    })
    if (facts.length === 0) continue
    await db
      .insertInto('creator_facts')
      .values(
        facts.map(({ r, profile }) => ({
          creator_id: r.id,
          facts_json: JSON.stringify(reportFacts(profile)),
          fetched_at: r.detailed_profile_fetched_at ?? r.updated_at,
        })),
      )
      .execute()
    const entries = facts.flatMap(({ profile }) => reportDictionaryEntries(profile))
    if (entries.length > 0)
      await db
        .insertInto('dictionary_entries')
        .values(entries.map((e) => ({ ...e, title: null, country_code: null, place_kind: null })))
        .onConflict((oc) => oc.columns(['kind', 'id']).doNothing())
        .execute()
  }
}

async function backfillDictionaries(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('dictionary_cache')
    .select(['kind', 'entries_json'])
    .execute()) as { kind: string; entries_json: string }[]
  for (const row of rows) {
    const entries = parse(row.entries_json)
    if (!Array.isArray(entries)) continue
    for (const e of entries as { id?: unknown; name?: unknown }[]) {
      if (typeof e.id !== 'string' || typeof e.name !== 'string') continue
      // Kept answers stored the title as the name ("London, United Kingdom").
      const place =
        row.kind === 'locations' ? placeFromEntry({ id: Number(e.id), name: e.name }) : null
      await db
        .insertInto('dictionary_entries')
        .values({
          kind: row.kind,
          id: e.id,
          name: e.name,
          title: row.kind === 'locations' ? e.name : null,
          country_code: place?.countryCode ?? null,
          place_kind: place?.kind ?? null,
        })
        .onConflict((oc) => oc.columns(['kind', 'id']).doNothing())
        .execute()
    }
  }
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown
  } catch {
    return undefined
  }
}
