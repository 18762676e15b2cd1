import { describe, expect, it } from 'vitest'
import { countryByName, countryById } from '../../../src/main/services/facts/countries'
import { filterTerms } from '../../../src/main/services/facts/filter-terms'
import type { Term } from '../../../src/main/services/facts/filter-terms'
import { implies } from '../../../src/main/services/facts/implies'
import { placeFromEntry } from '../../../src/main/services/facts/places'
import type { Place } from '../../../src/main/services/facts/places'
import { reportFacts } from '../../../src/main/services/facts/report-facts'
import { hasAllWords, words } from '../../../src/main/services/facts/words'

describe('report facts', () => {
  it('keeps what the report says, and leaves out what it does not', () => {
    const facts = reportFacts({
      ageGroup: null,
      accountType: 'Creator',
      contacts: [
        { type: 'email', value: 'a@b.co' },
        { type: 'youtube', value: 'x' },
      ],
      interests: [{ id: 13, name: 'Beauty' }],
      hashtags: [{ tag: 'vegan', weight: 0.2 }],
      recentPosts: [
        { text: 'Morning #Routine', created: '2026-05-01T10:00:00.000Z' },
        { text: 'Late post', created: '2026-05-20T10:00:00.000Z' },
      ],
      sponsoredPosts: [],
      audience: {
        geoCountries: [
          { code: 'US', weight: 0.5 },
          { code: 'DE', weight: 0.1 },
        ],
        interests: [{ name: 'Beauty & Cosmetics', weight: 0.4 }],
      },
    })
    expect(facts).toEqual({
      age: null,
      accountType: 3,
      contacts: ['email', 'youtube'],
      interests: [13],
      hashtags: ['vegan'],
      captions: ' morning routine late post ',
      lastPostAt: '2026-05-20T10:00:00.000Z',
      sponsored: false,
      aud: {
        countries: { US: 0.5, DE: 0.1 },
        languages: {},
        genders: {},
        ages: {},
        interests: { 'beauty & cosmetics': 0.4 },
        min: { countries: 0.1, interests: 0.4 },
      },
    })
    // No age group key at all: the age is unknown, not "none".
    expect(reportFacts({})).toEqual({})
  })

  it('knows growth only within what the rounded monthly counts allow', () => {
    const monthly = 0.03
    const followers = 48_213
    const history = [3, 2, 1, 0].map((back) => ({
      month: `2026-0${6 - back}`,
      followers: Math.round(followers / (1 + monthly) ** back),
    }))
    const growth = reportFacts({ statHistory: history }).growth!
    for (const months of [1, 2, 3]) {
      const truth = (1 + monthly) ** months - 1
      const [lo, hi] = growth[String(months)]!
      expect(lo).toBeLessThanOrEqual(truth)
      expect(hi).toBeGreaterThanOrEqual(truth)
      expect(hi - lo).toBeLessThan(0.001)
    }
    expect(growth['4']).toBeUndefined()
  })
})

describe('words', () => {
  it('splits as Modash matches: letters and digits, lower case, accents kept', () => {
    expect(words('Café #Vegan, chef!')).toEqual(['café', 'vegan', 'chef'])
    expect(hasAllWords('Vegan chefs', ['chef'])).toBe(false)
    expect(hasAllWords('anything', [])).toBe(true)
  })
})

describe('places', () => {
  it('places a Modash title in its country, and knows the built-in countries', () => {
    expect(placeFromEntry({ id: 51800, name: 'London', title: 'London, United Kingdom' })).toEqual({
      id: 51800,
      name: 'London, United Kingdom',
      kind: 'region',
      countryCode: 'GB',
    })
    expect(placeFromEntry({ id: 1, name: 'Germany' })).toMatchObject({
      kind: 'country',
      countryCode: 'DE',
    })
    expect(placeFromEntry({ id: 2, name: 'Atlantis, Nowhere' })).toBeNull()
    expect(countryById(51477)?.code).toBe('DE')
    expect(countryByName('USA')?.code).toBe('US')
  })
})

describe('implies', () => {
  const places = new Map<number, Place>([
    [51477, { id: 51477, name: 'Germany', kind: 'country', countryCode: 'DE' }],
    [62422, { id: 62422, name: 'Berlin, Germany', kind: 'region', countryCode: 'DE' }],
    [2202162, { id: 2202162, name: 'France', kind: 'country', countryCode: 'FR' }],
  ])
  const term = (filters: Parameters<typeof filterTerms>[1]): Term =>
    filterTerms('instagram', filters)[0]!
  const yes = (a: Parameters<typeof term>[0], b: Parameters<typeof term>[0]) =>
    implies(term(a), term(b), places)

  it('holds only where every creator of the first is one of the second', () => {
    expect(yes({ influencer: { location: [62422] } }, { influencer: { location: [51477] } })).toBe(
      true,
    )
    expect(yes({ influencer: { location: [51477] } }, { influencer: { location: [62422] } })).toBe(
      false,
    )
    expect(
      yes({ influencer: { location: [51477] } }, { influencer: { location: [51477, 2202162] } }),
    ).toBe(true)
    expect(
      yes(
        { influencer: { followers: { min: 20_000 } } },
        { influencer: { followers: { min: 10_000 } } },
      ),
    ).toBe(true)
    expect(
      yes(
        { influencer: { followers: { min: 5_000 } } },
        { influencer: { followers: { min: 10_000 } } },
      ),
    ).toBe(false)
    expect(yes({ influencer: { gender: 'FEMALE' } }, { influencer: { gender: 'KNOWN' } })).toBe(
      true,
    )
    expect(yes({ influencer: { bio: 'vegan chef' } }, { influencer: { bio: 'chef' } })).toBe(true)
    expect(yes({ influencer: { bio: 'chef' } }, { influencer: { bio: 'vegan chef' } })).toBe(false)
    expect(
      yes(
        { audience: { gender: { id: 'FEMALE', weight: 0.6 } } },
        { audience: { gender: { id: 'FEMALE', weight: 0.5 } } },
      ),
    ).toBe(true)
    const growth = (value: number, operator: 'gte' | 'gt') => ({
      influencer: { followersGrowthRate: { interval: 'i3months' as const, value, operator } },
    })
    expect(yes(growth(0.05, 'gt'), growth(0.05, 'gte'))).toBe(true)
    expect(yes(growth(0.05, 'gte'), growth(0.05, 'gt'))).toBe(false)
    // Matched by meaning: a set of tokens says nothing about another.
    expect(
      yes(
        { influencer: { relevance: ['#vegan'] } },
        { influencer: { relevance: ['#vegan', '#food'] } },
      ),
    ).toBe(false)
  })

  it('drops what Modash ignores on a platform', () => {
    expect(filterTerms('tiktok', { influencer: { accountTypes: [2], isVerified: true } })).toEqual([
      { key: 'influencer.isVerified', value: true },
    ])
  })
})
