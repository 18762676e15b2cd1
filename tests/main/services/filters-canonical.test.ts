import { describe, expect, it } from 'vitest'
import {
  canonicalFilters,
  filtersHash,
  roundFollowers,
} from '../../../src/main/services/filters-canonical'
import { modashSearchBody } from '../../../src/main/providers/modash/modash-api'
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

describe('one canonical form, everywhere', () => {
  it('hashes as every earlier version did, so pages already cached stay found', () => {
    // Hashes written by the implementation before the canonical form moved to src/shared.
    const pinned: [SearchFilters, string][] = [
      [{}, 'c5660c0c953a90f16e770f1f5fae578383eb676910582c91368c11766cea47e4'],
      [
        {
          influencer: {
            followers: { min: 10_200, max: 99_000 },
            location: [148838, 51800],
            language: 'en',
          },
        },
        '8400f18c6c432e8324bb90e1c5aee7e3e0a31f9eb42bda4cd5b4ffc33636fcde',
      ],
      [
        {
          influencer: {
            relevance: ['@B', '#a'],
            audienceRelevance: ['@Zed'],
            followers: { min: 1499 },
          },
          audience: {
            location: [
              { id: 5, weight: 0.2 },
              { id: 1, weight: 0.3 },
            ],
          },
          sort: { field: 'engagementRate', direction: 'asc' },
          calculationMethod: 'average',
        },
        'ce699a40b77b0455f13d693e1c5c56689272531318dcabef54928a564469beb7',
      ],
      [
        {
          influencer: {
            hasContactDetails: [
              { contactType: 'email', filterAction: 'must' },
              { contactType: 'bbm', filterAction: 'not' },
            ],
            accountTypes: [3, 1],
            textTags: [
              { type: 'mention', value: 'b' },
              { type: 'hashtag', value: 'a' },
            ],
            age: { min: 18, max: 35 },
            bio: 'yoga',
          },
          audience: {},
        },
        'df15565eebcb6a804170c33a1b74d2f933414a0df6062681e8108a865f797235',
      ],
    ]
    for (const [filters, expected] of pinned) expect(hash(filters)).toBe(expected)
  })

  it('leaves the Modash request body to the Modash client', () => {
    const canonical = canonicalFilters({ influencer: { followers: { min: 10_000 } } })
    expect(modashSearchBody(canonical, 3)).toEqual({
      page: 3,
      calculationMethod: 'median',
      sort: { direction: 'desc', field: 'followers' },
      filter: { influencer: { followers: { min: 10_000 } } },
    })
    expect(modashSearchBody({}, 0)).toEqual({ page: 0, filter: {} })
  })
})
