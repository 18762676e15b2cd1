import type { Platform } from '../../../shared/platforms'
import type { SandboxCreator } from '../dataset/generate-dataset'
import type { DatasetIndex } from './dataset-index'
import type { SearchBody } from './search-schema'

/**
 * How many creators Modash's index holds per platform. Instagram's is the `total` a recorded live
 * broad query answered (`docs/providers.md` §1.13); the others are plausible sizes of the same order.
 */
export const INDEX_SIZES: Record<Platform, number> = {
  instagram: 59_536_871,
  tiktok: 38_412_960,
  youtube: 9_874_215,
}

/**
 * The `total` rule, as the recorded live bodies show it:
 *
 * - a broad query (no influencer filter but perhaps `followers`, no audience filter) is answered
 *   with the size of the whole index and `isExactMatch: false`; the sandbox only holds a few
 *   thousand creators, so pages past them come back with empty arrays;
 * - any narrower query is answered with the number of matches and `isExactMatch: true`.
 *
 * So a client must never take a broad `total` as a count of pages it can buy.
 */
export function searchTotal(
  platform: Platform,
  body: SearchBody,
  matches: number,
): { total: number; isExactMatch: boolean } {
  return isBroadQuery(body)
    ? { total: INDEX_SIZES[platform], isExactMatch: false }
    : { total: matches, isExactMatch: true }
}

export function isBroadQuery(body: SearchBody): boolean {
  const set = (filters: object | undefined) =>
    Object.entries(filters ?? {}).filter(([, value]) => value !== undefined)
  const influencer = set(body.filter?.influencer).filter(([key]) => key !== 'followers')
  return influencer.length === 0 && set(body.filter?.audience).length === 0
}

/**
 * The creators a `relevance` filter names exactly (`@username` of an account on this platform):
 * Modash lists those under `directs`, everything else it finds under `lookalikes`.
 */
export function namedCreators(
  index: DatasetIndex,
  platform: Platform,
  body: SearchBody,
): Set<SandboxCreator> {
  const named = new Set<SandboxCreator>()
  for (const token of body.filter?.influencer?.relevance ?? []) {
    if (!token.startsWith('@')) continue
    const creator = index.findByUsername(platform, token.slice(1))
    if (creator !== undefined) named.add(creator)
  }
  return named
}
