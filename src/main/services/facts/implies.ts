import type { Place } from './places'
import type { Term } from './filter-terms'
import { phraseLine, words } from './words'

type Range = { min?: number | undefined; max?: number | undefined }
type Weighted<T> = { id: T; weight: number }
type Growth = { interval: string; value: number; operator: 'gte' | 'gt' | 'lt' | 'lte' }

/**
 * Whether every creator satisfying filter `a` satisfies filter `b` (same key). Used both ways:
 * a page bought with `a` proves `b` of its creators; and a search `b` fully fetched contains
 * every match of a narrower `a`. Anything not certain is false: a missed implication only
 * leaves a creator "unknown", a wrong one would claim a match.
 */
export function implies(a: Term, b: Term, places: ReadonlyMap<number, Place>): boolean {
  if (a.key !== b.key) return false
  const av: unknown = a.value
  const bv: unknown = b.value
  switch (a.key) {
    case 'influencer.followers':
    case 'influencer.engagements':
    case 'influencer.views':
    case 'influencer.reelsPlays':
      return rangeWithin(av as Range, bv as Range)
    case 'influencer.age':
      return (
        ((av as Range).min ?? 0) >= ((bv as Range).min ?? 0) &&
        ((bv as Range).max === undefined ||
          ((av as Range).max !== undefined && (av as Range).max! <= (bv as Range).max!))
      )
    case 'influencer.engagementRate':
    case 'audience.credibility':
      return (av as number) >= (bv as number)
    case 'influencer.lastposted':
      return (av as number) <= (bv as number)
    case 'influencer.language':
    case 'influencer.hasYouTube':
    case 'influencer.isVerified':
    case 'influencer.hasSponsoredPosts':
      return av === bv
    case 'influencer.gender':
      return av === bv || (bv === 'KNOWN' && (av === 'MALE' || av === 'FEMALE'))
    case 'influencer.location':
      return locationWithin(av as number[], bv as number[], places)
    case 'influencer.relevance':
    case 'influencer.audienceRelevance':
      // Modash matches these by meaning, not item by item: only the same set says the same.
      return sameSet(av as string[], bv as string[])
    case 'influencer.accountTypes':
    case 'influencer.brands':
    case 'influencer.interests':
      return subset(av as number[], bv as number[])
    case 'influencer.textTags':
      return subset(
        (av as { type: string; value: string }[]).map((t) => `${t.type}:${t.value}`),
        (bv as { type: string; value: string }[]).map((t) => `${t.type}:${t.value}`),
      )
    case 'influencer.bio':
      return subset(words(bv as string), words(av as string))
    case 'influencer.keywords':
      return phraseLine(av as string).includes(phraseLine(bv as string))
    case 'influencer.hasContactDetails': {
      const have = new Set(
        (av as { contactType: string; filterAction: string }[]).map(
          (r) => `${r.contactType}:${r.filterAction}`,
        ),
      )
      return (bv as { contactType: string; filterAction: string }[])
        .filter((r) => r.filterAction !== 'should')
        .every((r) => have.has(`${r.contactType}:${r.filterAction}`))
    }
    case 'influencer.followersGrowthRate':
      return growthWithin(av as Growth, bv as Growth)
    case 'audience.location':
    case 'audience.age':
    case 'audience.interests':
      return (av as Weighted<unknown>[]).every((x) =>
        (bv as Weighted<unknown>[]).some((y) => y.id === x.id && y.weight <= x.weight),
      )
    case 'audience.language':
    case 'audience.gender': {
      const x = av as Weighted<string>
      const y = bv as Weighted<string>
      return x.id === y.id && y.weight <= x.weight
    }
  }
}

function rangeWithin(a: Range, b: Range): boolean {
  const lower = b.min === undefined || (a.min !== undefined && a.min >= b.min)
  const upper = b.max === undefined || (a.max !== undefined && a.max <= b.max)
  return lower && upper
}

/** Each place of `a` is one of `b`, or lies in a country `b` names. */
function locationWithin(a: number[], b: number[], places: ReadonlyMap<number, Place>): boolean {
  const countries = new Set(
    b.map((id) => places.get(id)).flatMap((p) => (p?.kind === 'country' ? [p.countryCode] : [])),
  )
  return a.every((id) => {
    if (b.includes(id)) return true
    const place = places.get(id)
    return place !== undefined && countries.has(place.countryCode)
  })
}

function growthWithin(a: Growth, b: Growth): boolean {
  if (a.interval !== b.interval) return false
  const lower = (op: string) => op === 'gte' || op === 'gt'
  if (lower(a.operator) !== lower(b.operator)) return false
  if (a.value === b.value) return a.operator === b.operator || b.operator.endsWith('e')
  return lower(a.operator) ? a.value > b.value : a.value < b.value
}

function subset<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.every((x) => b.includes(x))
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return subset(a, b) && subset(b, a)
}
