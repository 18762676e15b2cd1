import type { Kysely, Selectable } from 'kysely'
import type { CreatorSummary } from '../../shared/domain'
import type { Platform } from '../../shared/platforms'
import type { CreatorsTable, Database } from '../db/schema'
import type { ModashReport, ModashSearchProfile } from '../providers/modash/schemas'
import { withStatements } from '../db/statement-cache'
import { storeReportFacts } from './facts/report-facts'
import { normaliseHandle } from './handles'

export type CreatorRow = Selectable<CreatorsTable>

/** Rows per pass: bounds what one call holds in memory, whatever the size of an import. */
const BATCH = 1000

/**
 * Writes and reads creators. A creator is one row per (platform, provider id), upserted, never
 * duplicated. A handle belongs to one creator at a time: when Modash reports it on another
 * account (a rename), the older row lets go of it.
 *
 * The upsert runs one kept prepared statement a row, straight on the connection
 * (`withStatements`): with the triggers and index upkeep on `creators`, SQLite writes a row
 * faster alone than inside a multi-row INSERT … SELECT (which it stages in a temporary table
 * first), and no query is built or compiled per row. A handle is freed from another account
 * only when the row's write finds it taken: renames are rare, so a row costs one statement, and
 * a batch one more (the ids of the creators already cached).
 */
export async function upsertBasicProfiles(
  db: Kysely<Database>,
  platform: Platform,
  profiles: ModashSearchProfile[],
  fetchedAt: string,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (let start = 0; start < profiles.length; start += BATCH) {
    const batch = dedupeByProviderId(profiles.slice(start, start + BATCH))
    const rows = withUniqueHandles(batch.map((p) => basicRow(platform, p, fetchedAt)))
    await withStatements(db, (prepare) => {
      const upsert = prepare(UPSERT_BASIC)
      // The batch's creators already cached, in one read: their ids are known before the write,
      // and any other row is new, its id the one the write hands back.
      const cached = new Map<string, number>()
      const found = prepare(CACHED_IDS).all(platform, JSON.stringify(rows.map((r) => r[1])))
      for (const r of found as { provider_id: string; id: number }[])
        cached.set(r.provider_id, r.id)
      for (const row of rows) {
        let written: { lastInsertRowid: number | bigint }
        try {
          written = upsert.run(row)
        } catch (err) {
          if (row[2] === null || !isHandleTaken(err)) throw err
          // SQLite undid only this row's statement: free the handle, then write the row again.
          prepare(RELEASE_HANDLE).run(platform, row[2], row[1])
          written = upsert.run(row)
        }
        ids.set(row[1], cached.get(row[1]) ?? Number(written.lastInsertRowid))
      }
    })
  }
  return ids
}

const UPSERT_BASIC = `
  INSERT INTO creators (platform, provider_id, handle, full_name, profile_url, picture_url,
    followers, engagements, engagement_rate, average_views, is_verified, basic_profile_json,
    has_basic_profile, has_detailed_profile, basic_fetched_at, email_found, created_at,
    updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, 0, ?, ?)
  ON CONFLICT (platform, provider_id) DO UPDATE SET
    handle = excluded.handle,
    full_name = excluded.full_name,
    profile_url = excluded.profile_url,
    picture_url = excluded.picture_url,
    followers = excluded.followers,
    engagements = excluded.engagements,
    engagement_rate = excluded.engagement_rate,
    average_views = excluded.average_views,
    is_verified = coalesce(excluded.is_verified, creators.is_verified),
    basic_profile_json = excluded.basic_profile_json,
    has_basic_profile = 1,
    basic_fetched_at = excluded.basic_fetched_at,
    updated_at = excluded.updated_at`

const CACHED_IDS =
  'SELECT provider_id, id FROM creators WHERE platform = ? AND provider_id IN (SELECT value FROM json_each(?))'

/** Frees a handle from any other account of the platform that still holds it. */
const RELEASE_HANDLE =
  'UPDATE creators SET handle = NULL WHERE platform = ? AND handle = ? AND provider_id <> ?'

