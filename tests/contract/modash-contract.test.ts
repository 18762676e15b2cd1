import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ProviderError } from '../../src/main/providers/provider-error'
import { CONTRACT_TOKEN, contractClient } from './contract-client'
import { startFixtureServer } from './fixture-server'
import type { FixtureServer } from './fixture-server'
import { fixture, fixtureText } from './fixtures'

/**
 * The Modash client against recorded bodies (`tests/fixtures/modash`), live-shaped and
 * docs-shaped alike (`docs/providers.md` §1.6–1.13), over real loopback HTTP. Every expectation is
 * derived from the fixture it reads, so editing a fixture keeps the test honest.
 */

type Json = Record<string, unknown>
interface RawHit {
  userId?: unknown
  profile?: Json
}
interface RawPage {
  total: number
  isExactMatch?: boolean
  directs: (RawHit | null)[]
  lookalikes: (RawHit | null)[]
}
interface RawReport {
  profile: Json & { userId: string; profile: Json; audience: Json }
}

/** The profile fields the app reads: each must come back as its value, or null. */
const PROFILE_FIELDS = [
  'fullname',
  'username',
  'handle',
  'url',
  'picture',
  'followers',
  'engagements',
  'engagementRate',
  'averageViews',
  'isVerified',
  'isPrivate',
] as const

/** Every top-level key of the recorded live report (`docs/providers.md` §1.13). */
const LIVE_REPORT_KEYS = [
  'userId',
  'profile',
  'isPrivate',
  'isVerified',
  'language',
  'gender',
  'contacts',
  'ageGroup',
  'accountType',
  'postsCount',
  'avgReelsPlays',
  'bio',
  'interests',
  'brandAffinity',
  'hashtags',
  'mentions',
  'lookalikes',
  'stats',
  'audience',
  'audienceLikers',
  'avgLikes',
  'avgComments',
  'popularPosts',
  'recentPosts',
  'sponsoredPosts',
  'statHistory',
  'paidPostPerformance',
  'paidPostPerformanceViews',
  'sponsoredPostsMedianViews',
  'sponsoredPostsMedianLikes',
  'nonSponsoredPostsMedianViews',
  'nonSponsoredPostsMedianLikes',
  'audienceExtra',
  'statsByContentType',
]

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(async () => {
  await server.close()
})
let requestsBefore = 0
beforeEach(() => {
  requestsBefore = server.requests().length
})
/** Requests the server saw during this test. */
const newRequests = () => server.requests().slice(requestsBefore)

/** Answers the route with a fixture's bytes, exactly as recorded. */
function serve(route: string, name: string): void {
  server.answer(route, { status: 200, text: fixtureText(name) })
}

const usableId = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== ''

/** What the client must make of a profile: the app's fields as sent (or null), the id set. */
function expectedProfile(raw: Json, userId: string, invalid: readonly string[] = []) {
  const fields = Object.fromEntries(
    PROFILE_FIELDS.map((f) => [f, invalid.includes(f) ? null : (raw[f] ?? null)]),
  )
  return expect.objectContaining({ ...fields, userId }) as unknown
}

/** What the client must make of a hit: dropped without a usable id, else read as above. */
function expectedHits(raw: (RawHit | null)[], invalidByUsername: Record<string, string[]> = {}) {
  return raw.flatMap((hit) => {
    const inner = hit?.profile ?? {}
    const userId = usableId(hit?.userId) ? hit.userId : inner.userId
    if (!usableId(userId)) return []
    const invalid = invalidByUsername[String(inner.username ?? inner.fullname)] ?? []
    return [
      {
        userId,
        profile: expectedProfile(inner, userId, invalid),
        invalidFields: expect.arrayContaining(invalid) as unknown,
      },
    ]
  })
}

