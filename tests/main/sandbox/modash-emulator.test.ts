import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDataset } from '../../../src/main/sandbox/dataset/generate-dataset'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'
import { startModashEmulator } from '../../../src/main/sandbox/modash-emulator'
import type { ModashEmulator } from '../../../src/main/sandbox/modash-emulator'
import { INDEX_SIZES } from '../../../src/main/sandbox/modash-emulator/search-scope'

const TOKEN = 'emu-test-token'
const dataset = generateDataset({ seed: 11, perPlatform: 400 })
const instagram = dataset.filter((c) => c.platform === 'instagram')

interface Hit {
  userId: string
  profile: Record<string, unknown>
}
interface SearchPage {
  error: false
  total: number
  isExactMatch: boolean
  directs: Hit[]
  lookalikes: Hit[]
}
interface Envelope {
  error: boolean
  code?: string
  message?: string
}

let emu: ModashEmulator
beforeAll(async () => {
  emu = await startModashEmulator({ dataset, tokens: { [TOKEN]: 1_000_000_000 } })
})
afterAll(async () => {
  await emu.close()
})

function request(
  e: ModashEmulator,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<Response> {
  return fetch(`${e.baseUrl}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T
}

async function search(body: unknown, e = emu, token = TOKEN, platform = 'instagram') {
  const res = await request(e, 'POST', `/${platform}/search`, body, token)
  return { status: res.status, body: await json<SearchPage & Envelope>(res) }
}

/**
 * Every page of a search, in order. A narrow query's `total` counts its matches; a broad one's
 * is Modash's whole index, so those are read page by page until one comes back short.
 */
async function searchAll(filter: unknown, extra: Record<string, unknown> = {}): Promise<Hit[]> {
  const first = await search({ page: 0, filter, ...extra })
  expect(first.status).toBe(200)
  const pages = [first]
  if (first.body.isExactMatch) {
    const count = Math.ceil(first.body.total / 15)
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, count - 1) }, (_, i) =>
        search({ page: i + 1, filter, ...extra }),
      ),
    )
    pages.push(...rest)
  } else {
    while (hitsOf(pages.at(-1)?.body).length === 15)
      pages.push(await search({ page: pages.length, filter, ...extra }))
  }
  expect(pages.every((r) => r.status === 200)).toBe(true)
  const hits = pages.flatMap((r) => hitsOf(r.body))
  if (first.body.isExactMatch) expect(hits).toHaveLength(first.body.total)
  expect(pages.slice(0, -1).every((r) => hitsOf(r.body).length === 15)).toBe(true)
  return hits
}

/** A page's hits in Modash's order: the directs, then the lookalikes. */
const hitsOf = (page: SearchPage | undefined): Hit[] => [
  ...(page?.directs ?? []),
  ...(page?.lookalikes ?? []),
]

async function expectMatches(filter: unknown, keep: (c: SandboxCreator) => boolean) {
  const expected = instagram.filter(keep).map((c) => c.userId)
  expect(expected.length).toBeGreaterThan(0)
  expect(expected.length).toBeLessThan(instagram.length)
  const ids = (await searchAll(filter)).map((h) => h.userId)
  expect([...ids].sort()).toEqual([...expected].sort())
}

const share = (list: readonly { code: string; weight: number }[], code: string) =>
  list.find((x) => x.code === code)?.weight ?? 0

describe('auth and routing', () => {
  it('serves /health without a token', async () => {
    const res = await request(emu, 'GET', '/health', undefined, null)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('refuses a missing or unknown token with api_token_invalid', async () => {
    for (const token of [null, 'nope']) {
      const res = await request(emu, 'GET', '/user/info', undefined, token)
      expect(res.status).toBe(401)
      expect(await json<Envelope>(res)).toMatchObject({ error: true, code: 'api_token_invalid' })
    }
  })

  it('accepts the token as an access_token query parameter too', async () => {
    const res = await fetch(`${emu.baseUrl}/instagram/languages?access_token=${TOKEN}`)
    expect(res.status).toBe(200)
    expect(emu.calls().at(-1)).toMatchObject({ route: 'dictionary', auth: 'query', token: TOKEN })
  })

  it('answers an unknown platform with bad_request and an unknown route with 404', async () => {
    const bad = await request(emu, 'POST', '/facebook/search', { page: 0 })
    expect(bad.status).toBe(400)
    expect(await json<Envelope>(bad)).toMatchObject({ code: 'bad_request' })
    for (const [method, path] of [
      ['GET', '/instagram/search'],
      ['GET', '/instagram/nothing'],
      ['GET', '/instagram/profile/1/summary'],
    ] as const) {
      expect((await request(emu, method, path)).status).toBe(404)
    }
    expect((await fetch(emu.baseUrl.replace(/\/v1$/, '/v2/health'))).status).toBe(404)
  })
})

describe('search validation', () => {
  const invalid: [string, unknown][] = [
    ['page is a string', { page: '1' }],
    ['page beyond 665', { page: 666 }],
    ['negative page', { page: -1 }],
    ['unknown top-level key', { page: 0, pageSize: 5 }],
    ['unknown influencer key', { filter: { influencer: { folowers: { min: 1 } } } }],
    ['bad gender enum', { filter: { influencer: { gender: 'OTHER' } } }],
    ['lastposted under 30', { filter: { influencer: { lastposted: 10 } } }],
    ['age not a band edge', { filter: { influencer: { age: { min: 20 } } } }],
    ['sort by keywords without keywords', { sort: { field: 'keywords' } }],
    [
      'sort by audienceGeo without value',
      {
        sort: { field: 'audienceGeo' },
        filter: { audience: { location: [{ id: 148838, weight: 0.2 }] } },
      },
    ],
    ['unknown sort field', { sort: { field: 'likes' } }],
    ['calculationMethod enum', { calculationMethod: 'mean' }],
    ['weight above 1', { filter: { audience: { gender: { id: 'MALE', weight: 2 } } } }],
    ['not JSON', '{"page": 0'],
  ]
  it.each(invalid)('refuses %s with invalid_body_params, free of charge', async (_, body) => {
    const before = emu.balance(TOKEN)
    const res =
      typeof body === 'string'
        ? await fetch(`${emu.baseUrl}/instagram/search`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKEN}` },
            body,
          })
        : await request(emu, 'POST', '/instagram/search', body)
    expect(res.status).toBe(400)
    expect(await json<Envelope>(res)).toMatchObject({ error: true, code: 'invalid_body_params' })
    expect(emu.balance(TOKEN)).toBe(before)
    expect(emu.calls().at(-1)).toMatchObject({ status: 400, costMilliCredits: 0 })
  })

  it('accepts a sort that has its filter, and an empty body', async () => {
    expect((await search({})).status).toBe(200)
    const ok = await search({
      sort: { field: 'audienceGeo', value: 148838 },
      filter: { audience: { location: [{ id: 148838, weight: 0.2 }] } },
    })
    expect(ok.status).toBe(200)
  })
})

