import { AppError } from '../../../shared/errors'
import type { ProviderError } from '../provider-error'
import { DEFAULT_RETRY, backoffDelay } from '../http/backoff'
import type { RetryPolicy } from '../http/backoff'
import { httpRequest } from '../http/http-request'
import { sleep } from '../http/rate-limiter'
import type {
  ClayApi,
  ClayRunInputs,
  ClayRunOutcome,
  ClayRunStarted,
  ClayWaitOptions,
  ClayWorkspace,
} from './clay-api'
import { clayError, missingFieldColumn, statusCategory } from './clay-errors'
import type { ClayErrorArgs } from './clay-errors'
import { itemOutcome, redactOutcome } from './clay-outcome'
import {
  describeRefusal,
  describeTransient,
  elapsedSince,
  networkWhat,
  retryAfterMs,
  sleepUntil,
} from './clay-call-helpers'
import { meSchema, runResultsSchema, runStartedSchema } from './schemas'

export const DEFAULT_CLAY_BASE_URL = 'https://api.clay.com/public/v0'

export interface ClayPollOptions {
  /** Wait after the first unfinished poll; doubled after each further one. */
  initialDelayMs: number
  maxDelayMs: number
  /**
   * How long one `waitForRun` polls before giving up (the run id stays valid). A person clicked
   * and is waiting, so it is short; a run that takes longer is picked up by a later click.
   */
  timeoutMs: number
}

export const DEFAULT_CLAY_POLL: ClayPollOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 5_000,
  timeoutMs: 20_000,
}

export interface ClayClientOptions {
  baseUrl?: string
  /** Read on every call, so a key saved or removed in settings applies at once. */
  apiKey: () => string | null
  /** Deadline for one HTTP exchange. */
  timeoutMs?: number
  poll?: Partial<ClayPollOptions>
  /** For refused connections and 429s on start, and transient poll failures in a row. */
  retry?: RetryPolicy
}

/** Clay limits item ids to 64 characters (`docs/providers.md` §2.6). */
const MAX_ITEM_ID = 64
const RESULTS_PAGE = 100

