import { COUNTRIES } from '../../src/main/sandbox/dataset/dictionaries'
import { createRng, deriveSeed } from '../../src/main/sandbox/dataset/prng'
import type { Rng } from '../../src/main/sandbox/dataset/prng'
import type { Platform } from '../../src/shared/platforms'
import { PLATFORMS } from '../../src/shared/platforms'
import type { InfluencerFilter, SearchFilters } from '../../src/shared/search-filters'

/** One benchmark search: the filters as the app receives them, plus the creator country. */
export interface BenchQuery {
  platform: Platform
  filters: SearchFilters
  /**
   * ISO code of the creator country, or null. The app's filters name places by Modash location
   * id, which the cache cannot translate offline; local search takes the code separately.
   */
  country: string | null
}

const FOLLOWER_MINS = [1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000]
const FOLLOWER_MAXES = [20_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000]
const RATES = [0.01, 0.02, 0.03, 0.05, 0.08]
/**
 * Bio words as a talent manager types them: a niche, a trade, a city (each in 1 to 6 % of the
 * generator's bios), and two looser words in about 12 %.
 */
const BIO_WORDS = [
  'skincare',
  'makeup',
  'trainer',
  'yoga',
  'chef',
  'foodie',
  'photographer',
  'nomad',
  'reviewer',
  'engineer',
  'streamer',
  'gamer',
  'fashion',
  'thrift',
  'mom',
  'dad',
  'producer',
  'dog',
  'cat',
  'london',
  'paris',
  'tokyo',
  'miami',
  'coffee',
  'creator',
]

/** Filler words found in a quarter to two fifths of bios: the worst case for a bio search. */
export const COMMON_BIO_WORDS = ['life', 'collabs', 'based']

/**
 * Seeded searches with random filter combinations: each filter is present or not independently,
 * so the set mixes broad searches (a platform and a follower range) with narrow ones (a small
 * country, a language, a gender and a bio word together).
 */
export function searchQueries(count: number, seed: number): BenchQuery[] {
  const rng = createRng(deriveSeed(seed, 'search-queries'))
  return Array.from({ length: count }, () => oneQuery(rng))
}

function oneQuery(rng: Rng): BenchQuery {
  const platform = rng.pick(PLATFORMS)
  const influencer: InfluencerFilter = {}
  if (rng.chance(0.6)) {
    const min = rng.chance(0.8) ? rng.pick(FOLLOWER_MINS) : undefined
    const maxes = FOLLOWER_MAXES.filter((m) => min === undefined || m > min)
    const max = min === undefined || rng.chance(0.5) ? rng.pick(maxes) : undefined
    influencer.followers = {
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    }
  }
  if (rng.chance(0.35)) influencer.engagementRate = rng.pick(RATES)
  const country = rng.chance(0.35) ? rng.weighted(COUNTRIES.map((c) => [c, c.weight])) : null
  if (country !== null) influencer.location = [country.id]
  if (rng.chance(0.3)) {
    const spoken = country?.languages ?? [
      ['en', 6],
      ['es', 1],
      ['pt', 1],
      ['de', 1],
      ['fr', 1],
      ['ja', 0.3],
      ['pl', 0.3],
    ]
    influencer.language = rng.weighted(spoken)
  }
  if (rng.chance(0.3)) influencer.gender = rng.pick(['MALE', 'FEMALE', 'KNOWN'] as const)
  if (rng.chance(0.3)) influencer.bio = rng.pick(BIO_WORDS)
  return { platform, filters: { influencer }, country: country?.code ?? null }
}
