import type { SearchFilters } from './search-filters'

/**
 * The one canonical form of search filters, shared by main (the cache key, the request row) and
 * the renderer (what it shows and sends, "same search" labels). Two searches that Modash would
 * answer identically have the same canonical form, however the user wrote them: keys in any
 * order, defaults spelled out or left out, set-like arrays in any order, follower bounds that
 * Modash rounds to the same step. Main hashes it (`services/filters-canonical.ts`): changing
 * what this returns for existing filters orphans every cached page.
 */

/**
 * Modash snaps follower bounds before searching: under 5k to the nearest 1k, from 5k to the
 * nearest 5k (`docs/providers.md` §1.5). What is shown and sent is the snapped value, so what the user
 * reads is exactly what is searched and paid for. Nothing (or a negative) counts as 0.
 */
export function roundFollowers(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0
  const step = value < 5_000 ? 1_000 : 5_000
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

/** A new object: the input is never changed. */
export function canonicalFilters(filters: SearchFilters): SearchFilters {
  const influencer = filters.influencer
  const followers = influencer?.followers
  const lower = (tokens: string[]) => tokens.map((token) => token.toLowerCase())
  const adjusted: SearchFilters = {
    ...filters,
    ...(influencer === undefined
      ? {}
      : {
          influencer: {
            ...influencer,
            ...(followers === undefined
              ? {}
              : {
                  followers: {
                    ...followers,
                    ...(followers.min === undefined ? {} : { min: roundFollowers(followers.min) }),
                    ...(followers.max === undefined ? {} : { max: roundFollowers(followers.max) }),
                  },
                }),
            ...(influencer.relevance ? { relevance: lower(influencer.relevance) } : {}),
            ...(influencer.audienceRelevance
              ? { audienceRelevance: lower(influencer.audienceRelevance) }
              : {}),
          },
        }),
    calculationMethod: filters.calculationMethod ?? 'median',
    sort: { ...DEFAULT_SORT, ...filters.sort },
  }
  return normalise(adjusted) as SearchFilters
}

/** Sorted keys, empty objects dropped, set-like arrays sorted and de-duplicated; a fresh copy. */
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

/** The canonical form as text: equal for exactly the searches the cache treats as one. */
export function canonicalText(filters: SearchFilters): string {
  return JSON.stringify(canonicalFilters(filters))
}