describe('search results', () => {
  it('pages the whole platform in followers order, 15 at a time', async () => {
    const first = await search({ page: 0 })
    expect(first.body.lookalikes).toHaveLength(15)
    const all = await searchAll(undefined)
    const expected = [...instagram].sort(
      (a, b) => b.followers - a.followers || (a.userId < b.userId ? -1 : 1),
    )
    expect(all.map((h) => h.userId)).toEqual(expected.map((c) => c.userId))
  })

  it('answers a broad query with the index size, and pages past the dataset empty', async () => {
    // The size a recorded live Instagram query answered (`docs/providers.md` §1.13).
    expect(INDEX_SIZES.instagram).toBe(59_536_871)
    for (const platform of ['instagram', 'tiktok', 'youtube'] as const) {
      const broad = await search({ page: 0 }, emu, TOKEN, platform)
      expect(broad.body).toMatchObject({
        error: false,
        total: INDEX_SIZES[platform],
        isExactMatch: false,
        directs: [],
      })
      expect(Object.keys(broad.body).sort()).toEqual(
        ['directs', 'error', 'isExactMatch', 'lookalikes', 'total'].sort(),
      )
    }
    const byFollowers = await search({
      page: 0,
      filter: { influencer: { followers: { min: 10_000 } } },
    })
    expect(byFollowers.body).toMatchObject({ total: INDEX_SIZES.instagram, isExactMatch: false })
    const before = emu.balance(TOKEN)
    const beyond = await search({ page: 30 })
    expect(beyond.status).toBe(200)
    expect(beyond.body).toMatchObject({ total: INDEX_SIZES.instagram, directs: [], lookalikes: [] })
    expect(emu.balance(TOKEN)).toBe(before)
  })

  it('answers a narrower query with the number of matches, exactly', async () => {
    const filter = { influencer: { gender: 'FEMALE', followers: { min: 10_000 } } }
    const expected = instagram.filter((c) => c.gender === 'FEMALE' && c.followers >= 10_000)
    const page = await search({ page: 0, filter })
    expect(page.body).toMatchObject({ total: expected.length, isExactMatch: true })
    const audience = await search({ page: 0, filter: { audience: { credibility: 0.9 } } })
    expect(audience.body).toMatchObject({
      total: instagram.filter((c) => c.audience.credibility >= 0.9).length,
      isExactMatch: true,
    })
  })

  it('lists the accounts a relevance filter names exactly as directs, the rest as lookalikes', async () => {
    const [a, b] = instagram.filter((c) => c.niche === 'fitness')
    if (!a || !b) throw new Error('the dataset has no two fitness creators')
    const relevance = [`@${a.username}`, `@${b.username.toUpperCase()}`, '@nobody.here.at.all']
    const sameNiche = instagram.filter((c) => c.niche === 'fitness')
    const page = await search({ page: 0, filter: { influencer: { relevance } } })
    expect(page.body.total).toBe(sameNiche.length)
    expect(page.body.isExactMatch).toBe(true)
    expect(page.body.directs.map((h) => h.userId).sort()).toEqual([a.userId, b.userId].sort())
    expect(page.body.lookalikes).toHaveLength(13)
    const lookalikeIds = page.body.lookalikes.map((h) => h.userId)
    expect(lookalikeIds).not.toContain(a.userId)
    expect(lookalikeIds).not.toContain(b.userId)
    // Directs are billed like any other result.
    expect(emu.calls().at(-1)).toMatchObject({ costMilliCredits: 150 })
    const all = await searchAll({ influencer: { relevance } })
    expect(new Set(all.map((h) => h.userId)).size).toBe(sameNiche.length)
    // A hashtag names no account: every hit is a lookalike.
    const hashtag = await search({ page: 0, filter: { influencer: { relevance: ['#skincare'] } } })
    expect(hashtag.body.directs).toEqual([])
  })

  it('sends hits in the live shape: the id on the hit, none inside the profile', async () => {
    const ig = (await search({ page: 0 })).body.lookalikes[0]
    const c = instagram.find((x) => x.userId === ig?.userId)
    expect(ig && Object.keys(ig).sort()).toEqual(['profile', 'userId'])
    expect(ig?.profile).toEqual({
      engagementRate: c?.engagementRate,
      engagements: c?.engagements,
      followers: c?.followers,
      fullname: c?.fullname,
      url: `https://www.instagram.com/${c?.username}/`,
      username: c?.username,
      isVerified: c?.isVerified,
      isPrivate: false,
      picture: expect.stringMatching(/^https:\/\//) as unknown,
    })
    const yt = (await search({ page: 0 }, emu, TOKEN, 'youtube')).body.lookalikes[0]
    const ytCreator = dataset.find((x) => x.platform === 'youtube' && x.userId === yt?.userId)
    expect(yt?.profile).toMatchObject({
      averageViews: ytCreator?.averageViews,
      handle: ytCreator?.handle,
    })
    expect(yt?.profile).not.toHaveProperty('userId')
    const tt = (await search({ page: 0 }, emu, TOKEN, 'tiktok')).body.lookalikes[0]
    expect(tt?.profile).toHaveProperty('averageViews')
    expect(tt?.profile).not.toHaveProperty('handle')
    expect(tt?.profile).not.toHaveProperty('userId')
  })

  it('rounds follower bounds as Modash does before filtering', async () => {
    // 12,345 → 10,000 and 48,200 → 50,000; 3,400 → 3,000 below 5k.
    await expectMatches(
      { influencer: { followers: { min: 12_345, max: 48_200 } } },
      (c) => c.followers >= 10_000 && c.followers <= 50_000,
    )
    await expectMatches({ influencer: { followers: { max: 3_400 } } }, (c) => c.followers <= 3_000)
  })

  it.each<[string, unknown, (c: SandboxCreator) => boolean]>([
    ['engagement rate', { engagementRate: 0.04 }, (c) => c.engagementRate >= 0.04],
    ['country id', { location: [148838] }, (c) => c.country === 'US'],
    ['city id', { location: [51800] }, (c) => c.city === 'London'],
    ['language', { language: 'es' }, (c) => c.language === 'es'],
    ['gender', { gender: 'FEMALE' }, (c) => c.gender === 'FEMALE'],
    ['known gender', { gender: 'KNOWN' }, (c) => c.gender !== 'UNKNOWN'],
    ['age band', { age: { min: 25, max: 35 } }, (c) => c.ageGroup === '25-34'],
    [
      'bio words',
      { bio: 'Yoga teacher' },
      (c) =>
        /\byoga\b/i.test(`${c.bio} ${c.fullname}`) && /\bteacher\b/i.test(`${c.bio} ${c.fullname}`),
    ],
    [
      'caption keywords',
      { keywords: 'skincare routine' },
      (c) => c.recentPosts.some((p) => p.text.includes('skincare routine')),
    ],
    ['hashtag relevance', { relevance: ['#skincare'] }, (c) => c.hashtags.includes('skincare')],
    [
      'email must',
      { hasContactDetails: [{ contactType: 'email', filterAction: 'must' }] },
      (c) => c.contacts.length > 0,
    ],
    [
      'email not',
      { hasContactDetails: [{ contactType: 'email', filterAction: 'not' }] },
      (c) => c.contacts.length === 0,
    ],
    ['verified', { isVerified: true }, (c) => c.isVerified],
    ['account type', { accountTypes: [3] }, (c) => c.accountType === 3],
    ['interest', { interests: [13] }, (c) => c.interests.includes(13)],
    ['last posted', { lastposted: 30 }, (c) => c.lastPostedDaysAgo <= 30],
    [
      'growth',
      { followersGrowthRate: { interval: 'i3months', value: 0.1, operator: 'gte' } },
      (c) => (1 + c.followersGrowth) ** 3 - 1 >= 0.1,
    ],
  ])('filters by %s', async (_, influencer, keep) => {
    await expectMatches({ influencer }, keep)
  })

  it.each<[string, unknown, (c: SandboxCreator) => boolean]>([
    ['credibility', { credibility: 0.8 }, (c) => c.audience.credibility >= 0.8],
    [
      'audience country share',
      { location: [{ id: 148838, weight: 0.5 }] },
      (c) => share(c.audience.geoCountries, 'US') >= 0.5,
    ],
    [
      'audience gender share',
      { gender: { id: 'FEMALE', weight: 0.7 } },
      (c) => share(c.audience.genders, 'FEMALE') >= 0.7,
    ],
    [
      'audience language share (default weight 0.2)',
      { language: { id: 'es' } },
      (c) => share(c.audience.languages, 'es') >= 0.2,
    ],
    [
      'audience age (OR of items)',
      {
        age: [
          { id: '18-24', weight: 0.4 },
          { id: '45-64', weight: 0.2 },
        ],
      },
      (c) => share(c.audience.ages, '18-24') >= 0.4 || share(c.audience.ages, '45-64') >= 0.2,
    ],
  ])('filters by %s', async (_, audience, keep) => {
    await expectMatches({ audience }, keep)
  })

  it('ANDs filters together', async () => {
    await expectMatches(
      { influencer: { location: [148838], gender: 'FEMALE' }, audience: { credibility: 0.7 } },
      (c) => c.country === 'US' && c.gender === 'FEMALE' && c.audience.credibility >= 0.7,
    )
  })

  it('honours or/not filter operations', async () => {
    await expectMatches(
      {
        influencer: {
          language: 'es',
          location: [59470],
          isVerified: true,
          filterOperations: [
            { operator: 'or', filter: 'language' },
            { operator: 'or', filter: 'location' },
            { operator: 'not', filter: 'isVerified' },
          ],
        },
      },
      (c) => (c.language === 'es' || c.country === 'BR') && !c.isVerified,
    )
  })

  it('orders by the requested sort, ties broken by followers then userId', async () => {
    const asc = await searchAll(undefined, { sort: { field: 'engagementRate', direction: 'asc' } })
    const rates = asc.map((h) => h.profile.engagementRate as number)
    expect(rates).toEqual([...rates].sort((a, b) => a - b))
    const geo = await searchAll(
      { audience: { location: [{ id: 148838, weight: 0.3 }] } },
      { sort: { field: 'audienceGeo', value: 148838 } },
    )
    const byId = new Map(instagram.map((c) => [c.userId, c]))
    const shares = geo.map((h) => share(byId.get(h.userId)?.audience.geoCountries ?? [], 'US'))
    expect(shares).toEqual([...shares].sort((a, b) => b - a))
  })
})

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

describe('reports, users, dictionaries, user info', () => {
  const c = instagram[5] as SandboxCreator
  /** A creator with a known location and an email, so every optional part is there. */
  const located = instagram.find(
    (x) => x.country !== null && x.city !== null && x.contacts.length > 0 && !x.youtubeLink,
  ) as SandboxCreator

  /** A report body from the shared emulator. */
  const reportOf = async (x: SandboxCreator) => {
    const res = await request(emu, 'GET', `/${x.platform}/profile/${x.userId}/report`)
    expect(res.status).toBe(200)
    return (await json<{ error: false; profile: Record<string, unknown> }>(res)).profile
  }

  it('builds the full report from the dataset, in the live shape', async () => {
    const p = await reportOf(located)
    expect(p).toMatchObject({
      userId: located.userId,
      profile: {
        username: located.username,
        followers: located.followers,
        avgLikes: located.avgLikes,
        avgComments: located.avgComments,
      },
      bio: located.bio,
      country: located.country,
      city: located.city,
      gender: located.gender,
      language: { code: located.language },
      contacts: located.contacts,
      isVerified: located.isVerified,
      avgLikes: located.avgLikes,
      avgComments: located.avgComments,
    })
    // The live inner profile has no id of its own: it is one level up (`docs/providers.md` §1.13).
    expect(p.profile).not.toHaveProperty('userId')
    for (const key of LIVE_REPORT_KEYS) expect(p, key).toHaveProperty(key)
    expect(p.statHistory).toHaveLength(6)
    expect((p.recentPosts as unknown[]).length).toBe(located.recentPosts.length)
    const audience = p.audience as Record<string, { code: string; weight: number }[]>
    expect(audience.credibility).toBe(located.audience.credibility)
    expect(audience.geoCountries?.[0]).toEqual({
      name: located.audience.geoCountries[0]?.name,
      code: located.audience.geoCountries[0]?.code,
      weight: located.audience.geoCountries[0]?.weight,
    })
    const yt = dataset.find((x) => x.platform === 'youtube') as SandboxCreator
    const ytReport = await reportOf(yt)
    expect(ytReport.description).toBe(yt.bio)
    expect(ytReport).not.toHaveProperty('bio')
    expect(ytReport.profile).toMatchObject({ handle: yt.handle, averageViews: yt.averageViews })
    expect(ytReport.profile).not.toHaveProperty('userId')
    expect(ytReport.totalViews).toBe((yt.averageViews ?? 0) * yt.postsCount)
  })

  it('leaves city and country out for a creator Modash has no location for', async () => {
    const unlocated = instagram.filter((x) => x.country === null)
    // About a tenth of the seeded creators, drawn from the seed.
    expect(unlocated.length / instagram.length).toBeGreaterThan(0.04)
    expect(unlocated.length / instagram.length).toBeLessThan(0.18)
    const p = await reportOf(unlocated[0] as SandboxCreator)
    for (const key of ['city', 'state', 'country']) expect(p).not.toHaveProperty(key)
    // A location filter cannot find them either.
    const us = await searchAll({ influencer: { location: [148838] } })
    const ids = new Set(us.map((h) => h.userId))
    expect(unlocated.some((x) => ids.has(x.userId))).toBe(false)
  })

  it('lists a YouTube link among contacts, for some creators as the only one', async () => {
    const onlyYouTube = instagram.find((x) => x.youtubeLink !== null && x.contacts.length === 0)
    const both = instagram.find((x) => x.youtubeLink !== null && x.contacts.length > 0)
    if (!onlyYouTube || !both) throw new Error('the seed has no creator with a YouTube link')
    expect((await reportOf(onlyYouTube)).contacts).toEqual([
      { type: 'youtube', value: onlyYouTube.youtubeLink },
    ])
    expect((await reportOf(both)).contacts).toEqual([
      ...both.contacts,
      { type: 'youtube', value: both.youtubeLink },
    ])
    await expectMatches(
      { influencer: { hasContactDetails: [{ contactType: 'youtube', filterAction: 'must' }] } },
      (x) => x.youtubeLink !== null,
    )
  })

  it('reports growth against the month before, negative for a shrinking creator', async () => {
    const shrinking = instagram.find((x) => x.followersGrowth < -0.01) as SandboxCreator
    const before = shrinking.statHistory.at(-2)?.followers ?? 0
    const stats = (await reportOf(shrinking)).stats as Record<string, { compared: number }>
    expect(stats.followers?.compared).toBeLessThan(0)
    expect(stats.followers?.compared).toBeCloseTo(shrinking.followers / before - 1, 4)
  })

  it('lists a few other dataset creators of the same niche as lookalikes', async () => {
    const p = await reportOf(located)
    const lookalikes = p.lookalikes as Hit[]
    expect(lookalikes.length).toBeGreaterThanOrEqual(2)
    for (const hit of lookalikes) {
      const other = instagram.find((x) => x.userId === hit.userId)
      expect(other?.niche).toBe(located.niche)
      expect(hit.userId).not.toBe(located.userId)
      expect(hit.profile).toMatchObject({ username: other?.username })
      expect(hit.profile).not.toHaveProperty('userId')
    }
    expect((await reportOf(located)).lookalikes).toEqual(lookalikes)
  })

  it('describes followers and likers with audience types and reachability', async () => {
    const p = await reportOf(located)
    const sum = (list: { weight: number }[]) => list.reduce((a, x) => a + x.weight, 0)
    for (const key of ['audience', 'audienceLikers']) {
      const block = p[key] as Record<string, { code: string; weight: number }[]>
      expect(Object.keys(block).sort()).toEqual(Object.keys(p.audience as object).sort())
      const types = block.audienceTypes ?? []
      expect(types.map((t) => t.code)).toEqual([
        'real',
        'suspicious',
        'mass_followers',
        'influencers',
      ])
      expect(sum(types)).toBeCloseTo(1, 3)
      expect(types.every((t) => t.weight > 0)).toBe(true)
      expect(sum(block.audienceReachability ?? [])).toBeCloseTo(1, 3)
      expect(sum(block.genders ?? [])).toBeCloseTo(1, 3)
    }
    const suspicious = (p.audience as Record<string, { code: string; weight: number }[]>)
      .audienceTypes?.[1]?.weight
    expect(suspicious).toBeCloseTo(1 - located.audience.credibility, 3)
    expect(p.audienceLikers).not.toEqual(p.audience)
  })

  it('sums up sponsored against organic posts and stats per content type', async () => {
    const sponsor = instagram.find(
      (x) => x.recentPosts.some((q) => q.sponsored) && x.recentPosts.some((q) => !q.sponsored),
    ) as SandboxCreator
    const p = await reportOf(sponsor)
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b)
      const m = Math.floor(s.length / 2)
      return s.length % 2 ? (s[m] ?? 0) : Math.round(((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2)
    }
    const paid = median(sponsor.recentPosts.filter((q) => q.sponsored).map((q) => q.likes))
    const organic = median(sponsor.recentPosts.filter((q) => !q.sponsored).map((q) => q.likes))
    expect(p).toMatchObject({
      sponsoredPostsMedianLikes: paid,
      nonSponsoredPostsMedianLikes: organic,
      paidPostPerformance: Math.round((paid / organic) * 10_000) / 10_000,
    })
    expect((p.sponsoredPosts as unknown[]).length).toBe(
      sponsor.recentPosts.filter((q) => q.sponsored).length,
    )
    const byType = p.statsByContentType as Record<string, Record<string, number>>
    expect(byType.all).toMatchObject({
      avgLikes: sponsor.avgLikes,
      engagements: sponsor.engagements,
    })
    const reels = sponsor.recentPosts.filter((q) => q.views !== null)
    if (reels.length > 0) expect(byType.reels).toHaveProperty('avgViews')
    else expect(byType).not.toHaveProperty('reels')
  })

  it('finds a report by username and answers an unknown id with account_not_found', async () => {
    const byName = await request(emu, 'GET', `/instagram/profile/${c.username}/report`)
    expect((await json<{ profile: { userId: string } }>(byName)).profile.userId).toBe(c.userId)
    const missing = await request(emu, 'GET', '/instagram/profile/999/report')
    expect(missing.status).toBe(404)
    expect(await json<Envelope>(missing)).toMatchObject({ code: 'account_not_found' })
  })

  it('serves scripted report errors without charging', async () => {
    const codes = {
      account_not_found: 404,
      handle_not_found: 404,
      account_removed: 404,
      private_account: 403,
      empty_audience: 404,
      retry_later: 503,
    } as const
    const e = await startModashEmulator({
      dataset,
      tokens: { t: 5000 },
      reportErrors: { [c.userId]: 'private_account' },
    })
    try {
      for (const [code, status] of Object.entries(codes)) {
        e.setReportError(c.userId, code as keyof typeof codes)
        const res = await request(e, 'GET', `/instagram/profile/${c.userId}/report`, undefined, 't')
        expect(res.status).toBe(status)
        expect(await json<Envelope>(res)).toMatchObject({ error: true, code })
      }
      expect(e.balance('t')).toBe(5000)
      e.setReportError(c.userId, null)
      const ok = await request(e, 'GET', `/instagram/profile/${c.userId}/report`, undefined, 't')
      expect(ok.status).toBe(200)
      expect(e.balance('t')).toBe(4000)
    } finally {
      await e.close()
    }
  })

  it('looks users up by handle, exact match first', async () => {
    const res = await request(emu, 'GET', `/instagram/users?query=${c.username}&limit=3`)
    const body = await json<{ users: { userId: string; username: string }[] }>(res)
    expect(body.users[0]).toMatchObject({ userId: c.userId, username: c.username })
    expect(body.users.length).toBeLessThanOrEqual(3)
    const missing = await request(emu, 'GET', '/instagram/users')
    expect(missing.status).toBe(400)
    expect(await json<Envelope>(missing)).toMatchObject({ code: 'bad_request' })
  })

  it('serves each dictionary under its own key with a total', async () => {
    const loc = await json<{ total: number; locations: { id: number; title: string }[] }>(
      await request(emu, 'GET', '/tiktok/locations?query=london&limit=2'),
    )
    expect(loc.locations).toEqual([{ id: 51800, name: 'London', title: 'London, United Kingdom' }])
    expect(loc.total).toBe(1)
    const us = await json<{ locations: { id: number }[] }>(
      await request(emu, 'GET', '/youtube/locations?query=united%20states'),
    )
    expect(us.locations[0]?.id).toBe(148838)
    for (const kind of ['languages', 'interests', 'brands']) {
      const body = await json<Record<string, unknown>>(
        await request(emu, 'GET', `/instagram/${kind}?limit=5`),
      )
      expect(body.error).toBe(false)
      expect(body[kind]).toHaveLength(5)
      expect(body.total).toBeGreaterThan(5)
    }
    const brands = await json<{ brands: { id: number; name: string }[] }>(
      await request(emu, 'GET', '/instagram/brands?query=nike'),
    )
    expect(brands.brands).toEqual([{ id: 1708, name: 'Nike' }])
  })
})

describe('credits', () => {
  let e: ModashEmulator
  beforeAll(async () => {
    e = await startModashEmulator({ dataset, tokens: { rich: 1_000_000, poor: 100, zero: 0 } })
  })
  afterAll(async () => {
    await e.close()
  })

  it('charges 10 milli-credits per result returned and 1000 per report, nothing else', async () => {
    const full = await search({ page: 0 }, e, 'rich')
    expect(full.body.lookalikes).toHaveLength(15)
    expect(e.balance('rich')).toBe(1_000_000 - 150)
    const last = await search({ page: 26 }, e, 'rich')
    expect(last.body.lookalikes).toHaveLength(400 - 26 * 15)
    expect(e.balance('rich')).toBe(1_000_000 - 150 - 100)
    await request(e, 'GET', `/instagram/profile/${instagram[0]?.userId}/report`, undefined, 'rich')
    expect(e.balance('rich')).toBe(1_000_000 - 250 - 1000)
    await request(e, 'GET', '/instagram/users?query=a', undefined, 'rich')
    await request(e, 'GET', '/instagram/interests', undefined, 'rich')
    await request(e, 'GET', '/instagram/profile/0/report', undefined, 'rich')
    expect(e.balance('rich')).toBe(1_000_000 - 1250)
    const info = await json<{ billing: { credits: number; rawRequests: number } }>(
      await request(e, 'GET', '/user/info', undefined, 'rich'),
    )
    expect(info.billing).toEqual({ credits: 998.75, rawRequests: 0 })
    const costs = e.calls().map((c) => [c.route, c.status, c.costMilliCredits])
    expect(costs).toEqual([
      ['search', 200, 150],
      ['search', 200, 100],
      ['report', 200, 1000],
      ['users', 200, 0],
      ['dictionary', 200, 0],
      ['report', 404, 0],
      ['userInfo', 200, 0],
    ])
  })

  it('refuses with not_enough_credits when the balance is below the cost', async () => {
    const res = await search({ page: 0 }, e, 'poor')
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ error: true, code: 'not_enough_credits' })
    expect(e.balance('poor')).toBe(100)
    // A page that costs no more than the balance still goes through; an empty one is free.
    const small = await search(
      { page: 0, filter: { influencer: { followers: { min: 3_000_000 } } } },
      e,
      'poor',
    )
    expect(small.status).toBe(200)
    expect(e.balance('poor')).toBe(100 - 10 * small.body.lookalikes.length)
    expect((await search({ page: 40 }, e, 'zero')).status).toBe(200)
    const report = await request(
      e,
      'GET',
      `/instagram/profile/${instagram[0]?.userId}/report`,
      undefined,
      'zero',
    )
    expect(report.status).toBe(403)
  })

  it('lets one request overdraw when allowed, then refuses', async () => {
    const o = await startModashEmulator({ dataset, tokens: { t: 100 }, allowOverdraft: true })
    try {
      expect((await search({ page: 0 }, o, 't')).status).toBe(200)
      expect(o.balance('t')).toBe(-50)
      expect((await search({ page: 0 }, o, 't')).status).toBe(403)
      o.setBalance('t', 2000)
      expect((await search({ page: 0 }, o, 't')).status).toBe(200)
    } finally {
      await o.close()
    }
  })
})