export function createClayClient(options: ClayClientOptions): ClayApi {
  const baseUrl = (options.baseUrl ?? DEFAULT_CLAY_BASE_URL).replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 20_000
  const poll: ClayPollOptions = { ...DEFAULT_CLAY_POLL, ...options.poll }
  const retry = options.retry ?? DEFAULT_RETRY

  function requireKey(): string {
    const key = options.apiKey()
    if (key === null || key.trim() === '')
      throw clayError(
        {
          code: 'KEY_MISSING',
          providerCode: 'key_missing',
          message: 'No Clay API key is configured',
          billed: 'no',
          attempts: 0,
          durationMs: 0,
        },
        null,
      )
    return key
  }

  /**
   * Clay has no idempotency key, so a start is repeated only when Clay provably did nothing: the
   * connection was refused, or it answered 429. Anything else after the request left us may
   * have run and been charged, and is reported as such instead.
   */
  async function startRun(
    routineId: string,
    itemId: string,
    inputs: ClayRunInputs,
  ): Promise<ClayRunStarted> {
    if (itemId === '' || itemId.length > MAX_ITEM_ID)
      throw new AppError('VALIDATION', `Clay item ids must be 1 to ${MAX_ITEM_ID} characters`)
    const key = requireKey()
    const started = performance.now()
    const url = `${baseUrl}/routines/${encodeURIComponent(routineId)}/run`
    const body = { items: [{ id: itemId, inputs }] }

    for (let attempt = 1; ; attempt += 1) {
      const outcome = await httpRequest({
        method: 'POST',
        url,
        headers: { 'clay-api-key': key },
        body,
        timeoutMs,
      })
      const fail = (args: Omit<ClayErrorArgs, 'attempts' | 'durationMs'>): ProviderError =>
        clayError({ ...args, attempts: attempt, durationMs: elapsedSince(started) }, key)
      const ambiguous = (what: string, httpStatus: number | null): ProviderError =>
        fail({
          code: 'PROVIDER_UNAVAILABLE',
          providerCode: 'ambiguous_start',
          httpStatus,
          billed: 'uncertain',
          message: `Clay did not confirm the run start (${what}); it may have run and been charged, so it was not retried`,
        })

      if (outcome.kind === 'network') {
        if (outcome.reason !== 'refused') throw ambiguous(networkWhat(outcome), null)
        if (attempt < retry.maxAttempts) {
          await sleep(backoffDelay(retry, attempt, null))
          continue
        }
        throw fail({
          code: 'PROVIDER_UNAVAILABLE',
          providerCode: 'unreachable',
          retryable: true,
          billed: 'no',
          message: 'Clay could not be reached (connection refused)',
        })
      }

      const { status } = outcome
      if (status === 429) {
        if (attempt < retry.maxAttempts) {
          await sleep(backoffDelay(retry, attempt, retryAfterMs(outcome)))
          continue
        }
        throw fail({
          code: 'PROVIDER_UNAVAILABLE',
          providerCode: 'rate_limited',
          httpStatus: status,
          retryable: true,
          billed: 'no',
          message: `Clay is rate limiting run starts (429 after ${attempt} attempts)`,
        })
      }
      if (status >= 500) throw ambiguous(`HTTP ${status}`, status)
      const missingColumn = status === 400 ? missingFieldColumn(outcome.json) : null
      // The routine's author named an input column this request did not fill: a set-up problem.
      if (missingColumn !== null)
        throw fail({
          code: 'PROVIDER_ERROR',
          providerCode: 'missing_required_field',
          httpStatus: status,
          billed: 'no',
          missingColumn,
          message: `Clay's routine needs a value for its input column "${missingColumn}", and none was sent. Nothing was charged.`,
        })
      if (status < 200 || status >= 300)
        throw fail({
          ...statusCategory(status, 'routine_not_found'),
          httpStatus: status,
          billed: 'no',
          message: describeRefusal('start the run', status, outcome.json),
        })

      // A 2xx means the run exists and was paid for; an unreadable body loses its id.
      const parsed = outcome.jsonError === null ? runStartedSchema.safeParse(outcome.json) : null
      if (parsed === null || !parsed.success)
        throw fail({
          code: 'PROVIDER_ERROR',
          providerCode: 'malformed_response',
          httpStatus: status,
          billed: 'uncertain',
          message: `Clay accepted the run but its answer was unreadable (${outcome.jsonError ?? 'unexpected shape'})`,
        })
      return {
        runId: parsed.data.routine_run_id,
        meta: { httpStatus: status, durationMs: elapsedSince(started), attempts: attempt },
      }
    }
  }

  /**
   * Polls until the run is terminal. Polling is free and safe to repeat, so transient failures
   * are retried; giving up leaves the run id valid for a later call to resume.
   */
  async function waitForRun(
    runId: string,
    itemId: string,
    waitOptions: ClayWaitOptions = {},
  ): Promise<ClayRunOutcome> {
    const key = requireKey()
    const started = performance.now()
    const waitMs = Math.max(1, waitOptions.timeoutMs ?? poll.timeoutMs)
    const deadline = started + waitMs
    const resultsUrl = `${baseUrl}/routines/run/${encodeURIComponent(runId)}/results`
    let attempts = 0
    let transientInARow = 0
    let nextPollDelay = poll.initialDelayMs
    let cursor: string | null = null

    const fail = (args: Omit<ClayErrorArgs, 'attempts' | 'durationMs' | 'billed'>) =>
      clayError({ ...args, billed: 'no', attempts, durationMs: elapsedSince(started) }, key)
    const pollTimeout = () =>
      fail({
        code: 'PROVIDER_UNAVAILABLE',
        providerCode: 'poll_timeout',
        retryable: true,
        message: `Clay is still working on this lookup after ${Math.round(waitMs / 1000)} seconds. It keeps running: ask again later to pick up its answer at no extra cost.`,
      })

    for (;;) {
      const remaining = deadline - performance.now()
      if (remaining <= 0) throw pollTimeout()
      const query = new URLSearchParams({ limit: String(RESULTS_PAGE) })
      if (cursor !== null) query.set('cursor', cursor)
      const outcome = await httpRequest({
        method: 'GET',
        url: `${resultsUrl}?${query.toString()}`,
        headers: { 'clay-api-key': key },
        timeoutMs: Math.max(1, Math.min(timeoutMs, Math.ceil(remaining))),
      })
      attempts += 1

      // Polling is free and changes nothing, so any of these is simply asked again.
      if (outcome.kind === 'network' || outcome.status === 429 || outcome.status >= 500) {
        if (performance.now() >= deadline) throw pollTimeout()
        transientInARow += 1
        const transient = describeTransient(outcome)
        if (transientInARow >= retry.maxAttempts)
          throw fail({
            code: 'PROVIDER_UNAVAILABLE',
            providerCode: transient.providerCode,
            httpStatus: outcome.kind === 'response' ? outcome.status : null,
            retryable: true,
            message: `Clay results for run ${runId} failed ${transientInARow} times in a row (${transient.what})`,
          })
        await sleepUntil(backoffDelay(retry, transientInARow, transient.retryAfterMs), deadline)
        continue
      }
      transientInARow = 0

      const { status } = outcome
      if (status < 200 || status >= 300)
        throw fail({
          ...statusCategory(status, 'run_not_found'),
          httpStatus: status,
          // Clay no longer knows the run (expired, or never ours): no later poll will find it.
          runEnded: status === 404,
          message:
            status === 404
              ? `Clay no longer has this lookup (run ${runId}); it cannot be resumed`
              : describeRefusal(`read run ${runId}`, status, outcome.json),
        })
      const parsed = outcome.jsonError === null ? runResultsSchema.safeParse(outcome.json) : null
      if (parsed === null || !parsed.success || parsed.data.routine_run_id !== runId)
        throw fail({
          code: 'PROVIDER_ERROR',
          providerCode: 'malformed_response',
          httpStatus: status,
          message: `Clay's results for run ${runId} were unreadable (${outcome.jsonError ?? (parsed?.success ? 'another run id' : 'unexpected shape')})`,
        })
      const page = parsed.data

      // 202 is never "done", whatever the body says (`docs/providers.md` §2.8).
      if (status === 202 || page.status === 'in_progress') {
        cursor = null
        await sleepUntil(nextPollDelay, deadline)
        nextPollDelay = Math.min(nextPollDelay * 2, poll.maxDelayMs)
        continue
      }
      // Any other status is terminal (§2.8): the run is over and will never complete.
      if (page.status !== 'complete')
        throw fail({
          code: 'PROVIDER_ERROR',
          providerCode: page.status,
          httpStatus: status,
          runEnded: true,
          message: `Clay run ${runId} ended with status "${page.status}"`,
        })

      const item = page.data?.find((candidate) => candidate.id === itemId)
      if (item === undefined) {
        if (page.cursor) {
          cursor = page.cursor
          continue
        }
        throw fail({
          code: 'PROVIDER_ERROR',
          providerCode: 'item_missing',
          httpStatus: status,
          runEnded: true,
          message: `Clay run ${runId} completed without a result for item ${itemId}`,
        })
      }
      const outcomeOrError = itemOutcome(item)
      if ('problem' in outcomeOrError)
        throw fail({
          code: 'PROVIDER_ERROR',
          providerCode: outcomeOrError.problem,
          httpStatus: status,
          message: `Clay's result for item ${itemId} of run ${runId}: ${outcomeOrError.detail}`,
        })
      return {
        runId,
        outcome: redactOutcome(outcomeOrError, key),
        meta: { httpStatus: status, durationMs: elapsedSince(started), attempts },
      }
    }
  }

  /** One free GET: a refused key, an outage or an odd body each come back as a typed error. */
  async function me(): Promise<ClayWorkspace> {
    const key = requireKey()
    const started = performance.now()
    const outcome = await httpRequest({
      method: 'GET',
      url: `${baseUrl}/me`,
      headers: { 'clay-api-key': key },
      timeoutMs,
    })
    const fail = (args: Omit<ClayErrorArgs, 'attempts' | 'durationMs' | 'billed'>): ProviderError =>
      clayError({ ...args, billed: 'no', attempts: 1, durationMs: elapsedSince(started) }, key)
    if (outcome.kind === 'network' || outcome.status === 429 || outcome.status >= 500) {
      const t = describeTransient(outcome)
      throw fail({
        code: 'PROVIDER_UNAVAILABLE',
        providerCode: t.providerCode,
        retryable: true,
        message: `Clay could not be reached (${t.what})`,
      })
    }
    if (outcome.status !== 200)
      throw fail({
        ...statusCategory(outcome.status, 'routine_not_found'),
        httpStatus: outcome.status,
        message: describeRefusal('check the key', outcome.status, outcome.json),
      })
    const parsed = outcome.jsonError === null ? meSchema.safeParse(outcome.json) : null
    if (parsed === null || !parsed.success)
      throw fail({
        code: 'PROVIDER_ERROR',
        providerCode: 'malformed_response',
        httpStatus: outcome.status,
        message: 'Clay answered /me with an unreadable body',
      })
    return {
      workspaceId: String(parsed.data.workspace.id),
      meta: { httpStatus: outcome.status, durationMs: elapsedSince(started), attempts: 1 },
    }
  }

  return { me, startRun, waitForRun }
}
