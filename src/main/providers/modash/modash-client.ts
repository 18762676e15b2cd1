import { z } from 'zod'
import type { Platform } from '../../../shared/platforms'
import { backoffDelay, DEFAULT_RETRY } from '../http/backoff'
import type { RetryPolicy } from '../http/backoff'
import { httpRequest } from '../http/http-request'
import { RateLimiter, sleep } from '../http/rate-limiter'
import { ProviderError } from '../provider-error'
import type { ModashApi, ModashResponse } from './modash-api'
import {
  classifyFailure,
  mayHaveBeenServed,
  malformedResponse,
  toProviderError,
} from './modash-errors'
import type { AttemptFailure } from './modash-errors'
import {
  dictionaryEntrySchema,
  parseReport,
  parseSearchPage,
  userInfoSchema,
  usersSchema,
} from './schemas'
import type { DictionaryEntry, DictionaryKind } from './schemas'

export interface ModashLimits {
  searchPerSecond: number
  reportPerSecond: number
  usersPerSecond: number
}

export interface ModashClientOptions {
  /** Defaults to the real service, `https://api.modash.io/v1`. */
  baseUrl?: string
  /** Read on every call so a newly saved key applies at once; null means none is configured. */
  token: () => string | null
  /** Per attempt, body included. Defaults to 20 s. */
  timeoutMs?: number
  retry?: RetryPolicy
  limits?: Partial<ModashLimits>
}

export const MODASH_BASE_URL = 'https://api.modash.io/v1'
export const DEFAULT_MODASH_LIMITS: ModashLimits = {
  searchPerSecond: 2,
  reportPerSecond: 2,
  usersPerSecond: 10,
}

type Parse<T> = (json: unknown) => { success: true; data: T } | { success: false }

interface Call<T> {
  operation: string
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string>
  body?: unknown
  parse: Parse<T>
  limiter: RateLimiter | null
  /** Billed by Modash when answered 200 (search, report). */
  paid: boolean
}

const dictionaryEnvelope = z.looseObject({ error: z.literal(false) })
const dictionaryEntries = z.array(dictionaryEntrySchema)

/**
 * The Modash Discovery API client. The token always travels in the Authorization header, never
 * in the URL; calls are paced per rate class, retried with backoff only when Modash says it is
 * momentarily unable (429, 5xx, no answer), and every body is validated before it is returned.
 */
export function createModashClient(options: ModashClientOptions): ModashApi {
  const baseUrl = (options.baseUrl ?? MODASH_BASE_URL).replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 20_000
  const policy = options.retry ?? DEFAULT_RETRY
  const limits = { ...DEFAULT_MODASH_LIMITS, ...options.limits }
  const searchLimiter = new RateLimiter(limits.searchPerSecond)
  const reportLimiter = new RateLimiter(limits.reportPerSecond)
  const usersLimiter = new RateLimiter(limits.usersPerSecond)

  async function call<T>(c: Call<T>): Promise<ModashResponse<T>> {
    const started = performance.now()
    const elapsed = () => Math.round(performance.now() - started)
    const token = options.token()
    if (token === null || token.trim() === '') {
      throw new ProviderError({
        provider: 'modash',
        code: 'KEY_MISSING',
        providerCode: 'key_missing',
        message: 'No Modash API token is configured.',
        attempts: 0,
      })
    }
    const query = new URLSearchParams(c.query ?? {}).toString()
    const url = `${baseUrl}${c.path}${query === '' ? '' : `?${query}`}`
    for (let attempt = 1; ; attempt++) {
      await c.limiter?.acquire()
      const outcome = await httpRequest({
        method: c.method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(c.body === undefined ? {} : { body: c.body }),
        timeoutMs,
      })
      let failure: AttemptFailure
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
        if (outcome.jsonError !== null) {
          failure = malformedResponse(c.operation, outcome.status, outcome.jsonError)
        } else {
          const parsed = c.parse(outcome.json)
          if (parsed.success) {
            return {
              data: parsed.data,
              raw: outcome.json,
              meta: { httpStatus: outcome.status, durationMs: elapsed(), attempts: attempt },
            }
          }
          failure = malformedResponse(c.operation, outcome.status, 'unexpected shape')
        }
      } else {
        failure = classifyFailure(c.operation, outcome)
      }
      if (c.paid && mayHaveBeenServed(outcome)) {
        failure = { ...failure, retry: false, billed: 'uncertain' }
      }
      if (!failure.retry || attempt >= policy.maxAttempts) {
        throw toProviderError(failure, attempt, elapsed(), token)
      }
      await sleep(backoffDelay(policy, attempt, failure.retryAfterMs))
    }
  }

  const seg = (value: string) => encodeURIComponent(value)

  return {
    search: (platform, body) =>
      call({
        operation: 'search',
        method: 'POST',
        path: `/${seg(platform)}/search`,
        body,
        parse: parseSearchPage,
        limiter: searchLimiter,
        paid: true,
      }),
    report: (platform, userId) =>
      call({
        operation: 'report',
        method: 'GET',
        path: `/${seg(platform)}/profile/${seg(userId)}/report`,
        parse: (json) => parseReport(json, userId),
        limiter: reportLimiter,
        paid: true,
      }),
    users: (platform, query, limit) =>
      call({
        operation: 'users',
        method: 'GET',
        path: `/${seg(platform)}/users`,
        query: { query, ...(limit === undefined ? {} : { limit: String(limit) }) },
        parse: (json) => usersSchema.safeParse(json),
        limiter: usersLimiter,
        paid: false,
      }),
    dictionary: (platform: Platform, kind: DictionaryKind, query?: string, limit?: number) =>
      call<DictionaryEntry[]>({
        operation: `${kind} dictionary`,
        method: 'GET',
        path: `/${seg(platform)}/${kind}`,
        query: {
          ...(query === undefined ? {} : { query }),
          ...(limit === undefined ? {} : { limit: String(limit) }),
        },
        // Each dictionary answers under its own key: `{ error, total, locations: [...] }`.
        parse: (json) => {
          const envelope = dictionaryEnvelope.safeParse(json)
          return envelope.success ? dictionaryEntries.safeParse(envelope.data[kind]) : envelope
        },
        limiter: null,
        paid: false,
      }),
    userInfo: () =>
      call({
        operation: 'user info',
        method: 'GET',
        path: '/user/info',
        parse: (json) => userInfoSchema.safeParse(json),
        limiter: null,
        paid: false,
      }),
  }
}
