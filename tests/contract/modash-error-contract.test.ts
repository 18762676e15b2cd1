import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import { ProviderError } from '../../src/main/providers/provider-error'
import { CONTRACT_RETRY, CONTRACT_TOKEN, contractClient } from './contract-client'
import { startFixtureServer } from './fixture-server'
import type { FixtureServer } from './fixture-server'
import { fixture, fixtureText } from './fixtures'
import type { ErrorFixture } from './fixtures'

/**
 * Every error body of `docs/providers.md` §1.11, with its status, through the real client: what the
 * app gets is a `ProviderError` carrying Modash's own code, mapped as `modash-errors.ts` does
 * (switch on `code` first, status second). Transient failures are retried, the rest are not.
 */

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
const newRequests = () => server.requests().slice(requestsBefore)

type Call = 'search' | 'report' | 'users' | 'userInfo'
const ROUTES: Record<Call, string> = {
  search: 'POST /instagram/search',
  report: 'GET /instagram/profile/4100007932/report',
  users: 'GET /instagram/users',
  userInfo: 'GET /user/info',
}
function run(client: ModashApi, call: Call): Promise<unknown> {
  if (call === 'search') return client.search('instagram', { page: 0, filter: {} })
  if (call === 'report') return client.report('instagram', '4100007932')
  if (call === 'users') return client.users('instagram', 'fx')
  return client.userInfo()
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ProviderError)
  const e = error as ProviderError
  for (const text of [e.message, e.providerCode, JSON.stringify(e.toInfo())])
    expect(text).not.toContain(CONTRACT_TOKEN)
  return e
}

/** The app's code for each Modash error, and whether the client tries again at once. */
const CASES: [fixture: string, call: Call, code: ProviderError['code'], retried: boolean][] = [
  ['api-token-invalid', 'userInfo', 'PROVIDER_ERROR', false],
  ['bad-request', 'users', 'PROVIDER_ERROR', false],
  ['invalid-body-params', 'search', 'PROVIDER_ERROR', false],
  ['handle-not-found', 'report', 'NOT_FOUND', false],
  ['account-not-found', 'report', 'NOT_FOUND', false],
  ['account-removed', 'report', 'NOT_FOUND', false],
  ['entity-not-found', 'report', 'PROVIDER_ERROR', false],
  ['media-not-found', 'report', 'PROVIDER_ERROR', false],
  ['private-account', 'report', 'PROVIDER_ERROR', false],
  ['empty-audience', 'report', 'PROVIDER_ERROR', false],
  // Hours, not seconds: never retried inside the call, whatever the status says.
  ['retry-later-409', 'report', 'PROVIDER_UNAVAILABLE', false],
  ['retry-later-503', 'report', 'PROVIDER_UNAVAILABLE', false],
  ['not-enough-credits', 'search', 'QUOTA_EXCEEDED', false],
  ['feature-not-available', 'search', 'PROVIDER_ERROR', false],
  ['no-result', 'search', 'PROVIDER_ERROR', false],
  ['page-limit', 'search', 'PROVIDER_ERROR', false],
  ['internal-server-error', 'report', 'PROVIDER_UNAVAILABLE', true],
  ['too-many-requests', 'search', 'PROVIDER_UNAVAILABLE', true],
]

describe('Modash error bodies', () => {
  it.each(CASES)('%s (%s) becomes %s', async (name, call, code, retried) => {
    const { status, body } = fixture<ErrorFixture>(`errors/${name}`)
    server.answer(ROUTES[call], { status, body })
    const e = await failure(run(contractClient(server), call))
    const attempts = retried ? CONTRACT_RETRY.maxAttempts : 1
    expect(e).toMatchObject({
      provider: 'modash',
      code,
      providerCode: body.code,
      httpStatus: status,
      retryable: retried,
      attempts,
      // Modash never bills a call it answered with an error.
      billed: 'no',
    })
    expect(newRequests()).toHaveLength(attempts)
  })

  it('covers every error fixture', () => {
    const named = new Set(CASES.map(([name]) => name))
    const codes = new Set(CASES.map(([name]) => fixture<ErrorFixture>(`errors/${name}`).body.code))
    expect(named.size).toBe(CASES.length)
    // Every code of the §1.11 table.
    for (const code of [
      'api_token_invalid',
      'bad_request',
      'invalid_body_params',
      'handle_not_found',
      'account_not_found',
      'account_removed',
      'entity_not_found',
      'media_not_found',
      'private_account',
      'empty_audience',
      'retry_later',
      'not_enough_credits',
      'feature_not_available',
      'no_result',
      'page_limit',
      'internal_server_error',
      'too_many_requests',
    ])
      expect(codes, code).toContain(code)
  })
})

describe('rate limiting', () => {
  it('retries a 429 and returns what comes after it', async () => {
    const limited = fixture<ErrorFixture>('errors/too-many-requests')
    server.answer(
      'GET /user/info',
      { status: limited.status, body: limited.body, headers: { 'retry-after': '1' } },
      { status: 200, text: fixtureText('user-info/with-error-field') },
    )
    const res = await contractClient(server).userInfo()
    expect(res.meta).toMatchObject({ httpStatus: 200, attempts: 2 })
    expect(newRequests()).toHaveLength(2)
  })

  it('treats a 429 without Modash envelope as rate limiting too', async () => {
    server.answer('POST /instagram/search', { status: 429, text: 'Too Many Requests' })
    const e = await failure(run(contractClient(server), 'search'))
    expect(e).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      providerCode: 'too_many_requests',
      httpStatus: 429,
      attempts: CONTRACT_RETRY.maxAttempts,
    })
  })
})
