import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { staticMigrationProvider } from '../../../src/main/db/migrations'
import { normaliseHandle } from '../../../src/main/services/handles'
import { canonicalFilters, filtersHash } from '../../../src/main/services/filters-canonical'
import { generateDataset } from '../../../src/main/sandbox/dataset/generate-dataset'
import { buildReport } from '../../../src/main/sandbox/modash-emulator/report'
import { searchProfile } from '../../../src/main/sandbox/modash-emulator/profile'

/**
 * Writes `schema-001.sqlite`: a small database exactly as Creator Desk's first released schema
 * (migration 001 and nothing after it) would hold a user's work, after a clean shutdown (WAL
 * mode, log checkpointed away). Every table has rows, including a crash's leftover
 * reservations. Run through `node scripts/make-db-fixture.mjs`; the output is committed.
 */
export async function writeSchema001(path: string): Promise<void> {
  const sqlite = new BetterSqlite3(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const migrated = await new Migrator({ db, provider: staticMigrationProvider }).migrateTo(
    '001-initial',
  )
  if (migrated.error !== undefined)
    throw migrated.error instanceof Error
      ? migrated.error
      : new Error(`migration failed: ${JSON.stringify(migrated.error)}`)
  // Fixed, so regenerating the fixture gives the same bytes.
  sqlite.prepare("UPDATE kysely_migration SET timestamp = '2026-06-01T00:00:00.000Z'").run()
  sqlite.transaction(() => fill(sqlite))()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.exec('VACUUM')
  await db.destroy()
}

const T0 = '2026-11-03T09:15:00.000Z'
const T1 = '2026-11-04T16:40:00.000Z'

function fill(sqlite: BetterSqlite3.Database): void {
  const dataset = generateDataset({ seed: 1, perPlatform: 4 })
  const insertCreator = sqlite.prepare(`
    INSERT INTO creators (platform, provider_id, handle, full_name, profile_url, picture_url,
      followers, engagements, engagement_rate, average_views, is_verified, country, language,
      gender, bio, credibility, top_country, top_country_share, basic_profile_json,
      detailed_profile_json, has_basic_profile, has_detailed_profile, basic_fetched_at,
      detailed_profile_fetched_at, email, email_found, email_source, email_status,
      clay_enriched_at, email_not_found_until, created_at, updated_at)
    VALUES (@platform, @provider_id, @handle, @full_name, @profile_url, @picture_url, @followers,
      @engagements, @engagement_rate, @average_views, @is_verified, @country, @language, @gender,
      @bio, @credibility, @top_country, @top_country_share, @basic_profile_json,
      @detailed_profile_json, 1, @has_detailed_profile, @basic_fetched_at,
      @detailed_profile_fetched_at, @email, @email_found, @email_source, @email_status,
      @clay_enriched_at, @email_not_found_until, @created_at, @updated_at)`)
  dataset.forEach((c, i) => {
    const reported = i % 2 === 0
    const report = reported ? trimmed(buildReport(c).profile as Record<string, unknown>) : null
    const top = [...c.audience.geoCountries].sort((a, b) => b.weight - a.weight)[0]
    const email =
      i === 0
        ? { email: 'first@agency.test', found: 1, source: 'clay', status: 'valid', at: T1 }
        : i === 2 && c.contacts[0]
          ? {
              email: c.contacts[0].value,
              found: 1,
              source: 'modash',
              status: 'from_report',
              at: null,
            }
          : null
    insertCreator.run({
      platform: c.platform,
      provider_id: c.userId,
      handle: normaliseHandle(c.username),
      full_name: c.fullname,
      profile_url: searchProfile(c).url as string,
      picture_url: searchProfile(c).picture as string,
      followers: c.followers,
      engagements: c.engagements,
      engagement_rate: c.engagementRate,
      average_views: c.averageViews,
      is_verified: reported ? (c.isVerified ? 1 : 0) : null,
      country: reported ? c.country : null,
      language: reported ? c.language : null,
      gender: reported ? c.gender : null,
      bio: reported ? c.bio : null,
      credibility: reported ? c.audience.credibility : null,
      top_country: reported ? (top?.code ?? null) : null,
      top_country_share: reported ? (top?.weight ?? null) : null,
      basic_profile_json: JSON.stringify(searchProfile(c)),
      detailed_profile_json: report === null ? null : JSON.stringify(report),
      has_detailed_profile: reported ? 1 : 0,
      basic_fetched_at: T0,
      detailed_profile_fetched_at: reported ? T1 : null,
      email: email?.email ?? null,
      email_found: email?.found ?? 0,
      email_source: email?.source ?? null,
      email_status: email?.status ?? (i === 4 ? 'not_found' : null),
      clay_enriched_at: email?.at ?? (i === 4 ? T1 : null),
      email_not_found_until: i === 4 ? '2026-12-04T16:40:00.000Z' : null,
      created_at: T0,
      updated_at: T1,
    })
  })

  const page = sqlite
    .prepare(
      `INSERT INTO search_pages (platform, filters_hash, page, total, fetched_at)
       VALUES ('instagram', ?, 0, 4, ?) RETURNING id`,
    )
    .get(filtersHash('instagram', canonicalFilters({})), T0) as { id: number }
  const instagram = sqlite
    .prepare("SELECT id FROM creators WHERE platform = 'instagram' ORDER BY followers DESC")
    .all() as { id: number }[]
  const result = sqlite.prepare(
    'INSERT INTO search_page_results (search_page_id, position, creator_id) VALUES (?, ?, ?)',
  )
  instagram.forEach((c, position) => result.run(page.id, position, c.id))
  const request = sqlite.prepare(`
    INSERT INTO search_requests (user_id, platform, filters_json, filters_hash, page,
      requested_count, result_count, source, created_at)
    VALUES ('fixture-user', 'instagram', ?, ?, 0, 15, 4, ?, ?)`)
  const canonical = JSON.stringify(canonicalFilters({}))
  request.run(canonical, filtersHash('instagram', canonicalFilters({})), 'provider', T0)
  request.run(canonical, filtersHash('instagram', canonicalFilters({})), 'cache', T1)

  sqlite
    .prepare(
      `INSERT INTO usage_counters VALUES ('2026-10', 30, 3, 2, 3300), ('2026-11', 4, 6, 1, 6040)`,
    )
    .run()
  // What a crash left: a request on its way (counted at worst case at the next start) and one
  // never sent (released).
  sqlite
    .prepare(
      `INSERT INTO quota_reservations (month, meter, units, created_at, sent_at)
       VALUES ('2026-11', 'discovery', 15, ?, ?), ('2026-11', 'report', 1, ?, NULL)`,
    )
    .run(T1, T1, T1)

  const log = sqlite.prepare(`
    INSERT INTO api_call_logs (provider, action, reason, platform, creator_id, user_id, created_at,
      outcome, http_status, duration_ms, cost_units, cost_millicredits, cache_hit, saved_units)
    VALUES (?, ?, ?, ?, ?, 'fixture-user', ?, ?, ?, ?, ?, ?, ?, ?)`)
  log.run('modash', 'search', 'search', 'instagram', null, T0, 'ok', 200, 412, 4, 40, 0, 0)
  log.run('modash', 'report', 'select', 'instagram', 1, T1, 'ok', 200, 630, 1, 1000, 0, 0)
  log.run('modash', 'search', 'search', 'instagram', null, T1, 'cache_hit', null, 0, 0, 0, 1, 4)
  log.run('clay', 'enrich-start', 'enrich', null, 1, T1, 'ok', 202, 120, 1, 0, 0, 0)

  const run = sqlite.prepare(
    `INSERT INTO clay_runs (creator_id, run_id, routine_id, started_at, finished_at, outcome)
     VALUES (?, ?, 'function:t_email', ?, ?, ?)`,
  )
  run.run(1, 'run_fixture_done', T1, T1, 'found')
  run.run(7, 'run_fixture_pending', T1, null, null)

  const list = sqlite.prepare(
    'INSERT INTO lists (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id',
  )
  const summer = list.get('Summer campaign ☀️', T0, T1) as { id: number }
  const q4 = list.get('Q4 — shortlist, "final"', T0, T1) as { id: number }
  const member = sqlite.prepare(`
    INSERT INTO list_members (list_id, creator_id, notes, tags_json, status, added_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  member.run(
    summer.id,
    1,
    'Rate card: 1 200 € / post\nAsk about reels',
    '["food","paris"]',
    'contacted',
    T0,
    T1,
  )
  member.run(summer.id, 3, '', '[]', 'shortlisted', T0, T0)
  member.run(q4.id, 1, '=not a formula', '["vip"]', 'booked', T1, T1)
  member.run(q4.id, 6, 'Émilie — prefers email', '[]', 'replied', T1, T1)

  sqlite
    .prepare(`INSERT INTO dictionary_cache VALUES ('instagram', 'languages', 'en', ?, ?)`)
    .run(JSON.stringify([{ id: 'en', name: 'English' }]), T0)
  sqlite.prepare("INSERT INTO settings VALUES ('app', ?)").run(
    JSON.stringify({
      userId: 'fixture-user',
      billingCycleDay: 1,
      limits: { discovery: 5000, report: 200, enrichment: 50 },
      offline: false,
      reportMaxAgeDays: 30,
    }),
  )
}

/** A real report's shape with its long post lists cut short, so the fixture stays small. */
function trimmed(report: Record<string, unknown>): Record<string, unknown> {
  const out = { ...report }
  for (const key of ['recentPosts', 'popularPosts', 'sponsoredPosts', 'statHistory'])
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).slice(0, 2)
  return out
}
