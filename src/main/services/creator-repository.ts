import { sql } from 'kysely'
import type { Kysely, Selectable } from 'kysely'
import type { CreatorSummary } from '../../shared/domain'
import type { Platform } from '../../shared/platforms'
import type { CreatorsTable, Database } from '../db/schema'
import type { ModashReport, ModashSearchProfile } from '../providers/modash/schemas'
import { normaliseHandle } from './handles'

export type CreatorRow = Selectable<CreatorsTable>

/** Rows per INSERT: well under SQLite's bound-parameter limit, large enough to amortise. */
const BATCH = 200

/**
 * Writes and reads creators. A creator is one row per (platform, provider id), upserted, never
 * duplicated. A handle belongs to one creator at a time: when Modash reports it on another
 * account (a rename), the older row lets go of it.
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
    await releaseTakenHandles(db, platform, rows)
    const inserted = await db
      .insertInto('creators')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['platform', 'provider_id']).doUpdateSet((eb) => ({
          handle: eb.ref('excluded.handle'),
          full_name: eb.ref('excluded.full_name'),
          profile_url: eb.ref('excluded.profile_url'),
          picture_url: eb.ref('excluded.picture_url'),
          followers: eb.ref('excluded.followers'),
          engagements: eb.ref('excluded.engagements'),
          engagement_rate: eb.ref('excluded.engagement_rate'),
          average_views: eb.ref('excluded.average_views'),
          is_verified: sql<number | null>`coalesce(excluded.is_verified, creators.is_verified)`,
          basic_profile_json: eb.ref('excluded.basic_profile_json'),
          has_basic_profile: 1,
          basic_fetched_at: eb.ref('excluded.basic_fetched_at'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning(['id', 'provider_id'])
      .execute()
    for (const row of inserted) ids.set(row.provider_id, row.id)
  }
  return ids
}

function dedupeByProviderId(profiles: ModashSearchProfile[]): ModashSearchProfile[] {
  return [...new Map(profiles.map((p) => [p.userId, p])).values()]
}

type NewCreator = Omit<CreatorsTable, 'id'>

/** Two accounts claiming one handle in the same answer: the later claim wins, as in a rename. */
function withUniqueHandles(rows: NewCreator[]): NewCreator[] {
  const owner = new Map<string, NewCreator>()
  for (const row of rows) if (row.handle !== null) owner.set(row.handle, row)
  return rows.map((row) =>
    row.handle !== null && owner.get(row.handle) !== row ? { ...row, handle: null } : row,
  )
}

function basicRow(platform: Platform, p: ModashSearchProfile, fetchedAt: string): NewCreator {
  return {
    platform,
    provider_id: p.userId,
    handle: normaliseHandle(p.username ?? p.handle ?? '') ?? null,
    full_name: p.fullname ?? null,
    profile_url: p.url ?? null,
    picture_url: p.picture ?? null,
    followers: intOrNull(p.followers),
    engagements: intOrNull(p.engagements),
    engagement_rate: p.engagementRate ?? null,
    average_views: intOrNull(p.averageViews),
    is_verified: p.isVerified == null ? null : p.isVerified ? 1 : 0,
    country: null,
    language: null,
    gender: null,
    bio: null,
    credibility: null,
    top_country: null,
    top_country_share: null,
    basic_profile_json: JSON.stringify(p),
    detailed_profile_json: null,
    has_basic_profile: 1,
    has_detailed_profile: 0,
    basic_fetched_at: fetchedAt,
    detailed_profile_fetched_at: null,
    email: null,
    email_found: 0,
    email_source: null,
    email_status: null,
    clay_enriched_at: null,
    email_not_found_until: null,
    created_at: fetchedAt,
    updated_at: fetchedAt,
  }
}

async function releaseTakenHandles(
  db: Kysely<Database>,
  platform: Platform,
  rows: NewCreator[],
): Promise<void> {
  const pairs = rows.filter((r): r is NewCreator & { handle: string } => r.handle !== null)
  if (pairs.length === 0) return
  const values = sql.join(pairs.map((r) => sql`(${r.handle}, ${r.provider_id})`))
  await sql`
    UPDATE creators SET handle = NULL
    WHERE platform = ${platform}
      AND handle IN (${sql.join(pairs.map((r) => r.handle))})
      AND EXISTS (
        SELECT 1 FROM (VALUES ${values}) AS v
        WHERE v.column1 = creators.handle AND v.column2 <> creators.provider_id)`.execute(db)
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