describe('search pages', () => {
  it('reads a live broad Instagram page: the index size as total, no ids inside profiles', async () => {
    const raw = fixture<RawPage>('search/instagram-live-broad')
    // What makes this the live shape (§1.13); guarded so the fixture cannot drift from it.
    expect(raw).toMatchObject({ total: 59_536_871, isExactMatch: false, directs: [] })
    expect(raw.lookalikes).toHaveLength(15)
    expect(raw.lookalikes.every((h) => h?.profile && !('userId' in h.profile))).toBe(true)
    expect(raw.lookalikes.every((h) => h && !('match' in h))).toBe(true)

    serve('POST /instagram/search', 'search/instagram-live-broad')
    const res = await contractClient(server).search('instagram', { page: 0, filter: {} })
    expect(res.raw).toEqual(raw)
    expect(res.data.total).toBe(raw.total)
    expect(res.data.isExactMatch).toBe(false)
    expect(res.data.directs).toEqual([])
    expect(res.data.unreadableRows).toBe(0)
    expect(res.data.lookalikes).toEqual(expectedHits(raw.lookalikes))
    for (const hit of res.data.lookalikes) expect(hit.invalidFields).toEqual([])
    expect(res.meta).toMatchObject({ httpStatus: 200, attempts: 1 })
  })

  it('still reads the docs-shaped page: id repeated inside the profile, a match object', async () => {
    const raw = fixture<RawPage>('search/instagram-docs')
    expect(raw.lookalikes.every((h) => h?.profile?.userId === h?.userId)).toBe(true)
    serve('POST /instagram/search', 'search/instagram-docs')
    const res = await contractClient(server).search('instagram', { page: 0, filter: {} })
    expect(res.raw).toEqual(raw)
    expect(res.data).toMatchObject({ total: raw.total, isExactMatch: true, unreadableRows: 0 })
    expect(res.data.lookalikes).toEqual(expectedHits(raw.lookalikes))
  })

  it('keeps directs apart from lookalikes', async () => {
    const raw = fixture<RawPage>('search/instagram-live-directs')
    expect(raw.directs.length).toBeGreaterThan(0)
    serve('POST /instagram/search', 'search/instagram-live-directs')
    const res = await contractClient(server).search('instagram', { page: 0, filter: {} })
    expect(res.data.directs).toEqual(expectedHits(raw.directs))
    expect(res.data.lookalikes).toEqual(expectedHits(raw.lookalikes))
    expect(res.data.total).toBe(raw.total)
  })

  it.each([
    ['tiktok', 'search/tiktok-live'],
    ['youtube', 'search/youtube-live'],
  ] as const)('reads a %s page with its average views (and YouTube handle)', async (p, name) => {
    const raw = fixture<RawPage>(name)
    expect(raw.lookalikes.every((h) => typeof h?.profile?.averageViews === 'number')).toBe(true)
    if (p === 'youtube') expect(raw.lookalikes.every((h) => h?.profile?.handle)).toBe(true)
    serve(`POST /${p}/search`, name)
    const res = await contractClient(server).search(p, { page: 0, filter: {} })
    expect(res.raw).toEqual(raw)
    expect(res.data.total).toBe(raw.total)
    expect(res.data.lookalikes).toEqual(expectedHits(raw.lookalikes))
  })

  it('reads an empty page', async () => {
    serve('POST /instagram/search', 'search/instagram-empty')
    const res = await contractClient(server).search('instagram', { page: 0, filter: {} })
    expect(res.data).toMatchObject({ total: 0, directs: [], lookalikes: [], unreadableRows: 0 })
  })

  it('keeps a page with bad rows: bad fields become null and are named, id-less rows are counted', async () => {
    const raw = fixture<RawPage>('search/instagram-malformed-rows')
    // What each bad row carries, by its username (or name where the username is missing).
    const invalid: Record<string, string[]> = {
      'negative.count.fx': ['followers'],
      'count.as.text.fx': ['followers'],
      'wrong.types.fx': ['engagementRate', 'engagements', 'isVerified'],
    }
    const all = [...raw.directs, ...raw.lookalikes]
    const unreadable = all.filter((h) => !usableId(h?.userId) && !usableId(h?.profile?.userId))
    expect(unreadable.length).toBeGreaterThanOrEqual(3)

    serve('POST /instagram/search', 'search/instagram-malformed-rows')
    const res = await contractClient(server).search('instagram', { page: 0, filter: {} })
    expect(res.data.unreadableRows).toBe(unreadable.length)
    expect(res.data.directs).toEqual(expectedHits(raw.directs, invalid))
    expect(res.data.lookalikes).toEqual(expectedHits(raw.lookalikes, invalid))
    for (const hit of [...res.data.directs, ...res.data.lookalikes]) {
      const expected = invalid[String(hit.profile.username ?? hit.profile.fullname)] ?? []
      expect([...hit.invalidFields].sort()).toEqual([...expected].sort())
    }
    // A missing field is unknown, not invalid; an id found only inside the profile is used.
    const noUsername = res.data.lookalikes.find((h) => h.profile.fullname === 'No Username Here')
    expect(noUsername?.profile.username).toBeNull()
    const idInside = raw.lookalikes.find((h) => h && !h.userId && usableId(h.profile?.userId))
    expect(res.data.lookalikes.map((h) => h.userId)).toContain(idInside?.profile?.userId)
  })

  it.each(Object.keys(fixture<Json>('search/rejected-bodies')))(
    'rejects a 200 whose body is %s as malformed_response, once, never retried',
    async (which) => {
      const body = fixture<Json>('search/rejected-bodies')[which]
      server.answer('POST /instagram/search', { status: 200, body })
      const error = await contractClient(server)
        .search('instagram', { page: 0, filter: {} })
        .then(
          () => null,
          (e: unknown) => e,
        )
      expect(error).toBeInstanceOf(ProviderError)
      expect(error).toMatchObject({
        code: 'PROVIDER_ERROR',
        providerCode: 'malformed_response',
        httpStatus: 200,
        attempts: 1,
        // Modash billed the page it answered, whatever became of it.
        billed: 'uncertain',
      })
      expect(newRequests()).toHaveLength(1)
    },
  )
})

