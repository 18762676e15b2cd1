import type { Insertable } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatorsTable } from '../../../src/main/db/schema'
import type { ModashReport } from '../../../src/main/providers/modash/schemas'
import { storeReport } from '../../../src/main/services/creator-repository'
import { LOCAL_COUNT_CAP, searchLocally } from '../../../src/main/services/local-search'
import type { LocalSearchOptions } from '../../../src/main/services/local-search'
import { createRng } from '../../../src/main/sandbox/dataset/prng'
import type { Platform } from '../../../src/shared/platforms'
import type { SearchFilters } from '../../../src/shared/search-filters'
import { openTestDb } from '../../helpers/open-test-db'

type Db = Awaited<ReturnType<typeof openTestDb>>
let t: Db
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => {
  await t.cleanup()
})

const AT = '2026-11-01T00:00:00.000Z'
type NewCreator = Insertable<CreatorsTable>
let seq = 0

/** A cached creator; with `bio` (or any report field) it is one whose report was bought. */
function creator(over: Partial<NewCreator> = {}): NewCreator {
  seq += 1
  const reported = over.bio != null || over.country != null || over.language != null
  return {
    platform: 'instagram',
    provider_id: `p${seq}`,
    handle: `h${seq}`,
    followers: 1000 * seq,
    engagement_rate: 0.03,
    has_basic_profile: 1,
    has_detailed_profile: reported || over.gender != null ? 1 : 0,
    detailed_profile_fetched_at: reported ? AT : null,
    email_found: 0,
    basic_fetched_at: AT,
    created_at: AT,
    updated_at: AT,
    ...over,
  }
}

async function insert(...rows: NewCreator[]): Promise<number[]> {
  const out = await t.opened.db.insertInto('creators').values(rows).returning('id').execute()
  return out.map((r) => r.id)
}