describe('user info', () => {
  it('shows fractional credits, a negative RAW meter, and can leave out error: false', async () => {
    const u = await startModashEmulator({
      dataset,
      tokens: { t: 2_975_350 },
      rawRequests: -10,
      userInfoErrorField: false,
    })
    try {
      const res = await request(u, 'GET', '/user/info', undefined, 't')
      expect(res.status).toBe(200)
      const body = await json<Record<string, unknown>>(res)
      expect(body).not.toHaveProperty('error')
      expect(body.billing).toEqual({ credits: 2975.35, rawRequests: -10 })
    } finally {
      await u.close()
    }
    const withField = await json<Record<string, unknown>>(await request(emu, 'GET', '/user/info'))
    expect(withField.error).toBe(false)
  })

  it('refuses a RAW meter that is not a number', async () => {
    await expect(
      startModashEmulator({ dataset, tokens: {}, rawRequests: Number.NaN }),
    ).rejects.toThrow(RangeError)
  })
})

describe('rate limiting', () => {
  it('answers 429 too_many_requests past the per-token rate, per route class', async () => {
    const r = await startModashEmulator({
      dataset,
      tokens: { a: 1_000_000, b: 1_000_000 },
      rateLimit: { searchPerSecond: 2 },
    })
    try {
      const burst = await Promise.all(Array.from({ length: 5 }, () => search({ page: 0 }, r, 'a')))
      const statuses = burst.map((x) => x.status).sort()
      expect(statuses).toEqual([200, 200, 429, 429, 429])
      const limited = burst.find((x) => x.status === 429)
      expect(limited?.body).toMatchObject({ error: true, code: 'too_many_requests' })
      expect(r.balance('a')).toBe(1_000_000 - 300)
      expect((await search({ page: 0 }, r, 'b')).status).toBe(200)
      const dictionaries = await Promise.all(
        Array.from({ length: 10 }, () => request(r, 'GET', '/instagram/languages', undefined, 'a')),
      )
      expect(dictionaries.every((x) => x.status === 200)).toBe(true)
    } finally {
      await r.close()
    }
  })
})

