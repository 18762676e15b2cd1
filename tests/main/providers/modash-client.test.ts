import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import type { ModashClientOptions } from '../../../src/main/providers/modash/modash-client'
import { ProviderError } from '../../../src/main/providers/provider-error'
import { generateDataset } from '../../../src/main/sandbox/dataset/generate-dataset'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'
import { startModashEmulator } from '../../../src/main/sandbox/modash-emulator'
import type { ModashEmulator, ModashFault } from '../../../src/main/sandbox/modash-emulator'
import { INDEX_SIZES } from '../../../src/main/sandbox/modash-emulator/search-scope'

const TOKEN = 'mdsh-SECRET-7c1f9e2a4b'
const dataset = generateDataset({ seed: 5, perPlatform: 200 })
const ig = dataset.find((c) => c.platform === 'instagram') as SandboxCreator
const FAST = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }
const UNLIMITED = { searchPerSecond: 1000, reportPerSecond: 1000, usersPerSecond: 1000 }

let emu: ModashEmulator
beforeAll(async () => {
  emu = await startModashEmulator({ dataset, tokens: { [TOKEN]: 100_000_000, poor: 50 } })
})
afterAll(async () => {
  await emu.close()
})
let callsBefore = 0
beforeEach(() => {
  callsBefore = emu.calls().length
})
/** Calls the emulator saw during this test. */
const newCalls = () => emu.calls().slice(callsBefore)

function client(overrides: Partial<ModashClientOptions> = {}) {
  return createModashClient({
    baseUrl: emu.baseUrl,
    token: () => TOKEN,
    timeoutMs: 2000,
    retry: FAST,
    limits: UNLIMITED,
    ...overrides,
  })
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError)
    const e = err as ProviderError
    // Whatever went wrong, the token must not leak into what gets logged or shown.
    for (const text of [e.message, e.stack ?? '', JSON.stringify(e.toInfo())]) {
      expect(text).not.toContain(TOKEN)
    }
    return e
  }
  throw new Error('expected the call to fail')
}

const reportOf = (c: SandboxCreator) => client().report('instagram', c.userId)

describe('successful calls', () => {
  it('searches and reports what the call cost it', async () => {
    const res = await client().search('instagram', { page: 0, filter: {} })
    // A broad query answers the size of Modash's index, not a count of matches (live shape).
    expect(res.data.total).toBe(INDEX_SIZES.instagram)
    expect(res.data.isExactMatch).toBe(false)
    expect(res.data.lookalikes).toHaveLength(15)
    expect(res.data.lookalikes[0]?.profile.userId).toBe(res.data.lookalikes[0]?.userId)
    expect(res.meta).toMatchObject({ httpStatus: 200, attempts: 1 })
    expect(res.meta.durationMs).toBeGreaterThanOrEqual(0)
    expect(newCalls()).toMatchObject([{ route: 'search', auth: 'bearer', costMilliCredits: 150 }])
  })

  it('passes filters and the page through', async () => {
    const res = await client().search('instagram', {
      page: 1,
      sort: { field: 'followers', direction: 'asc' },
      filter: { influencer: { location: [148838] } },
    })
    const us = dataset.filter((c) => c.platform === 'instagram' && c.country === 'US')
    expect(res.data.total).toBe(us.length)
    const followers = res.data.lookalikes.map((h) => h.profile.followers ?? 0)
    expect(followers).toEqual([...followers].sort((a, b) => a - b))
  })

  it('fetches a report', async () => {
    const res = await reportOf(ig)
    expect(res.data.profile.userId).toBe(ig.userId)
    expect(res.data.profile.audience?.credibility).toBe(ig.audience.credibility)
    expect(res.data.profile.contacts).toEqual(ig.contacts)
  })

  it('looks users up and reads the dictionaries', async () => {
    const users = await client().users('instagram', ig.username, 5)
    expect(users.data.users[0]).toMatchObject({ userId: ig.userId, username: ig.username })
    const london = await client().dictionary('instagram', 'locations', 'london', 5)
    expect(london.data).toEqual([{ id: 51800, name: 'London', title: 'London, United Kingdom' }])
    for (const kind of ['languages', 'interests', 'brands'] as const) {
      const res = await client().dictionary('tiktok', kind)
      expect(res.data.length).toBeGreaterThan(0)
      expect(res.data.every((e) => typeof e.name === 'string')).toBe(true)
    }
  })

  it('reads the balance as fractional credits', async () => {
    emu.setBalance('info', 12_345)
    const res = await client({ token: () => 'info' }).userInfo()
    expect(res.data.billing.credits).toBe(12.345)
  })

  it('ignores fields Modash may add', async () => {
    emu.injectFaults('search', [{ kind: 'unexpected-fields' }])
    const res = await client().search('instagram', { page: 0, filter: {} })
    expect(res.data.lookalikes).toHaveLength(15)
  })
})

