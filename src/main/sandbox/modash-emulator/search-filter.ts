import type { Platform } from '../../../shared/platforms'
import { growthOver } from '../dataset/content'
import type { SandboxCreator } from '../dataset/generate-dataset'
import { words } from './dataset-index'
import type { DatasetIndex } from './dataset-index'
import { AGE_GROUP_BOUNDS, audiencePredicates } from './audience-filter'
import type { Predicate } from './predicate'
import type { AudienceFilters, InfluencerFilters, InfluencerKey } from './search-schema'

type Range = { min?: number | undefined; max?: number | undefined }

const INSTAGRAM_ONLY: ReadonlySet<InfluencerKey> = new Set([
  'reelsPlays',
  'accountTypes',
  'hasYouTube',
])

/** Modash rounds follower bounds before searching: below 5k to the nearest 1k, else to 5k. */
export function roundFollowers(value: number): number {
  return value < 5000 ? Math.round(value / 1000) * 1000 : Math.round(value / 5000) * 5000
}

export function intervalMonths(interval: string): number {
  return Number(/^i(\d)month/.exec(interval)?.[1] ?? 1)
}

/**
 * One predicate for the whole filter: influencer filters AND together unless `filterOperations`
 * puts them in an `or` group or negates them; audience filters always AND. Items inside one array
 * filter OR together (`docs/providers.md` §1.5).
 */
export function buildPredicate(
  index: DatasetIndex,
  platform: Platform,
  influencer: InfluencerFilters | undefined,
  audience: AudienceFilters | undefined,
): Predicate {
  const byKey = influencerPredicates(index, platform, influencer ?? {})
  const ops = new Map((influencer?.filterOperations ?? []).map((o) => [o.filter, o.operator]))
  const and: Predicate[] = []
  const or: Predicate[] = []
  for (const [k, p] of byKey) {
    const op = ops.get(k) ?? 'and'
    if (op === 'or') or.push(p)
    else if (op === 'not') and.push((c) => !p(c))
    else and.push(p)
  }
  and.push(...audiencePredicates(index, audience ?? {}))
  return (c) => and.every((p) => p(c)) && (or.length === 0 || or.some((p) => p(c)))
}