describe('reports', () => {
  const route = (platform: string, id: string) => `GET /${platform}/profile/${id}/report`

  it('reads the rich live Instagram report, keeping every key', async () => {
    const raw = fixture<RawReport>('report/instagram-live')
    const p = raw.profile
    // The live traits this fixture stands for (§1.13).
    for (const key of LIVE_REPORT_KEYS) expect(p, key).toHaveProperty(key)
    expect(p.profile).not.toHaveProperty('userId')
    expect(p).not.toHaveProperty('city')
    expect(p).not.toHaveProperty('country')
    expect(p.contacts).toEqual([{ type: 'youtube', value: expect.any(String) as unknown }])
    const stats = p.stats as Record<string, { compared: number }>
    expect(Object.values(stats).some((s) => s.compared < 0)).toBe(true)

    serve(route('instagram', p.userId), 'report/instagram-live')
    const res = await contractClient(server).report('instagram', p.userId)
    expect(res.raw).toEqual(raw)
    const data = res.data.profile as unknown as Json
    expect(data.userId).toBe(p.userId)
    expect(data.profile).toEqual(expectedProfile(p.profile, p.userId))
    expect(data).toMatchObject({
      bio: p.bio,
      description: null,
      city: null,
      country: null,
      gender: p.gender,
      language: p.language,
      isPrivate: p.isPrivate,
      isVerified: p.isVerified,
      contacts: p.contacts,
    })
    expect(data.audience).toMatchObject({
      credibility: p.audience.credibility,
      genders: p.audience.genders,
      ages: p.audience.ages,
      geoCountries: p.audience.geoCountries,
      languages: p.audience.languages,
      // Loose: what the app does not read yet is kept, not stripped.
      audienceTypes: p.audience.audienceTypes,
      audienceReachability: p.audience.audienceReachability,
    })
    for (const key of LIVE_REPORT_KEYS.filter((k) => !['profile', 'audience'].includes(k)))
      expect(data[key], key).toEqual(p[key])
  })

  it('still reads the docs-shaped report (§1.7) with its location and email', async () => {
    const raw = fixture<RawReport>('report/instagram-docs')
    const p = raw.profile
    expect(p.profile.userId).toBe(p.userId)
    serve(route('instagram', p.userId), 'report/instagram-docs')
    const res = await contractClient(server).report('instagram', p.userId)
    expect(res.raw).toEqual(raw)
    expect(res.data.profile).toMatchObject({
      userId: p.userId,
      profile: expectedProfile(p.profile, p.userId),
      bio: p.bio,
      city: p.city,
      country: p.country,
      gender: p.gender,
      language: p.language,
      contacts: p.contacts,
      audience: { credibility: p.audience.credibility, genders: p.audience.genders },
    })
  })

  it.each([
    ['tiktok', 'report/tiktok-live'],
    ['youtube', 'report/youtube-live'],
  ] as const)('reads a %s report with its own extras', async (platform, name) => {
    const raw = fixture<RawReport>(name)
    const p = raw.profile
    expect(p).toHaveProperty('totalViews')
    serve(route(platform, p.userId), name)
    const res = await contractClient(server).report(platform, p.userId)
    expect(res.raw).toEqual(raw)
    expect(res.data.profile).toMatchObject({
      userId: p.userId,
      profile: expectedProfile(p.profile, p.userId),
      bio: p.bio ?? null,
      description: p.description ?? null,
      totalViews: p.totalViews,
      country: p.country ?? null,
      city: p.city ?? null,
    })
    if (platform === 'youtube') expect(res.data.profile.profile.handle).toBe(p.profile.handle)
  })

  it('takes the requested id when the report carries none', async () => {
    const raw = fixture<RawReport>('report/instagram-live')
    const requested = raw.profile.userId
    const { userId: _dropped, ...rest } = raw.profile
    server.answer(route('instagram', requested), { status: 200, body: { ...raw, profile: rest } })
    const res = await contractClient(server).report('instagram', requested)
    expect(res.data.profile.userId).toBe(requested)
    expect(res.data.profile.profile.userId).toBe(requested)
  })

  it('reads a report with wrong values as unknowns instead of refusing it', async () => {
    const raw = fixture<RawReport>('report/instagram-wrong-fields')
    const p = raw.profile
    serve(route('instagram', p.userId), 'report/instagram-wrong-fields')
    const res = await contractClient(server).report('instagram', p.userId)
    expect(res.raw).toEqual(raw)
    expect(res.data.profile).toMatchObject({
      userId: p.userId,
      profile: expectedProfile(p.profile, p.userId, ['followers', 'isVerified']),
      isVerified: null,
      gender: null,
      language: null,
      contacts: null,
      city: null,
      bio: p.bio,
      audience: { credibility: null, genders: p.audience.genders },
    })
  })
})

