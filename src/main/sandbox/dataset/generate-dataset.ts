import { PLATFORMS } from '../../../shared/platforms'
import type { Platform } from '../../../shared/platforms'
import { clamp, generateAudience, round } from './audience'
import { DatasetClock, generateBio, generatePosts, generateStatHistory } from './content'
import { BRANDS, CITIES, COUNTRIES, INTERESTS } from './dictionaries'
import { IdentityRegistry, enrichedEmail, publicEmail } from './identity'
import { withLiveGaps, youtubeLinkOf } from './live-gaps'
import { NICHES, NICHE_KEYS } from './niches'
import type { Niche } from './niches'
import { createRng, deriveSeed } from './prng'
import type { Rng } from './prng'
import type { AgeGroup, CreatorGender, SandboxCreator } from './types'

export type {
  AgeGroup,
  AudienceAgeBand,
  CreatorGender,
  SandboxAudience,
  SandboxCreator,
  SandboxPost,
  SandboxStatMonth,
} from './types'

export interface GenerateDatasetOptions {
  seed: number
  /** Creators per platform; 3000 by default. */
  perPlatform?: number
  /**
   * The "today" that post dates and stat-history months count back from. Fixed by default so
   * the same seed gives byte-identical data on any day.
   */
  referenceDate?: string
  platforms?: readonly Platform[]
}

export const DEFAULT_REFERENCE_DATE = '2026-06-01T00:00:00.000Z'

const MIN_FOLLOWERS = 1_000
const MAX_FOLLOWERS = 5_000_000
const ER_BY_TIER: readonly (readonly [number, number])[] = [
  [10_000, 0.05],
  [100_000, 0.03],
  [1_000_000, 0.018],
  [Infinity, 0.012],
]
const ER_PLATFORM_FACTOR: Record<Platform, number> = { instagram: 1, tiktok: 2, youtube: 0.8 }
const VIEWS_RATIO: Record<Platform, number> = { instagram: 0.3, tiktok: 0.35, youtube: 0.12 }
const NICHE_WEIGHTS = NICHE_KEYS.map((k) => [k, NICHES[k].weight] as const)
const COUNTRY_WEIGHTS = COUNTRIES.map((c) => [c, c.weight] as const)
const CITIES_BY_COUNTRY = new Map(
  COUNTRIES.map((country) => [country.code, CITIES.filter((c) => c.countryCode === country.code)]),
)

/** A deterministic synthetic creator population: same options, same output. */
export function generateDataset(options: GenerateDatasetOptions): SandboxCreator[] {
  const perPlatform = options.perPlatform ?? 3000
  const referenceMs = Date.parse(options.referenceDate ?? DEFAULT_REFERENCE_DATE)
  if (!Number.isFinite(referenceMs)) throw new RangeError('referenceDate is not a date')
  const clock = new DatasetClock(referenceMs)
  const out: SandboxCreator[] = []
  for (const platform of options.platforms ?? PLATFORMS) {
    const rng = createRng(deriveSeed(options.seed, platform))
    // A separate stream for the gaps live data has, so they leave every other draw unchanged.
    const gaps = createRng(deriveSeed(options.seed, `${platform}:live-gaps`))
    const registry = new IdentityRegistry(platform)
    for (let i = 0; i < perPlatform; i++) {
      out.push(withLiveGaps(generateCreator(rng, platform, registry, clock), gaps))
    }
  }
  return out
}

