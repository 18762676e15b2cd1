import { createHash } from 'node:crypto'
import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'

/**
 * The cache key of a search: a hash of its canonical filters. The canonical form itself is
 * shared with the renderer (`shared/filters-canonical.ts`) and re-exported here for main.
 */
export { canonicalFilters, roundFollowers } from '../../shared/filters-canonical'

/** The text each canonical filters object was hashed from, kept for the request row. */
const texts = new WeakMap<SearchFilters, string>()

/** `canonical` as JSON, written once however often it is asked for (hash, request row). */
export function canonicalJson(canonical: SearchFilters): string {
  let text = texts.get(canonical)
  if (text === undefined) {
    text = JSON.stringify(canonical)
    texts.set(canonical, text)
  }
  return text
}

export function filtersHash(platform: Platform, canonical: SearchFilters): string {
  return createHash('sha256')
    .update(`${platform}\n${canonicalJson(canonical)}`)
    .digest('hex')
}
