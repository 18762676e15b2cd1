import { canonicalText } from '../../../shared/filters-canonical'
import type { Platform } from '../../../shared/platforms'
import type { SearchFilters } from '../../../shared/search-filters'

/**
 * Identifies "the same search" as the cache does (`shared/filters-canonical.ts`: key order,
 * defaults, set-like arrays and follower rounding do not count), so the button can tell the user
 * that repeating it is free.
 */
export function searchKey(platform: Platform, filters: SearchFilters, page: number): string {
  return `${platform}\n${page}\n${canonicalText(filters)}`
}