/** The write met another account's handle: the only unique key the upsert does not resolve. */
function isHandleTaken(err: unknown): boolean {
  return (
    (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    String((err as Error).message).includes('creators.handle')
  )
}

function dedupeByProviderId(profiles: ModashSearchProfile[]): ModashSearchProfile[] {
  return [...new Map(profiles.map((p) => [p.userId, p])).values()]
}

/**
 * A search profile as the upsert binds it (`UPSERT_BASIC`), in this order: platform, provider
 * id, handle, full name, profile URL, picture URL, followers, engagements, engagement rate,
 * average views, verified, the profile as received (its JSON text), and when it was fetched
 * (three times: fetched, created, updated).
 */
type BasicRow = [
  platform: Platform,
  providerId: string,
  handle: string | null,
  fullName: string | null,
  profileUrl: string | null,
  pictureUrl: string | null,
  followers: number | null,
  engagements: number | null,
  engagementRate: number | null,
  averageViews: number | null,
  isVerified: number | null,
  profileJson: string,
  fetchedAt: string,
  createdAt: string,
  updatedAt: string,
]

/** Two accounts claiming one handle in the same answer: the later claim wins, as in a rename. */
function withUniqueHandles(rows: BasicRow[]): BasicRow[] {
  const owner = new Map<string, BasicRow>()
  for (const row of rows) if (row[2] !== null) owner.set(row[2], row)
  return rows.map((row) =>
    row[2] !== null && owner.get(row[2]) !== row ? withHandle(row, null) : row,
  )
}

function withHandle(row: BasicRow, handle: string | null): BasicRow {
  const copy: BasicRow = [...row]
  copy[2] = handle
  return copy
}

function basicRow(platform: Platform, p: ModashSearchProfile, fetchedAt: string): BasicRow {
  return [
    platform,
    p.userId,
    normaliseHandle(p.username ?? p.handle ?? '') ?? null,
    p.fullname ?? null,
    p.url ?? null,
    p.picture ?? null,
    intOrNull(p.followers),
    intOrNull(p.engagements),
    p.engagementRate ?? null,
    intOrNull(p.averageViews),
    p.isVerified == null ? null : p.isVerified ? 1 : 0,
    JSON.stringify(p),
    fetchedAt,
    fetchedAt,
    fetchedAt,
  ]
}

/** Stores a bought report and the fields local search and export read from it. */
export async function storeReport(
  db: Kysely<Database>,
  creatorId: number,
  report: ModashReport,
  fetchedAt: string,
): Promise<void> {
  const p = report.profile
  const audience = p.audience ?? null
  const top = [...(audience?.geoCountries ?? [])].sort((a, b) => b.weight - a.weight)[0]
  await db
    .updateTable('creators')
    .set({
      full_name: p.profile.fullname ?? null,
      followers: intOrNull(p.profile.followers),
      engagements: intOrNull(p.profile.engagements),
      engagement_rate: p.profile.engagementRate ?? null,
      average_views: intOrNull(p.profile.averageViews),
      picture_url: p.profile.picture ?? null,
      is_verified: p.isVerified == null ? null : p.isVerified ? 1 : 0,
      country: p.country ?? null,
      language: p.language?.code ?? null,
      gender: p.gender ?? null,
      bio: p.bio ?? p.description ?? null,
      credibility: audience?.credibility ?? null,
      top_country: top?.code ?? top?.name ?? null,
      top_country_share: top?.weight ?? null,
      detailed_profile_json: JSON.stringify(report.profile),
      has_detailed_profile: 1,
      detailed_profile_fetched_at: fetchedAt,
      updated_at: fetchedAt,
    })
    .where('id', '=', creatorId)
    .execute()
  await storeReportFacts(db, creatorId, report.profile, fetchedAt)
}

/** The first email contact in a report, if Modash already holds one. */
export function reportEmail(report: unknown): string | null {
  const contacts = (report as { contacts?: unknown } | null)?.contacts
  if (!Array.isArray(contacts)) return null
  for (const c of contacts as { type?: unknown; value?: unknown }[]) {
    if (c.type === 'email' && typeof c.value === 'string' && EMAIL.test(c.value))
      return c.value.trim()
  }
  return null
}

export const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/

export async function findCreator(
  db: Kysely<Database>,
  id: number,
): Promise<CreatorRow | undefined> {
  return db.selectFrom('creators').selectAll().where('id', '=', id).executeTakeFirst()
}

export function toSummary(row: CreatorRow): CreatorSummary {
  return {
    id: row.id,
    platform: row.platform as Platform,
    providerId: row.provider_id,
    handle: row.handle,
    fullName: row.full_name,
    profileUrl: row.profile_url,
    pictureUrl: row.picture_url,
    followers: row.followers,
    engagements: row.engagements,
    engagementRate: row.engagement_rate,
    averageViews: row.average_views,
    hasDetailedProfile: row.has_detailed_profile === 1,
    emailFound: row.email_found === 1,
    // Rows read with a narrower select leave these undefined: unknown, not "none".
    emailNotFoundUntil: row.email_found === 1 ? null : (row.email_not_found_until ?? null),
    country: row.country ?? null,
    credibility: row.credibility ?? null,
    topCountry: row.top_country ?? null,
    topCountryShare: row.top_country_share ?? null,
    basicFetchedAt: row.basic_fetched_at,
    detailedFetchedAt: row.detailed_profile_fetched_at,
  }
}

function intOrNull(value: number | null | undefined): number | null {
  return value == null ? null : Math.round(value)
}
