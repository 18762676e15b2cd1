import type { Platform } from '../../../shared/platforms'
import type {
  AudienceFilter,
  InfluencerFilter,
  SearchFilters,
} from '../../../shared/search-filters'

/**
 * A search as a list of terms, one per filter, each named as the UI and the answer name it
 * (`influencer.location`, `audience.gender`). All terms must hold (Modash ANDs filters; items
 * inside one filter OR, `docs/providers.md` §1.5).
 */
export type Term =
  | {
      [K in keyof InfluencerFilter]-?: {
        key: `influencer.${K}`
        value: NonNullable<InfluencerFilter[K]>
      }
    }[keyof InfluencerFilter]
  | {
      [K in keyof AudienceFilter]-?: { key: `audience.${K}`; value: NonNullable<AudienceFilter[K]> }
    }[keyof AudienceFilter]

export type TermKey = Term['key']

/**
 * Filters Modash ignores on a platform, so they constrain nothing there: Instagram-only data
 * elsewhere, and video views on Instagram (its figure is reels plays).
 */
const IGNORED: Record<Platform, ReadonlySet<string>> = {
  instagram: new Set(['influencer.views']),
  tiktok: new Set(['influencer.reelsPlays', 'influencer.accountTypes', 'influencer.hasYouTube']),
  youtube: new Set(['influencer.reelsPlays', 'influencer.accountTypes', 'influencer.hasYouTube']),
}

export function filterTerms(platform: Platform, filters: SearchFilters): Term[] {
  const out: Term[] = []
  for (const [group, values] of [
    ['influencer', filters.influencer],
    ['audience', filters.audience],
  ] as const) {
    for (const [name, value] of Object.entries(values ?? {}) as [string, unknown][]) {
      const key = `${group}.${name}`
      if (value === undefined || IGNORED[platform].has(key)) continue
      out.push({ key, value } as Term)
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key))
}

/** The term of one key, typed by it. */
export function termOf<K extends TermKey>(
  terms: readonly Term[],
  key: K,
): Extract<Term, { key: K }> | undefined {
  return terms.find((t): t is Extract<Term, { key: K }> => t.key === key)
}