describe('errors that are not retried', () => {
  it('refuses to call without a token', async () => {
    const e = await failure(client({ token: () => null }).userInfo())
    expect(e).toMatchObject({ code: 'KEY_MISSING', attempts: 0 })
    expect(newCalls()).toHaveLength(0)
  })

  it.each<[string, () => Promise<unknown>, object]>([
    [
      'a bad token',
      () => client({ token: () => 'wrong' }).userInfo(),
      { code: 'PROVIDER_ERROR', providerCode: 'api_token_invalid', httpStatus: 401 },
    ],
    [
      'no credits',
      () => client({ token: () => 'poor' }).search('instagram', { page: 0, filter: {} }),
      { code: 'QUOTA_EXCEEDED', providerCode: 'not_enough_credits', httpStatus: 403 },
    ],
    [
      'an invalid body',
      () => client().search('instagram', { page: 999, filter: {} }),
      { code: 'PROVIDER_ERROR', providerCode: 'invalid_body_params', httpStatus: 400 },
    ],
    [
      'an unknown account',
      () => client().report('instagram', '123'),
      { code: 'NOT_FOUND', providerCode: 'account_not_found', httpStatus: 404 },
    ],
  ])('maps %s once, without retrying', async (_, run, expected) => {
    const e = await failure(run())
    expect(e).toMatchObject({ ...expected, attempts: 1, retryable: false })
    expect(newCalls()).toHaveLength(1)
  })

  it.each<[string, string, number]>([
    ['handle_not_found', 'NOT_FOUND', 404],
    ['account_removed', 'NOT_FOUND', 404],
    ['private_account', 'PROVIDER_ERROR', 403],
    ['empty_audience', 'PROVIDER_ERROR', 404],
    ['retry_later', 'PROVIDER_UNAVAILABLE', 503],
  ])('maps a report failing with %s', async (providerCode, code, httpStatus) => {
    const c = dataset.filter((x) => x.platform === 'instagram')[7] as SandboxCreator
    emu.setReportError(c.userId, providerCode as 'retry_later')
    try {
      const e = await failure(reportOf(c))
      expect(e).toMatchObject({ code, providerCode, httpStatus, attempts: 1, retryable: false })
      expect(newCalls()).toHaveLength(1)
    } finally {
      emu.setReportError(c.userId, null)
    }
  })

  it.each<ModashFault['kind']>(['malformed-json', 'truncated-json', 'wrong-content-type'])(
    'treats %s as a malformed response',
    async (kind) => {
      emu.injectFaults('report', [{ kind } as ModashFault])
      const e = await failure(reportOf(ig))
      expect(e).toMatchObject({
        code: 'PROVIDER_ERROR',
        providerCode: 'malformed_response',
        attempts: 1,
        httpStatus: 200,
      })
    },
  )

  it('treats a 200 body of the wrong shape as a malformed response', async () => {
    // The query string swallows the client's path, so `/v1/health` answers `{status: "ok"}`.
    const wrong = createModashClient({ baseUrl: `${emu.baseUrl}/health?x=`, token: () => TOKEN })
    const e = await failure(wrong.userInfo())
    expect(e).toMatchObject({ code: 'PROVIDER_ERROR', providerCode: 'malformed_response' })
  })
})