describe('lookups', () => {
  it.each(['users/instagram-picture', 'users/instagram-profile-picture'])(
    'reads users from %s, whichever picture key it uses',
    async (name) => {
      const raw = fixture<{ users: Json[] }>(name)
      serve('GET /instagram/users', name)
      const res = await contractClient(server).users('instagram', 'fx', 5)
      expect(res.data.users).toEqual(raw.users.map((u) => expect.objectContaining(u) as unknown))
      expect(newRequests()[0]?.query).toEqual({ query: 'fx', limit: '5' })
    },
  )

  it.each(['locations', 'languages', 'interests', 'brands'] as const)(
    'reads the %s dictionary',
    async (kind) => {
      const raw = fixture<Json>(`dictionaries/${kind}`)
      serve(`GET /youtube/${kind}`, `dictionaries/${kind}`)
      const res = await contractClient(server).dictionary('youtube', kind, 'lo', 2)
      expect(res.data).toEqual(raw[kind])
      expect(newRequests()[0]?.query).toEqual({ query: 'lo', limit: '2' })
    },
  )

  it.each([
    'user-info/with-error-field',
    'user-info/without-error-field',
    'user-info/negative-balances',
  ])('reads the balance from %s', async (name) => {
    const raw = fixture<{ billing: { credits: number; rawRequests: number } }>(name)
    serve('GET /user/info', name)
    const res = await contractClient(server).userInfo()
    expect(res.data.billing.credits).toBe(raw.billing.credits)
    expect(res.data.billing.rawRequests).toBe(raw.billing.rawRequests)
  })
})

describe('every request', () => {
  it('carries the token as a Bearer header and never in the URL', async () => {
    serve('GET /user/info', 'user-info/with-error-field')
    serve('POST /instagram/search', 'search/instagram-live-broad')
    const client = contractClient(server)
    await client.userInfo()
    await client.search('instagram', { page: 0, filter: {} })
    const seen = newRequests()
    expect(seen).toHaveLength(2)
    for (const r of seen) {
      expect(r.headers.authorization).toBe(`Bearer ${CONTRACT_TOKEN}`)
      expect(`${r.path}?${new URLSearchParams(r.query).toString()}`).not.toContain(CONTRACT_TOKEN)
    }
    expect(JSON.parse(seen[1]?.body ?? 'null')).toEqual({ page: 0, filter: {} })
  })
})
