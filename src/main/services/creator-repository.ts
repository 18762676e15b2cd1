import { sql } from 'kysely'
import type { Kysely, Selectable } from 'kysely'
import type { CreatorSummary } from '../../shared/domain'
import type { Platform } from '../../shared/platforms'
import type { CreatorsTable, Database } from '../db/schema'
import type { ModashReport, ModashSearchProfile } from '../providers/modash/schemas'
import { storeReportFacts } from './facts/report-facts'
import { normaliseHandle } from './handles'

export type CreatorRow = Selectable<CreatorsTable>

/**
 * Rows per statement. The rows travel as one JSON parameter, so this bounds memory, not the
 * bound-parameter count.
 */
const BATCH = 1000

/**
 * Writes and reads creators. A creator is one row per (platform, provider id), upserted, never
 * duplicated. A handle belongs to one creator at a time: when Modash reports it on another
 * account (a rename), the older row lets go of it.
 *
 * The upsert is one short statement per batch reading its rows from `json_each`, rather than a
 * VALUES list of 30 parameters a row: building, compiling and preparing that list cost more
 * than the writes themselves, and a large import or a day of searching is mostly upserts.
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
    const rows = withUniqueHandles(batch.map((p) => basicRow(p)))
    await releaseTakenHandles(db, platform, rows)
    const inserted = await sql<{ id: number; provider_id: string }>`
      INSERT INTO creators (platform, provider_id, handle, full_name, profile_url, picture_url,
        followers, engagements, engagement_rate, average_views, is_verified, basic_profile_json,
        has_basic_profile, has_detailed_profile, basic_fetched_at, email_found, created_at,
        updated_at)
      SELECT ${platform}, r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3,
        r.value ->> 4, r.value ->> 5, r.value ->> 6, r.value ->> 7, r.value ->> 8, r.value ->> 9,
        r.value -> 10, 1, 0, ${fetchedAt}, 0, ${fetchedAt}, ${fetchedAt}
      FROM json_each(${JSON.stringify(rows)}) AS r WHERE true
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
        updated_at = excluded.updated_at
      RETURNING id, provider_id`.execute(db)
    for (const row of inserted.rows) ids.set(row.provider_id, row.id)
  }
  return ids
}

function dedupeByProviderId(profiles: ModashSearchProfile[]): ModashSearchProfile[] {
  return [...new Map(profiles.map((p) => [p.userId, p])).values()]
}

/**
 * A search profile as the upsert reads it, in this order: provider id, handle, full name,
 * profile URL, picture URL, followers, engagements, engagement rate, average views, verified,
 * the profile as received (stored as its JSON text, which SQLite takes from the batch's JSON
 * rather than from a second serialisation).
 */
type BasicRow = [
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
  profile: ModashSearchProfile,
]

/** Two accounts claiming one handle in the same answer: the later claim wins, as in a rename. */
function withUniqueHandles(rows: BasicRow[]): BasicRow[] {
  const owner = new Map<string, BasicRow>()
  for (const row of rows) if (row[1] !== null) owner.set(row[1], row)
  return rows.map((row) =>
    row[1] !== null && owner.get(row[1]) !== row ? withHandle(row, null) : row,
  )
}

function withHandle(row: BasicRow, handle: string | null): BasicRow {
  const copy: BasicRow = [...row]
  copy[1] = handle
  return copy
}

function basicRow(p: ModashSearchProfile): BasicRow {
  return [
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
    p,
  ]
}

/** Frees each handle in the batch from any other account of the platform that still holds it. */
async function releaseTakenHandles(
  db: Kysely<Database>,
  platform: Platform,
  rows: BasicRow[],
): Promise<void> {
  const pairs = rows.filter((r) => r[1] !== null).map((r) => [r[1], r[0]])
  if (pairs.length === 0) return
  // CROSS JOIN keeps the batch as the outer loop: each handle is one index lookup, whatever
  // the size of the table.
  await sql`
    UPDATE creators SET handle = NULL
    WHERE id IN (
      SELECT c.id FROM json_each(${JSON.stringify(pairs)}) AS v
      CROSS JOIN creators AS c ON c.platform = ${platform} AND c.handle = v.value ->> 0
      WHERE c.provider_id <> v.value ->> 1)`.execute(db)
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
    basicFetchedAt: row.basic_fetched_at,
    detailedFetchedAt: row.detailed_profile_fetched_at,
  }
}

function intOrNull(value: number | null | undefined): number | null {
  return value == null ? null : Math.round(value)
}