describe('fault injection', () => {
  let f: ModashEmulator
  const report = () => `/instagram/profile/${instagram[0]?.userId}/report`
  beforeAll(async () => {
    f = await startModashEmulator({ dataset, tokens: { t: 1_000_000 } })
  })
  afterAll(async () => {
    await f.close()
  })

  it('answers a status fault with the error envelope and Retry-After, free, once', async () => {
    f.injectFaults('report', [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 429, retryAfterSeconds: 3 },
    ])
    const first = await request(f, 'GET', report(), undefined, 't')
    expect(first.status).toBe(500)
    expect(await json<Envelope>(first)).toMatchObject({
      error: true,
      code: 'internal_server_error',
    })
    const second = await request(f, 'GET', report(), undefined, 't')
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBe('3')
    expect(await json<Envelope>(second)).toMatchObject({ code: 'too_many_requests' })
    expect(f.balance('t')).toBe(1_000_000)
    expect((await request(f, 'GET', report(), undefined, 't')).status).toBe(200)
    expect(f.balance('t')).toBe(999_000)
  })

  it('takes the route queue before the any queue, and leaves other routes alone', async () => {
    f.injectFaults('any', [{ kind: 'status', status: 503, code: 'retry_later' }])
    f.injectFaults('users', [{ kind: 'status', status: 500 }])
    const users = await request(f, 'GET', '/instagram/users?query=a', undefined, 't')
    expect(users.status).toBe(500)
    const info = await request(f, 'GET', '/user/info', undefined, 't')
    expect(info.status).toBe(503)
    expect(await json<Envelope>(info)).toMatchObject({ code: 'retry_later' })
    expect((await request(f, 'GET', '/user/info', undefined, 't')).status).toBe(200)
  })

  it('delays, then answers normally', async () => {
    f.injectFaults('dictionary', [{ kind: 'delay', ms: 150 }])
    const started = performance.now()
    const res = await request(f, 'GET', '/instagram/languages', undefined, 't')
    expect(res.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('hangs until the client gives up', async () => {
    f.injectFaults('search', [{ kind: 'hang' }])
    await expect(
      fetch(`${f.baseUrl}/instagram/search`, {
        method: 'POST',
        headers: { authorization: 'Bearer t' },
        body: '{}',
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow()
    expect(f.calls().at(-1)).toMatchObject({ route: 'search', status: null, fault: 'hang' })
  })

  it('sends the headers, then the body after a pause', async () => {
    f.injectFaults('userInfo', [{ kind: 'slow-body', ms: 250 }])
    const started = performance.now()
    const res = await request(f, 'GET', '/user/info', undefined, 't')
    const headersAt = performance.now() - started
    await res.json()
    const bodyAt = performance.now() - started
    expect(headersAt).toBeLessThan(200)
    expect(bodyAt).toBeGreaterThanOrEqual(240)
  })

  it('corrupts the body as asked', async () => {
    f.injectFaults('userInfo', [
      { kind: 'malformed-json' },
      { kind: 'truncated-json' },
      { kind: 'wrong-content-type' },
      { kind: 'unexpected-fields' },
    ])
    const malformed = await request(f, 'GET', '/user/info', undefined, 't')
    expect(malformed.headers.get('content-type')).toContain('application/json')
    const malformedText = await malformed.text()
    expect(() => JSON.parse(malformedText) as unknown).toThrow()
    const truncated = await (await request(f, 'GET', '/user/info', undefined, 't')).text()
    expect(() => JSON.parse(truncated) as unknown).toThrow()
    expect(truncated.startsWith('{"error":false')).toBe(true)
    const html = await request(f, 'GET', '/user/info', undefined, 't')
    expect(html.headers.get('content-type')).toContain('text/html')
    const extra = await json<Record<string, unknown>>(
      await request(f, 'GET', '/user/info', undefined, 't'),
    )
    expect(extra).toMatchObject({
      error: false,
      billing: { credits: expect.any(Number) as unknown },
    })
    expect(Object.keys(extra)).toContain('_sandboxExtra')
  })

  it('resets the connection', async () => {
    f.injectFaults('report', [{ kind: 'reset' }])
    await expect(request(f, 'GET', report(), undefined, 't')).rejects.toThrow()
    expect(f.calls().at(-1)).toMatchObject({ route: 'report', status: null, fault: 'reset' })
    expect((await request(f, 'GET', report(), undefined, 't')).status).toBe(200)
  })

  it('refuses a malformed fault', () => {
    expect(() => f.injectFaults('any', [{ kind: 'status', status: 200 }])).toThrow(RangeError)
    expect(() => f.injectFaults('any', [{ kind: 'delay', ms: -1 }])).toThrow(RangeError)
  })
})
