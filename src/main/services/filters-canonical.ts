import { createHash } from 'node:crypto'
import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'

/**
 * Two searches that Modash would answer identically must hit the same cache entry, however the
 * user wrote them: keys in any order, defaults spelled out or left out, set-like arrays in any
 * order, follower bounds that Modash rounds to the same step.
 */

/** Modash rounds follower bounds: below 5k to the nearest 1k, from 5k to the nearest 5k. */
export function roundFollowers(value: number): number {
  const step = value < 5000 ? 1000 : 5000
  return Math.round(value / step) * step
}

const DEFAULT_SORT = { field: 'followers', direction: 'desc' } as const

/** Arrays whose order carries no meaning (every item ORs with the others). */
const SET_LIKE = new Set([
  'location',
  'relevance',
  'audienceRelevance',
  'hasContactDetails',
  'accountTypes',
  'brands',
  'interests',
  'textTags',
  'age',
])

export function canonicalFilters(filters: SearchFilters): SearchFilters {
  const copy = structuredClone(filters)
  const followers = copy.influencer?.followers
  if (followers) {
    if (followers.min !== undefined) followers.min = roundFollowers(followers.min)
    if (followers.max !== undefined) followers.max = roundFollowers(followers.max)
  }
  if (copy.influencer?.relevance) {
    copy.influencer.relevance = copy.influencer.relevance.map((token) => token.toLowerCase())
  }
  if (copy.influencer?.audienceRelevance) {
    copy.influencer.audienceRelevance = copy.influencer.audienceRelevance.map((t) =>
      t.toLowerCase(),
    )
  }
  const sort = { ...DEFAULT_SORT, ...copy.sort }
  const canonical: SearchFilters = {
    ...copy,
    calculationMethod: copy.calculationMethod ?? 'median',
    sort,
  }
  return normalise(canonical) as SearchFilters
}

/** Sorted keys, empty objects dropped, set-like arrays sorted and de-duplicated. */
function normalise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => normalise(item))
    if (key === undefined || !SET_LIKE.has(key)) return items
    const byJson = new Map(items.map((item) => [JSON.stringify(item), item]))
    return [...byJson.keys()].sort().map((k) => byJson.get(k))
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      const v = normalise((value as Record<string, unknown>)[k], k)
      if (v === undefined) continue
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
        continue
      out[k] = v
    }
    return out
  }
  return value
}

export function filtersHash(platform: Platform, canonical: SearchFilters): string {
  return createHash('sha256')
    .update(`${platform}\n${JSON.stringify(canonical)}`)
    .digest('hex')
}
