import type { CreatorsTable } from '../../src/main/db/schema'
import type { ModashSearchProfile } from '../../src/main/providers/modash/schemas'
import { generateDataset } from '../../src/main/sandbox/dataset/generate-dataset'
import type { SandboxCreator } from '../../src/main/sandbox/dataset/generate-dataset'
import { createRng, deriveSeed } from '../../src/main/sandbox/dataset/prng'
import type { Platform } from '../../src/shared/platforms'
import { PLATFORMS } from '../../src/shared/platforms'

export type CreatorInsert = Omit<CreatorsTable, 'id'>

/** The benchmarks' one seed: every figure comes from the same synthetic population. */
export const BENCH_SEED = 20_260_601

/**
 * The sandbox generator costs about 0.2 ms a creator (posts, history, audience), so a million
 * would take minutes. A pool of generated creators is varied instead: each row takes a pool
 * creator's niche, bio, country, language and gender and jitters its numbers, so filters keep
 * the generator's distributions while the rows stay distinct.
 */
const POOL_PER_PLATFORM = 2000
let pool: Map<Platform, SandboxCreator[]> | null = null

export function benchPool(): Map<Platform, SandboxCreator[]> {
  if (pool === null) {
    const all = generateDataset({ seed: BENCH_SEED, perPlatform: POOL_PER_PLATFORM })
    pool = new Map(PLATFORMS.map((p) => [p, all.filter((c) => c.platform === p)]))
  }
  return pool
}

const REFERENCE_MS = Date.parse('2026-06-01T00:00:00.000Z')
const DAY_MS = 86_400_000

/** Row `k` of a seeded population; platforms take turns so every size splits them evenly. */
export interface Variant {
  base: SandboxCreator
  platform: Platform
  providerId: string
  username: string
  followers: number
  engagementRate: number
  engagements: number
  averageViews: number | null
  fetchedAt: string
  /** Whether the creator's report was bought: only then are country, language, gender and bio known. */
  hasReport: boolean
}

/**
 * Share of cached creators whose report was bought. The default quotas buy 100 search results
 * for every report (140,000 against 1,400 a month), so a real cache holds about 1 % reports;
 * ten times that is generous and leaves the report-only filters plenty to match.
 */
export const REPORT_SHARE = 0.1

export function variantStream(
  seed: number,
  label: string,
  reportShare = REPORT_SHARE,
): (k: number) => Variant {
  const rng = createRng(deriveSeed(seed, label))
  const creators = benchPool()
  return (k) => {
    const platform = PLATFORMS[k % PLATFORMS.length] as Platform
    const list = creators.get(platform) ?? []
    const base = list[rng.int(0, list.length - 1)] as SandboxCreator
    const followers = clampInt(base.followers * rng.logNormal(0, 0.25), 1000, 5_000_000)
    const engagementRate = round6(base.engagementRate * rng.logNormal(0, 0.15))
    return {
      base,
      platform,
      // Zero-padded so rows arrive in key order and the unique index only ever appends.
      providerId: `${label}${String(k).padStart(9, '0')}`,
      username: `${base.username}.${k.toString(36)}`,
      followers,
      engagementRate,
      engagements: Math.max(1, Math.round(followers * engagementRate)),
      averageViews:
        base.averageViews === null
          ? null
          : Math.round((base.averageViews * followers) / base.followers),
      fetchedAt: new Date(REFERENCE_MS - rng.int(0, 60) * DAY_MS).toISOString(),
      hasReport: rng.chance(reportShare),
    }
  }
}

/** What a Modash search hit says about a creator: the input of the app's real upsert path. */
export function searchProfileOf(v: Variant): ModashSearchProfile {
  const b = v.base
  return {
    userId: v.providerId,
    fullname: b.fullname,
    username: v.username,
    url: profileUrl(v.platform, v.username, v.providerId),
    picture: `https://img.sandbox.invalid/${v.platform}/${v.providerId}.jpg`,
    followers: v.followers,
    engagements: v.engagements,
    engagementRate: v.engagementRate,
    ...(v.averageViews === null ? {} : { averageViews: v.averageViews }),
    isVerified: b.isVerified,
  }
}

/**
 * A cached creator. With a report, it carries what local search filters on beyond the basic
 * profile (country, language, gender, bio); the stored report JSON is a stub, since a full one
 * (posts, audience, history) would make a million-row file several gigabytes and neither search
 * nor export reads it.
 */
export function creatorRow(v: Variant): CreatorInsert {
  const b = v.base
  const profile = searchProfileOf(v)
  const report = v.hasReport
  const top = b.audience.geoCountries[0]
  const email = report ? (b.contacts[0]?.value ?? null) : null
  return {
    platform: v.platform,
    provider_id: v.providerId,
    handle: v.username,
    full_name: b.fullname,
    profile_url: profile.url ?? null,
    picture_url: profile.picture ?? null,
    followers: v.followers,
    engagements: v.engagements,
    engagement_rate: v.engagementRate,
    average_views: v.averageViews,
    is_verified: b.isVerified ? 1 : 0,
    country: report ? b.country : null,
    language: report ? b.language : null,
    gender: report ? b.gender : null,
    bio: report ? b.bio : null,
    credibility: report ? b.audience.credibility : null,
    top_country: report ? (top?.code ?? null) : null,
    top_country_share: report ? (top?.weight ?? null) : null,
    basic_profile_json: JSON.stringify(profile),
    detailed_profile_json: report
      ? JSON.stringify({ userId: v.providerId, country: b.country, gender: b.gender })
      : null,
    has_basic_profile: 1,
    has_detailed_profile: report ? 1 : 0,
    basic_fetched_at: v.fetchedAt,
    detailed_profile_fetched_at: report ? v.fetchedAt : null,
    email,
    email_found: email === null ? 0 : 1,
    email_source: email === null ? null : 'modash',
    email_status: email === null ? null : 'from_report',
    clay_enriched_at: null,
    email_not_found_until: null,
    created_at: v.fetchedAt,
    updated_at: v.fetchedAt,
  }
}

export function* creatorRows(
  count: number,
  options: { seed?: number; label?: string; reportShare?: number } = {},
): Generator<CreatorInsert> {
  const next = variantStream(options.seed ?? BENCH_SEED, options.label ?? 'c', options.reportShare)
  for (let k = 0; k < count; k++) yield creatorRow(next(k))
}

/** The emulator's URL shapes (`modash-emulator/profile.ts`), without copying a whole creator. */
function profileUrl(platform: Platform, username: string, userId: string): string {
  if (platform === 'instagram') return `https://www.instagram.com/${username}/`
  if (platform === 'tiktok') return `https://www.tiktok.com/@${username}`
  return `https://www.youtube.com/channel/${userId}`
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)))
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
