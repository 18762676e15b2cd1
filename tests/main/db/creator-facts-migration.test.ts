import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, openDatabase } from '../../../src/main/db/database'
import { staticMigrationProvider } from '../../../src/main/db/migrations'
import { searchLocally } from '../../../src/main/services/local-search'
import { makeTempDir } from '../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const AT = '2026-10-01T00:00:00.000Z'
const FILTERS = JSON.stringify({
  calculationMethod: 'median',
  influencer: { location: [51477] },
  sort: { direction: 'desc', field: 'followers' },
})

/**
 * A data folder at schema 004 holding what an earlier version bought: a report, a page of a
 * search for Germany with its request row, and a kept locations answer.
 */
async function schema004(): Promise<string> {
  const t = makeTempDir()
  cleanups.push(t.cleanup)
  const sqlite = new BetterSqlite3(join(t.dir, DATABASE_FILE))
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const result = await new Migrator({ db, provider: staticMigrationProvider }).migrateTo(
    '004-ledger-charges',
  )
  expect(result.error).toBeUndefined()
  const creator = sqlite.prepare(
    `INSERT INTO creators (platform, provider_id, handle, followers, has_basic_profile,
     has_detailed_profile, detailed_profile_json, detailed_profile_fetched_at, basic_fetched_at,
     email_found, created_at, updated_at) VALUES ('instagram', ?, ?, 1000, 1, ?, ?, ?, ?, 0, ?, ?)`,
  )
  const report = JSON.stringify({
    userId: 'r1',
    ageGroup: '25-34',
    interests: [{ id: 13, name: 'Beauty & Cosmetics' }],
    audience: { geoCountries: [{ code: 'DE', weight: 0.6 }] },
  })
  creator.run('r1', 'reported', 1, report, AT, AT, AT, AT)
  creator.run('p1', 'paged', 0, null, null, AT, AT, AT)
  sqlite
    .prepare(
      `INSERT INTO search_requests (user_id, platform, filters_json, filters_hash, page,
       requested_count, result_count, source, created_at)
       VALUES ('u', 'instagram', ?, 'hash-de', 0, 15, 1, 'provider', ?)`,
    )
    .run(FILTERS, AT)
  const page = sqlite
    .prepare(
      `INSERT INTO search_pages (platform, filters_hash, page, total, fetched_at)
       VALUES ('instagram', 'hash-de', 0, 1, ?)`,
    )
    .run(AT)
  sqlite
    .prepare(
      `INSERT INTO search_page_results (search_page_id, position, creator_id)
       SELECT ?, 0, id FROM creators WHERE provider_id = 'p1'`,
    )
    .run(page.lastInsertRowid)
  sqlite
    .prepare(
      `INSERT INTO dictionary_cache (platform, kind, query, entries_json, fetched_at)
       VALUES ('instagram', 'locations', 'lon', ?, ?)`,
    )
    .run(JSON.stringify([{ id: '51800', name: 'London, United Kingdom' }]), AT)
  await db.destroy()
  return t.dir
}

describe('migration 005: creator facts', () => {
  it('carries over reports, the filters of bought pages and kept places', async () => {
    const opened = await openDatabase({ dataDir: await schema004() })
    try {
      const facts = await opened.db.selectFrom('creator_facts').selectAll().execute()
      expect(facts).toHaveLength(1)
      expect(JSON.parse(facts[0]!.facts_json)).toMatchObject({
        age: '25-34',
        interests: [13],
        aud: { countries: { DE: 0.6 } },
      })
      expect(await opened.db.selectFrom('search_filter_sets').selectAll().execute()).toEqual([
        { platform: 'instagram', filters_hash: 'hash-de', filters_json: FILTERS },
      ])
      const entries = await opened.db
        .selectFrom('dictionary_entries')
        .selectAll()
        .orderBy('kind')
        .execute()
      expect(entries).toEqual([
        {
          kind: 'interests',
          id: '13',
          name: 'Beauty & Cosmetics',
          title: null,
          country_code: null,
          place_kind: null,
        },
        {
          kind: 'locations',
          id: '51800',
          name: 'London, United Kingdom',
          title: 'London, United Kingdom',
          country_code: 'GB',
          place_kind: 'region',
        },
      ])
      // The page bought before the upgrade proves its creator German.
      const answer = await searchLocally(
        opened.db,
        'instagram',
        { influencer: { location: [51477] } },
        0,
        15,
      )
      expect(answer.creators.map((c) => c.handle)).toEqual(['paged'])
    } finally {
      await opened.close()
    }
  })
})
