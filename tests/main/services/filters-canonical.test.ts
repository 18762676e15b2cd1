import { describe, expect, it } from 'vitest'
import {
  canonicalFilters,
  filtersHash,
  roundFollowers,
} from '../../../src/main/services/filters-canonical'
import type { SearchFilters } from '../../../src/shared/search-filters'

const hash = (f: SearchFilters) => filtersHash('instagram', canonicalFilters(f))

describe('roundFollowers', () => {
  it('rounds below 5k to the nearest 1k and from 5k to the nearest 5k', () => {
    expect(roundFollowers(1499)).toBe(1000)
    expect(roundFollowers(1500)).toBe(2000)
    expect(roundFollowers(4400)).toBe(4000)
    expect(roundFollowers(7400)).toBe(5000)
    expect(roundFollowers(7500)).toBe(10000)
    expect(roundFollowers(102_000)).toBe(100_000)
  })
})

describe('canonical filters', () => {
  it('gives one hash to equivalent filters written differently', () => {
    const a: SearchFilters = {
      influencer: {
        followers: { min: 10_200, max: 99_000 },
        location: [148838, 51800],
        language: 'en',
      },
    }
    const b: SearchFilters = {
      sort: { field: 'followers', direction: 'desc' },
      calculationMethod: 'median',
      influencer: {
        language: 'en',
        location: [51800, 148838, 51800],
        followers: { max: 100_000, min: 10_000 },
      },
      audience: {},
    }
    expect(hash(a)).toBe(hash(b))
  })

  it('keeps filters that change the answer apart', () => {
    const base: SearchFilters = { influencer: { followers: { min: 10_000 } } }
    expect(hash(base)).not.toBe(hash({ influencer: { followers: { min: 20_000 } } }))
    expect(hash(base)).not.toBe(hash({ ...base, sort: { field: 'engagementRate' } }))
    expect(hash(base)).not.toBe(hash({ ...base, calculationMethod: 'average' }))
    expect(filtersHash('instagram', canonicalFilters(base))).not.toBe(
      filtersHash('tiktok', canonicalFilters(base)),
    )
  })

  it('does not reorder arrays whose order is not a set', () => {
    // hasContactDetails is set-like, relevance is set-like; both are sorted: a check that order-only
    // differences collapse and content differences do not.
    expect(hash({ influencer: { relevance: ['#a', '@b'] } })).toBe(
      hash({ influencer: { relevance: ['@B', '#a'] } }),
    )
    expect(hash({ influencer: { relevance: ['#a'] } })).not.toBe(
      hash({ influencer: { relevance: ['#b'] } }),
    )
  })

  it('does not change the input object', () => {
    const f: SearchFilters = { influencer: { followers: { min: 10_200 } } }
    canonicalFilters(f)
    expect(f.influencer?.followers?.min).toBe(10_200)
  })
})
