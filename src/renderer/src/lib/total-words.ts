import type { SearchResult } from '../../../shared/domain'
import { formatInt } from './format'

/**
 * How many matches a search has, in words that claim no more than is known: Modash answers a
 * broad query with the size of its index (tens of millions), which is not a count anyone could
 * page through; a local count stops at a cap; only the rest is exact.
 */
export function matchesWords(
  result: Pick<SearchResult, 'total' | 'totalIsCapped' | 'totalIsEstimate'>,
): string {
  if (result.totalIsEstimate) {
    if (result.total >= 1_000_000) return 'millions of matches'
    return `about ${formatInt(result.total)} matches (Modash's estimate)`
  }
  if (result.totalIsCapped) return `at least ${formatInt(result.total)} matches`
  return `${formatInt(result.total)} ${result.total === 1 ? 'match' : 'matches'}`
}