function generateCreator(
  rng: Rng,
  platform: Platform,
  registry: IdentityRegistry,
  clock: DatasetClock,
): SandboxCreator {
  const niche = NICHES[rng.weighted(NICHE_WEIGHTS)]
  const isBrandPage = rng.chance(0.1)
  const gender: CreatorGender = isBrandPage
    ? 'UNKNOWN'
    : rng.chance(niche.femaleCreators)
      ? 'FEMALE'
      : 'MALE'
  const identity = registry.create(rng, niche, gender, isBrandPage)
  const countryInfo = rng.weighted(COUNTRY_WEIGHTS)
  const cities = CITIES_BY_COUNTRY.get(countryInfo.code) ?? []
  const city = cities.length > 0 && rng.chance(0.7) ? rng.pick(cities) : null
  const language = rng.weighted(countryInfo.languages)

  const followers = logNormalInRange(rng, Math.log(25_000), 1.5, MIN_FOLLOWERS, MAX_FOLLOWERS)
  const tierRate = ER_BY_TIER.find(([limit]) => followers < limit)?.[1] ?? 0.012
  const rate = clamp(tierRate * ER_PLATFORM_FACTOR[platform] * rng.logNormal(0, 0.35), 0.002, 0.35)
  const engagements = Math.max(1, Math.round(followers * rate))
  const avgComments = Math.round(engagements * rng.float(0.02, 0.08))
  const views = Math.round(followers * VIEWS_RATIO[platform] * rng.logNormal(0, 0.6))
  const following = platform === 'instagram' ? rng.int(80, 2500) : rng.int(0, 400)
  const growth = round(
    clamp((followers < 50_000 ? 0.025 : 0.012) + rng.normal() * 0.03, -0.08, 0.25),
  )

  const hasEmail = rng.chance(0.35)
  const email = hasEmail ? publicEmail(rng, identity, isBrandPage) : null
  const clayEmail = !hasEmail && rng.chance(0.5) ? enrichedEmail(rng, identity, isBrandPage) : null
  const brands = rng.sample(niche.brands, rng.int(0, 2)).sort((a, b) => a - b)
  const mentions = brands.map(brandHandle)
  const hasSponsoredPosts = brands.length > 0 && rng.chance(0.6)
  const hashtags = rng.sample(niche.hashtags, rng.int(3, 5))
  const lastPostedDaysAgo = rng.weighted<() => number>([
    [() => rng.int(0, 29), 75],
    [() => rng.int(30, 120), 17],
    [() => rng.int(121, 720), 8],
  ])()
  const avgViews = platform === 'instagram' ? null : views

  const creator: SandboxCreator = {
    platform,
    userId: identity.userId,
    username: identity.username,
    handle: platform === 'youtube' ? identity.username : null,
    fullname: identity.fullname,
    niche: niche.key,
    isBrandPage,
    followers,
    following,
    engagements,
    engagementRate: round(engagements / followers, 6),
    averageViews: avgViews,
    avgReelsPlays: platform === 'instagram' ? views : null,
    avgLikes: engagements - avgComments,
    avgComments,
    postsCount: Math.round(logNormalInRange(rng, Math.log(300), 0.9, 12, 12_000)),
    bio: generateBio(rng, niche, city?.name ?? null, email),
    country: countryInfo.code,
    city: city?.name ?? null,
    cityId: city?.id ?? null,
    state: city?.state ?? null,
    language,
    gender,
    ageGroup: isBrandPage ? null : pickAgeGroup(rng, niche),
    isVerified: rng.chance(followers > 1_000_000 ? 0.7 : followers > 100_000 ? 0.2 : 0.02),
    accountType: platform !== 'instagram' ? null : isBrandPage ? 2 : pickAccountType(rng),
    hasYouTube: platform === 'instagram' && rng.chance(0.2),
    hasSponsoredPosts,
    interests: pickInterests(rng, niche),
    brands,
    hashtags,
    mentions,
    lastPostedDaysAgo,
    followersGrowth: growth,
    audience: generateAudience(rng, niche, countryInfo.code, language, followers),
    contacts: email === null ? [] : [{ type: 'email', value: email }],
    youtubeLink: null,
    clayEmail,
    recentPosts: generatePosts(rng, niche, {
      platform,
      username: identity.username,
      lastPostedDaysAgo,
      avgLikes: engagements - avgComments,
      avgComments,
      avgViews: views,
      hashtags,
      mentions,
      hasSponsoredPosts,
      clock,
    }),
    statHistory: generateStatHistory(rng, {
      followers,
      following,
      avgLikes: engagements - avgComments,
      avgViews,
      growth,
      clock,
    }),
  }
  // Set after the literal: `hasYouTube` is drawn inside it, and moving that draw would change
  // every later field of every creator for a seed.
  creator.youtubeLink = youtubeLinkOf(creator.username, creator.hasYouTube)
  return creator
}

/** Rejection sampling keeps the log-normal shape without piling creators up at the bounds. */
function logNormalInRange(rng: Rng, mu: number, sigma: number, min: number, max: number): number {
  for (;;) {
    const value = Math.round(rng.logNormal(mu, sigma))
    if (value >= min && value <= max) return value
  }
}

function pickAgeGroup(rng: Rng, niche: Niche): AgeGroup {
  const young = niche.key === 'gaming' || niche.key === 'music' ? 2 : 1
  const older = niche.key === 'parenting' ? 2 : 1
  return rng.weighted<AgeGroup>([
    ['18-24', 25 * young],
    ['25-34', 40],
    ['35-44', 20 * older],
    ['45-64', 11],
    ['65-', 2],
  ])
}

function pickAccountType(rng: Rng): 1 | 2 | 3 {
  return rng.weighted<1 | 2 | 3>([
    [1, 2],
    [2, 3],
    [3, 5],
  ])
}

function pickInterests(rng: Rng, niche: Niche): number[] {
  // The niche's main interest always, so an interest filter finds the niche's creators.
  const ids = new Set([niche.interests[0] ?? 0, ...rng.sample(niche.interests.slice(1), 1)])
  if (rng.chance(0.25)) ids.add(rng.pick(INTERESTS).id)
  return [...ids].sort((a, b) => a - b)
}

function brandHandle(id: number): string {
  const name = BRANDS.find((b) => b.id === id)?.name ?? String(id)
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}