/** Many rows at once, straight through SQLite: the cap tests need more than 10,000. */
function insertMany(rows: NewCreator[]): void {
  const columns = Object.keys(rows[0] ?? {}) as (keyof NewCreator)[]
  const statement = t.opened.sqlite.prepare(
    `INSERT INTO creators (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  )
  t.opened.sqlite.transaction(() => {
    for (const row of rows) statement.run(columns.map((c) => row[c] ?? null))
  })()
}

function search(
  filters: SearchFilters,
  options: { platform?: Platform; page?: number; pageSize?: number } & LocalSearchOptions = {},
) {
  const { platform = 'instagram', page = 0, pageSize = 50, ...rest } = options
  return searchLocally(t.opened.db, platform, filters, page, pageSize, rest)
}

const ids = async (filters: SearchFilters, options?: Parameters<typeof search>[1]) =>
  (await search(filters, options)).creators.map((c) => c.id).sort((a, b) => a - b)

describe('local search: bio words', () => {
  it('matches whole words of the bio or name, in any order, as Modash does', async () => {
    const [lyon, cafe, nonvegan, chef] = await insert(
      creator({ bio: 'Vegan chef in Lyon' }),
      creator({ bio: 'Café owner, VEGAN desserts' }),
      creator({ bio: 'Nonvegan recipes' }),
      creator({ bio: 'chef' }),
    )
    expect(await ids({ influencer: { bio: 'vegan' } })).toEqual([lyon, cafe])
    // Modash matches exact words: no word beginnings, accents count.
    expect(await ids({ influencer: { bio: 'VEG' } })).toEqual([])
    expect(await ids({ influencer: { bio: 'vegan chef' } })).toEqual([lyon])
    expect(await ids({ influencer: { bio: 'chef vegan' } })).toEqual([lyon])
    expect(await ids({ influencer: { bio: 'cafe' } })).toEqual([])
    expect(await ids({ influencer: { bio: 'café' } })).toEqual([cafe])
    expect(await ids({ influencer: { bio: 'chef' } })).toEqual([lyon, chef])
    expect(nonvegan).toBeDefined()
  })

  it('takes a word from the name when the bio holds the others', async () => {
    const [named] = await insert(
      creator({ bio: 'Vegan recipes', full_name: 'Chef Ana' }),
      creator({ bio: 'Vegan recipes', full_name: 'Ana' }),
    )
    expect(await ids({ influencer: { bio: 'vegan chef' } })).toEqual([named])
  })

  it('reads full-text syntax in the text as plain words', async () => {
    const [a] = await insert(
      creator({ bio: 'vegan or chef, near paris' }),
      creator({ bio: 'chef' }),
    )
    expect(await ids({ influencer: { bio: '"vegan" OR chef' } })).toEqual([a])
    expect(await ids({ influencer: { bio: 'NEAR(paris' } })).toEqual([a])
    expect(await ids({ influencer: { bio: 'chef*' } })).toHaveLength(2)
  })

  it('ignores text with no letters or digits, as Modash finds no word in it', async () => {
    const found = await insert(creator({ bio: 'Travel | Food' }), creator({ bio: 'Travel, Food' }))
    expect(await ids({ influencer: { bio: '|' } })).toEqual(found)
  })

  it('searches only the platform asked for', async () => {
    const [ig] = await insert(
      creator({ bio: 'dog trainer' }),
      creator({ platform: 'tiktok', bio: 'dog trainer' }),
    )
    expect(await ids({ influencer: { bio: 'dog' } })).toEqual([ig])
  })

  it('follows the bio as reports are stored, replaced and the creator removed', async () => {
    const [id] = await insert(creator())
    expect(await ids({ influencer: { bio: 'surfer' } })).toEqual([])
    await storeReport(t.opened.db, id!, report('Surfer from Biarritz'), AT)
    expect(await ids({ influencer: { bio: 'surfer' } })).toEqual([id])
    await storeReport(t.opened.db, id!, report('Skater from Lyon'), AT)
    expect(await ids({ influencer: { bio: 'surfer' } })).toEqual([])
    expect(await ids({ influencer: { bio: 'skater' } })).toEqual([id])
    await t.opened.db.deleteFrom('creators').where('id', '=', id!).execute()
    expect(await ids({ influencer: { bio: 'skater' } })).toEqual([])
  })

  it('applies the other filters to bio matches and counts them exactly', async () => {
    const [keep] = await insert(
      creator({ bio: 'runner', followers: 50_000, language: 'fr' }),
      creator({ bio: 'runner', followers: 50_000, language: 'en' }),
      creator({ bio: 'runner', followers: 500, language: 'fr' }),
      creator({ bio: 'swimmer', followers: 50_000, language: 'fr' }),
    )
    const r = await search({
      influencer: { bio: 'runner', language: 'fr', followers: { min: 10_000 } },
    })
    expect(r.creators.map((c) => c.id)).toEqual([keep])
    expect(r).toMatchObject({ total: 1, totalIsCapped: false })
  })
})

describe('local search: order and pages', () => {
  it('sorts by followers, most first, ties by id, and pages without overlap', async () => {
    const created = await insert(
      ...[5, 9, 9, 1, 7, 3].map((k) => creator({ followers: k * 1000, bio: 'same words' })),
    )
    const [f5, f9a, f9b, f1, f7, f3] = created
    const expected = [f9a, f9b, f7, f5, f3, f1]
    for (const filters of [{}, { influencer: { bio: 'same' } }] as SearchFilters[]) {
      const first = await search(filters, { pageSize: 4 })
      const second = await search(filters, { pageSize: 4, page: 1 })
      expect([...first.creators, ...second.creators].map((c) => c.id)).toEqual(expected)
      expect(second.total).toBe(6)
    }
  })

  it('sorts ascending, and by engagement rate, when asked', async () => {
    const [low, high, mid] = await insert(
      creator({ followers: 1000, engagement_rate: 0.09 }),
      creator({ followers: 3000, engagement_rate: 0.01 }),
      creator({ followers: 2000, engagement_rate: 0.05 }),
    )
    const asc = await search({ sort: { field: 'followers', direction: 'asc' } })
    expect(asc.creators.map((c) => c.id)).toEqual([low, mid, high])
    const byRate = await search({ sort: { field: 'engagementRate' } })
    expect(byRate.creators.map((c) => c.id)).toEqual([low, mid, high])
  })

  it('answers a page past the end with no creators and the real total', async () => {
    await insert(creator({ bio: 'painter' }), creator({ bio: 'painter' }), creator())
    expect(await search({}, { page: 5, pageSize: 2 })).toMatchObject({ creators: [], total: 3 })
    const bio = await search({ influencer: { bio: 'painter' } }, { page: 5, pageSize: 2 })
    expect(bio).toMatchObject({ creators: [], total: 2 })
  })
})

describe('local search: the count', () => {
  it('counts exactly up to 10,000 and says "at least 10,000" beyond', async () => {
    insertMany(Array.from({ length: LOCAL_COUNT_CAP }, () => creator({ bio: 'baker' })))
    for (const filters of [{}, { influencer: { bio: 'baker' } }] as SearchFilters[]) {
      expect(await search(filters)).toMatchObject({ total: 10_000, totalIsCapped: false })
    }
    insertMany([creator({ bio: 'baker' })])
    for (const filters of [{}, { influencer: { bio: 'baker' } }] as SearchFilters[]) {
      const r = await search(filters, { pageSize: 3 })
      expect(r).toMatchObject({ total: LOCAL_COUNT_CAP, totalIsCapped: true })
      // Still the top of the whole match set, not of the first 10,000 counted.
      expect(r.creators.map((c) => c.followers)).toEqual(
        [seq, seq - 1, seq - 2].map((k) => k * 1000),
      )
    }
  })

  it('gives the same pages and totals as a plain sort of every match, small or large', async () => {
    const rng = createRng(42)
    const rows = Array.from({ length: 12_000 }, (_, i) =>
      creator({
        platform: i % 12 === 0 ? 'tiktok' : 'instagram',
        followers: rng.int(1, 400) * 1000,
        engagement_rate: rng.int(1, 60) / 1000,
        ...(rng.chance(0.3)
          ? {
              gender: rng.pick(['MALE', 'FEMALE', 'UNKNOWN']),
              language: rng.pick(['en', 'fr']),
              country: rng.pick(['US', 'FR', 'DE']),
            }
          : {}),
      }),
    )
    insertMany(rows)
    const all = await t.opened.db.selectFrom('creators').selectAll().execute()
    for (let q = 0; q < 40; q++) {
      const filters: SearchFilters = { influencer: {} }
      const f = filters.influencer!
      if (rng.chance(0.5)) f.followers = { min: rng.int(0, 200) * 1000 }
      if (rng.chance(0.3)) f.engagementRate = rng.int(1, 50) / 1000
      if (rng.chance(0.3)) f.gender = rng.pick(['MALE', 'FEMALE', 'KNOWN'] as const)
      if (rng.chance(0.3)) f.language = rng.pick(['en', 'fr'])
      const countries = rng.chance(0.3) ? [rng.pick(['US', 'FR', 'DE'])] : []
      const matches = all
        .filter((c) => c.platform === 'instagram')
        .filter((c) => f.followers?.min === undefined || (c.followers ?? 0) >= f.followers.min)
        .filter(
          (c) => f.engagementRate === undefined || (c.engagement_rate ?? 0) >= f.engagementRate,
        )
        .filter((c) => f.language === undefined || c.language === f.language)
        .filter((c) =>
          f.gender === undefined
            ? true
            : f.gender === 'KNOWN'
              ? c.gender === 'MALE' || c.gender === 'FEMALE'
              : c.gender === f.gender,
        )
        .filter((c) => countries.length === 0 || countries.includes(c.country ?? ''))
        .sort((a, b) => (b.followers ?? 0) - (a.followers ?? 0) || a.id - b.id)
      for (const page of [0, 3]) {
        const r = await search(filters, { page, pageSize: 25, countries })
        const label = JSON.stringify({ filters, countries, page })
        expect(
          r.creators.map((c) => c.id),
          label,
        ).toEqual(matches.slice(page * 25, page * 25 + 25).map((c) => c.id))
        expect(r.total, label).toBe(Math.min(matches.length, LOCAL_COUNT_CAP))
        expect(r.totalIsCapped, label).toBe(matches.length > LOCAL_COUNT_CAP)
      }
    }
  })
})

describe('local search: filters applied and not', () => {
  it('applies follower ranges, engagement rate, language and gender', async () => {
    const [match] = await insert(
      creator({ followers: 20_000, engagement_rate: 0.05, language: 'en', gender: 'FEMALE' }),
      creator({ followers: 20_000, engagement_rate: 0.05, language: 'en', gender: 'MALE' }),
      creator({ followers: 20_000, engagement_rate: 0.01, language: 'en', gender: 'FEMALE' }),
      creator({ followers: 90_000, engagement_rate: 0.05, language: 'en', gender: 'FEMALE' }),
      creator({ followers: 20_000, engagement_rate: 0.05, language: 'fr', gender: 'FEMALE' }),
    )
    const filters: SearchFilters = {
      influencer: {
        followers: { min: 10_000, max: 50_000 },
        engagementRate: 0.03,
        language: 'en',
        gender: 'FEMALE',
      },
    }
    expect(await ids(filters)).toEqual([match])
  })

  it('keeps men and women for a known gender, not unknown or unreported ones', async () => {
    const [man, woman] = await insert(
      creator({ gender: 'MALE' }),
      creator({ gender: 'FEMALE' }),
      creator({ gender: 'UNKNOWN' }),
      creator(),
    )
    expect(await ids({ influencer: { gender: 'KNOWN' } })).toEqual([man, woman])
  })

  it('applies countries given as codes besides location ids', async () => {
    const [us, us2] = await insert(
      creator({ country: 'US' }),
      creator({ country: 'US' }),
      creator({ country: 'FR' }),
      creator(),
    )
    expect(await ids({}, { countries: ['us'] })).toEqual([us, us2])
    const both = await search({}, { countries: ['US', 'FR'] })
    expect(both.total).toBe(3)
    // The unreported creator may be anywhere.
    expect(both.mayMatch).toEqual({
      count: 1,
      capped: false,
      unknownFilters: [{ filter: 'influencer.location', creators: 1 }],
    })
  })

  it('names every filter the cache can never evaluate, and applies the rest', async () => {
    const r = await search({
      influencer: {
        followers: { min: 1000 },
        relevance: ['@someone'],
        location: [999_999_999],
      },
      audience: { interests: [{ id: 424_242, weight: 0.3 }], credibility: 0.8 },
    })
    expect(r.neverEvaluable).toEqual([
      'audience.interests',
      'influencer.location',
      'influencer.relevance',
    ])
  })
})

function report(bio: string): ModashReport {
  return {
    profile: { userId: 'x', profile: { userId: 'x', followers: 1000 }, bio, country: 'FR' },
  }
}
