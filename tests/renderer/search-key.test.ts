import { describe, expect, it } from 'vitest'
import { roundFollowers } from '../../src/renderer/src/lib/followers'
import { searchKey } from '../../src/renderer/src/lib/search-key'
import { canonicalText, roundFollowers as sharedRound } from '../../src/shared/filters-canonical'
import type { SearchFilters } from '../../src/shared/search-filters'

describe('the renderer and the cache share one canonical form', () => {
  it('rounds follower bounds with the shared rule', () => {
    for (const v of [0, -5, Number.NaN, 499, 1499, 1500, 4600, 7400, 7500, 123_456]) {
      expect(roundFollowers(v)).toBe(sharedRound(v))
    }
  })

  it('calls two searches the same when the cache would answer them alike', () => {
    const a: SearchFilters = { influencer: { followers: { min: 10_200 }, location: [2, 1] } }
    const b: SearchFilters = {
      calculationMethod: 'median',
      sort: { field: 'followers', direction: 'desc' },
      influencer: { location: [1, 2], followers: { min: 10_000 } },
    }
    expect(canonicalText(a)).toBe(canonicalText(b))
    expect(searchKey('instagram', a, 0)).toBe(searchKey('instagram', b, 0))
    expect(searchKey('instagram', a, 0)).not.toBe(searchKey('instagram', a, 1))
    expect(searchKey('instagram', a, 0)).not.toBe(searchKey('tiktok', a, 0))
    expect(searchKey('instagram', a, 0)).not.toBe(
      searchKey('instagram', { influencer: { followers: { min: 20_000 } } }, 0),
    )
  })
})