describe('retries', () => {
  it('retries 429 and 500 with backoff, then succeeds', async () => {
    emu.injectFaults('search', [
      { kind: 'status', status: 429 },
      { kind: 'status', status: 500 },
    ])
    const res = await client().search('instagram', { page: 0, filter: {} })
    expect(res.meta).toMatchObject({ httpStatus: 200, attempts: 3 })
    expect(res.meta.durationMs).toBeGreaterThanOrEqual(15)
    expect(newCalls().map((c) => c.status)).toEqual([429, 500, 200])
  })

  it.each<[ModashFault, string]>([
    [{ kind: 'status', status: 429 }, 'too_many_requests'],
    [{ kind: 'status', status: 500 }, 'internal_server_error'],
    [{ kind: 'status', status: 502, code: 'bad_gateway' }, 'bad_gateway'],
  ])('gives up after the policy on %o', async (fault, providerCode) => {
    emu.injectFaults('users', [fault, fault, fault])
    const e = await failure(client().users('instagram', 'a'))
    expect(e).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      providerCode,
      attempts: 3,
      retryable: true,
    })
    expect(newCalls()).toHaveLength(3)
  })

  it('waits as long as Retry-After asks, within maxDelayMs', async () => {
    emu.injectFaults('dictionary', [{ kind: 'status', status: 503, retryAfterSeconds: 0.2 }])
    const c = client({ retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 1000 } })
    await c.dictionary('instagram', 'languages')
    const [first, second] = newCalls()
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(190)
  })

  it('retries a reset connection', async () => {
    emu.injectFaults('report', [{ kind: 'reset' }])
    const res = await reportOf(ig)
    expect(res.meta.attempts).toBe(2)
    emu.injectFaults('report', [{ kind: 'reset' }, { kind: 'reset' }, { kind: 'reset' }])
    const e = await failure(reportOf(ig))
    expect(e).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', providerCode: 'network', attempts: 3 })
  })

  it('times out a hanging paid call once, never retrying what Modash may still bill', async () => {
    emu.injectFaults('search', [{ kind: 'hang' }])
    const c = client({ timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5 } })
    const e = await failure(c.search('instagram', { page: 0, filter: {} }))
    expect(e).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      providerCode: 'timeout',
      attempts: 1,
      billed: 'uncertain',
    })
    expect(e.durationMs).toBeGreaterThanOrEqual(200)
  })

  it('retries a timed-out free call', async () => {
    emu.injectFaults('users', [{ kind: 'hang' }, { kind: 'hang' }])
    const c = client({ timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5 } })
    const e = await failure(c.users('instagram', 'jane'))
    expect(e).toMatchObject({ providerCode: 'timeout', attempts: 2, billed: 'no' })
  })

  it('reports a refused connection', async () => {
    const gone = await startModashEmulator({ dataset: [], tokens: {} })
    const baseUrl = gone.baseUrl
    await gone.close()
    const e = await failure(
      createModashClient({ baseUrl, token: () => TOKEN, retry: FAST }).userInfo(),
    )
    expect(e).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', providerCode: 'connection_refused' })
    expect(e.attempts).toBe(3)
  })
})

describe('pacing', () => {
  it('spaces calls of one class by its rate, as the server sees them', async () => {
    const c = client({ limits: { searchPerSecond: 20, reportPerSecond: 20, usersPerSecond: 1000 } })
    await Promise.all(
      Array.from({ length: 4 }, (_, page) => c.search('instagram', { page, filter: {} })),
    )
    const at = newCalls().map((x) => x.at)
    expect(at).toHaveLength(4)
    for (let i = 1; i < at.length; i++) {
      expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(40)
    }
  })

  it('never sends the token in the URL', async () => {
    await client().dictionary('instagram', 'languages', 'en')
    await client().users('instagram', 'a')
    expect(newCalls().every((x) => x.auth === 'bearer')).toBe(true)
  })
})