function influencerPredicates(
  index: DatasetIndex,
  platform: Platform,
  f: InfluencerFilters,
): Map<InfluencerKey, Predicate> {
  const out = new Map<InfluencerKey, Predicate>()
  const set = (k: InfluencerKey, p: Predicate | null) => {
    // IG-only filters are ignored elsewhere, as Modash's other platforms do not have the data.
    if (p !== null && (platform === 'instagram' || !INSTAGRAM_ONLY.has(k))) out.set(k, p)
  }
  if (f.followers) {
    const r = {
      min: opt(f.followers.min, roundFollowers),
      max: opt(f.followers.max, roundFollowers),
    }
    set('followers', (c) => inRange(c.followers, r))
  }
  const { engagementRate, lastposted, language, gender, bio, keywords, isVerified } = f
  if (engagementRate !== undefined) set('engagementRate', (c) => c.engagementRate >= engagementRate)
  if (f.location) set('location', locationPredicate(index, f.location))
  if (language !== undefined) set('language', (c) => c.language === language)
  if (lastposted !== undefined) set('lastposted', (c) => c.lastPostedDaysAgo <= lastposted)
  if (f.relevance) set('relevance', relevancePredicate(index, platform, f.relevance))
  if (f.audienceRelevance)
    set('audienceRelevance', relevancePredicate(index, platform, f.audienceRelevance))
  if (gender !== undefined) set('gender', genderPredicate(gender))
  if (f.age) set('age', agePredicate(f.age))
  if (f.followersGrowthRate) {
    const { interval, value, operator } = f.followersGrowthRate
    const months = intervalMonths(interval)
    set('followersGrowthRate', (c) =>
      compare(growthOver(c.followersGrowth, months), operator, value),
    )
  }
  if (bio !== undefined) {
    const wanted = words(bio)
    set('bio', (c) => wanted.every((w) => index.bioWords.get(c)?.has(w) === true))
  }
  if (keywords !== undefined) {
    const phrase = ` ${words(keywords).join(' ')} `
    set('keywords', (c) => index.captions.get(c)?.includes(phrase) === true)
  }
  if (f.hasYouTube !== undefined) set('hasYouTube', (c) => c.hasYouTube === f.hasYouTube)
  if (f.hasContactDetails) {
    const rules = f.hasContactDetails
    set('hasContactDetails', (c) =>
      rules.every(({ contactType, filterAction }) => {
        const has =
          contactType === 'youtube'
            ? c.youtubeLink !== null
            : c.contacts.some((x) => x.type === contactType)
        return filterAction === 'must' ? has : filterAction === 'not' ? !has : true
      }),
    )
  }
  if (f.accountTypes) {
    const types: readonly number[] = f.accountTypes
    set('accountTypes', (c) => c.accountType !== null && types.includes(c.accountType))
  }
  if (f.brands)
    set(
      'brands',
      anyOf(f.brands, (c) => c.brands),
    )
  if (f.interests)
    set(
      'interests',
      anyOf(f.interests, (c) => c.interests),
    )
  if (f.textTags) {
    const tags = f.textTags.map((t) => ({ type: t.type, value: t.value.replace(/^[#@]/, '') }))
    set('textTags', (c) =>
      tags.some((t) => (t.type === 'hashtag' ? c.hashtags : c.mentions).includes(t.value)),
    )
  }
  if (f.reelsPlays)
    set(
      'reelsPlays',
      rangeOf(f.reelsPlays, (c) => c.avgReelsPlays),
    )
  if (f.engagements)
    set(
      'engagements',
      rangeOf(f.engagements, (c) => c.engagements),
    )
  if (f.views && platform !== 'instagram')
    set(
      'views',
      rangeOf(f.views, (c) => c.averageViews),
    )
  if (isVerified !== undefined) set('isVerified', (c) => c.isVerified === isVerified)
  if (f.hasSponsoredPosts !== undefined)
    set('hasSponsoredPosts', (c) => c.hasSponsoredPosts === f.hasSponsoredPosts)
  return out
}

function locationPredicate(index: DatasetIndex, ids: readonly number[]): Predicate {
  const countries = new Set<string>()
  const cities = new Set<number>()
  for (const id of ids) {
    const l = index.location(id)
    if (l?.kind === 'country') countries.add(l.countryCode)
    if (l?.kind === 'city') cities.add(l.id)
  }
  // A creator Modash has no location for is found by no location filter.
  return (c) =>
    (c.country !== null && countries.has(c.country)) || (c.cityId !== null && cities.has(c.cityId))
}

/**
 * Modash matches `#tag` / `@user` semantically; here a hashtag must be one the creator uses and
 * a username stands for its niche (the creator itself included).
 */
export function relevanceScore(
  index: DatasetIndex,
  platform: Platform,
  tokens: readonly string[],
  c: SandboxCreator,
): number {
  let score = 0
  for (const token of tokens) {
    const value = token.slice(1).toLowerCase()
    if (
      token.startsWith('#')
        ? c.hashtags.includes(value)
        : index.find(platform, value)?.niche === c.niche
    )
      score++
  }
  return score
}

function relevancePredicate(index: DatasetIndex, platform: Platform, tokens: string[]): Predicate {
  return (c) => relevanceScore(index, platform, tokens, c) > 0
}

function genderPredicate(gender: 'MALE' | 'FEMALE' | 'KNOWN' | 'UNKNOWN'): Predicate {
  if (gender === 'KNOWN') return (c) => c.gender !== 'UNKNOWN'
  return (c) => c.gender === gender
}

function agePredicate(age: Range): Predicate {
  return (c) => {
    const bounds = c.ageGroup === null ? undefined : AGE_GROUP_BOUNDS[c.ageGroup]
    if (bounds === undefined) return false
    // Modash's ages are band edges: {min: 25, max: 35} means the 25-34 band.
    return bounds[0] >= (age.min ?? 0) && (age.max === undefined || bounds[1] < age.max)
  }
}

function compare(actual: number, operator: 'gte' | 'gt' | 'lt' | 'lte', value: number): boolean {
  if (operator === 'gte') return actual >= value
  if (operator === 'gt') return actual > value
  if (operator === 'lt') return actual < value
  return actual <= value
}

function anyOf(ids: readonly number[], of: (c: SandboxCreator) => readonly number[]): Predicate {
  return (c) => of(c).some((id) => ids.includes(id))
}

function rangeOf(r: Range, of: (c: SandboxCreator) => number | null): Predicate {
  return (c) => {
    const v = of(c)
    return v !== null && inRange(v, r)
  }
}

function inRange(value: number, r: Range): boolean {
  return (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max)
}

function opt(value: number | undefined, f: (v: number) => number): number | undefined {
  return value === undefined ? undefined : f(value)
}
