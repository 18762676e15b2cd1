import { beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { ProviderError } from '../../../src/main/providers/provider-error'
import { createClayClient } from '../../../src/main/providers/clay/clay-client'
import {
  ClayMissingFieldError,
  ClayRunEndedError,
} from '../../../src/main/providers/clay/clay-errors'
import type { ClayClientOptions } from '../../../src/main/providers/clay/clay-client'
import type { ClayApi } from '../../../src/main/providers/clay/clay-api'
import type {
  ClayEmulator,
  ClayEmulatorOptions,
  ClayFault,
} from '../../../src/main/sandbox/clay-emulator'
import { clayEmulators } from '../../helpers/clay-emulators'

const KEY = 'ck_live_S3CRET_do_not_leak_9f8e7d'
const ROUTINE = 'function:t_email'
/** The default routine's required input columns, named as its author named them. */
const INPUTS = { Handle: 'someone', Platform: 'instagram' }
const handle = (value: string) => ({ Handle: value, Platform: 'instagram' })
/** What the default routine answers for a handle it knows or does not. */
const answer = (email: string | null, slug = 'janedoe.skin', fullName: string | null = null) => ({
  'Work Email': email,
  'Enrich person': {
    email,
    full_name: fullName,
    linkedin_url: email === null ? null : `https://www.linkedin.com/in/${slug}`,
  },
})

const baseOptions: ClayEmulatorOptions = {
  apiKeys: { [KEY]: 10 },
  routines: [ROUTINE],
  emails: {
    'janedoe.skin': 'hello@janedoe.co',
    'Sam Smith': null,
    'garbled.handle': 'not an email',
  },
  failItems: new Set(['broken.handle']),
}

let emu: ClayEmulator
const { start } = clayEmulators(baseOptions)

beforeEach(async () => {
  emu = await start()
})

function client(overrides: Partial<ClayClientOptions> = {}, on: ClayEmulator = emu): ClayApi {
  return createClayClient({
    baseUrl: on.baseUrl,
    apiKey: () => KEY,
    timeoutMs: 2000,
    poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 3000 },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  })
}

/** The ProviderError a call fails with; every one is checked for the key. */
async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const err: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(err).toBeInstanceOf(ProviderError)
  const providerError = err as ProviderError
  expect(providerError.message).not.toContain(KEY)
  expect(JSON.stringify(providerError.toInfo())).not.toContain(KEY)
  expect(providerError.provider).toBe('clay')
  return providerError
}

function runCalls(on: ClayEmulator = emu) {
  return on.calls().filter((c) => c.route === 'run')
}

describe('clay client: outcomes', () => {
  it("sends the author's input columns and hands back the raw result, nested columns included", async () => {
    const api = client()
    const run = await api.startRun(ROUTINE, 'creator-1', handle('janedoe.skin'))
    expect(run.runId).toMatch(/^run_/)
    expect(run.meta).toMatchObject({ httpStatus: 202, attempts: 1 })

    const done = await api.waitForRun(run.runId, 'creator-1')
    expect(done).toEqual({
      runId: run.runId,
      outcome: { status: 'complete', result: answer('hello@janedoe.co') },
      meta: { httpStatus: 200, attempts: 2, durationMs: expect.any(Number) as number },
    })
    expect(emu.runs()).toEqual([
      expect.objectContaining({
        runId: run.runId,
        routineId: ROUTINE,
        items: [{ id: 'creator-1', inputs: handle('janedoe.skin') }],
      }),
    ])
    expect(emu.credits(KEY)).toBe(9)
  })

  it('does not judge the result: empty columns and non-emails are handed over as sent', async () => {
    const api = client()
    const nobody = await api.startRun(ROUTINE, 'c2', { ...INPUTS, 'Full Name': 'Sam Smith' })
    expect((await api.waitForRun(nobody.runId, 'c2')).outcome).toEqual({
      status: 'complete',
      result: answer(null, '', 'Sam Smith'),
    })
    const garbled = await api.startRun(ROUTINE, 'c4', handle('garbled.handle'))
    expect((await api.waitForRun(garbled.runId, 'c4')).outcome).toEqual({
      status: 'complete',
      result: answer('not an email', 'garbled.handle'),
    })
  })

  it('hands over result {} (no output column mapped) and a missing result as no columns', async () => {
    const unmapped = await start({
      routines: [{ id: ROUTINE, requiredInputs: ['Handle'], outputsMapped: false }],
    })
    const api = client({}, unmapped)
    const run = await api.startRun(ROUTINE, 'c', handle('janedoe.skin'))
    expect((await api.waitForRun(run.runId, 'c')).outcome).toEqual({
      status: 'complete',
      result: {},
    })
    unmapped.injectFaults('results', [
      {
        kind: 'respond',
        status: 200,
        body: {
          routine_run_id: run.runId,
          status: 'complete',
          data: [{ id: 'c', status: 'complete' }],
        },
      },
    ])
    expect((await api.waitForRun(run.runId, 'c')).outcome).toEqual({
      status: 'complete',
      result: {},
    })
  })

  it('reports a per-item failure as an outcome, not an error', async () => {
    const api = client()
    const run = await api.startRun(ROUTINE, 'c3', handle('broken.handle'))
    const done = await api.waitForRun(run.runId, 'c3')
    expect(done.outcome).toEqual({ status: 'failed', message: expect.any(String) as string })
  })

  it('follows the cursor when its item is not on the first page', async () => {
    const api = client()
    const run = await api.startRun(ROUTINE, 'mine', INPUTS)
    const page = (data: unknown[], cursor?: string) => ({
      kind: 'respond' as const,
      status: 200,
      body: { routine_run_id: run.runId, status: 'complete', data, ...(cursor ? { cursor } : {}) },
    })
    emu.injectFaults('results', [
      page([{ id: 'other', status: 'complete', result: { 'Work Email': null } }], 'page-2'),
      page([{ id: 'mine', status: 'complete', result: { 'Work Email': 'me@mine.io' } }]),
    ])
    const done = await api.waitForRun(run.runId, 'mine')
    expect(done.outcome).toEqual({ status: 'complete', result: { 'Work Email': 'me@mine.io' } })
    const urls = emu
      .calls()
      .filter((c) => c.route === 'results')
      .map((c) => new URL(c.url, 'http://x').searchParams)
    expect(urls.map((q) => q.get('cursor'))).toEqual([null, 'page-2'])
    expect(urls[0]?.get('limit')).toBe('100')
  })

  it('fails with item_missing, a run that has ended, when a completed run lacks its item', async () => {
    const api = client()
    const run = await api.startRun(ROUTINE, 'mine', INPUTS)
    emu.injectFaults('results', [
      {
        kind: 'respond',
        status: 200,
        body: { routine_run_id: run.runId, status: 'complete', data: [] },
      },
    ])
    const err = await failure(api.waitForRun(run.runId, 'mine'))
    expect([err.code, err.providerCode]).toEqual(['PROVIDER_ERROR', 'item_missing'])
    expect(err).toBeInstanceOf(ClayRunEndedError)
  })
})

describe('clay client: starting runs', () => {
  it('fails with KEY_MISSING before any request when there is no key', async () => {
    for (const key of [null, '', '  ']) {
      const api = client({ apiKey: () => key })
      const err = await failure(api.startRun(ROUTINE, 'c', INPUTS))
      expect(err.code).toBe('KEY_MISSING')
      expect((await failure(api.waitForRun('run_x', 'c'))).code).toBe('KEY_MISSING')
    }
    expect(emu.calls()).toEqual([])
  })

  it('refuses an item id Clay would reject, without sending it', async () => {
    await expect(client().startRun(ROUTINE, 'x'.repeat(65), INPUTS)).rejects.toBeInstanceOf(
      AppError,
    )
    expect(emu.calls()).toEqual([])
  })

  it('maps 402 to QUOTA_EXCEEDED / credits_exhausted and does not retry', async () => {
    emu.setCredits(KEY, 0)
    const err = await failure(client().startRun(ROUTINE, 'c', INPUTS))
    expect(err.code).toBe('QUOTA_EXCEEDED')
    expect(err.providerCode).toBe('credits_exhausted')
    expect(err.httpStatus).toBe(402)
    expect(err.retryable).toBe(false)
    expect(err.details?.billed).toBe('no')
    expect(runCalls()).toHaveLength(1)
  })

  it('maps 401, 404 and 400 to their provider codes', async () => {
    const wrongKey = createClayClient({ baseUrl: emu.baseUrl, apiKey: () => `${KEY}-old` })
    const auth = await failure(wrongKey.startRun(ROUTINE, 'c', INPUTS))
    expect([auth.code, auth.providerCode, auth.httpStatus]).toEqual([
      'PROVIDER_ERROR',
      'auth_failed',
      401,
    ])
    expect(auth.message).not.toContain(`${KEY}-old`)

    const missing = await failure(client().startRun('function:t_gone', 'c', INPUTS))
    expect([missing.code, missing.providerCode]).toEqual(['PROVIDER_ERROR', 'routine_not_found'])

    emu.injectFaults('run', [{ kind: 'status', status: 400, message: 'items.0.inputs: bad' }])
    const bad = await failure(client().startRun(ROUTINE, 'c', INPUTS))
    expect([bad.code, bad.providerCode]).toEqual(['PROVIDER_ERROR', 'bad_request'])
    expect(bad.message).toContain('items.0.inputs: bad')
    expect(bad).not.toBeInstanceOf(ClayMissingFieldError)
    expect(runCalls()).toHaveLength(3)
  })

  it('reports a missing input column as missing_required_field, naming it, nothing billed', async () => {
    const err = await failure(
      client().startRun(ROUTINE, 'c', { handle: 'janedoe.skin', Platform: 'instagram' }),
    )
    expect([err.code, err.providerCode, err.httpStatus]).toEqual([
      'PROVIDER_ERROR',
      'missing_required_field',
      400,
    ])
    expect(err).toBeInstanceOf(ClayMissingFieldError)
    expect((err as ClayMissingFieldError).column).toBe('Handle')
    expect(err.message).toContain('"Handle"')
    expect(err.details?.billed).toBe('no')
    expect(err.retryable).toBe(false)
    expect(runCalls()).toHaveLength(1)
    expect(emu.runs()).toEqual([])
    expect(emu.credits(KEY)).toBe(10)
  })

  it('scrubs the key from a missing column Clay echoes back', async () => {
    emu.injectFaults('run', [
      { kind: 'status', status: 400, message: `Missing required field: ${KEY}` },
    ])
    const err = await failure(client().startRun(ROUTINE, 'c', INPUTS))
    expect((err as ClayMissingFieldError).column).toBe('[redacted]')
  })

  it('retries a 429 and then succeeds, with one run and one charge', async () => {
    emu.injectFaults('run', [
      { kind: 'status', status: 429, retryAfterSeconds: 0 },
      { kind: 'status', status: 429, retryAfterSeconds: 0 },
    ])
    const run = await client().startRun(ROUTINE, 'c', handle('janedoe.skin'))
    expect(run.meta.attempts).toBe(3)
    expect(runCalls().map((c) => c.status)).toEqual([429, 429, 202])
    expect(emu.runs()).toHaveLength(1)
    expect(emu.credits(KEY)).toBe(9)
  })

  it('waits as long as Retry-After asks before retrying a 429', async () => {
    emu.injectFaults('run', [{ kind: 'status', status: 429, retryAfterSeconds: 1 }])
    const api = client({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5000 } })
    const t0 = performance.now()
    await api.startRun(ROUTINE, 'c', INPUTS)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950)
  })

  it('gives up on 429 after the retry budget with rate_limited, nothing billed', async () => {
    emu.injectFaults('run', [
      { kind: 'status', status: 429, retryAfterSeconds: 0 },
      { kind: 'status', status: 429, retryAfterSeconds: 0 },
      { kind: 'status', status: 429, retryAfterSeconds: 0 },
    ])
    const err = await failure(client().startRun(ROUTINE, 'c', INPUTS))
    expect([err.code, err.providerCode, err.attempts]).toEqual([
      'PROVIDER_UNAVAILABLE',
      'rate_limited',
      3,
    ])
    expect(err.details?.billed).toBe('no')
    expect(emu.runs()).toEqual([])
  })

  it('never re-posts after accept-then-reset: ambiguous_start, billing uncertain, one run', async () => {
    emu.injectFaults('run', [{ kind: 'accept-then-reset' }])
    const err = await failure(client().startRun(ROUTINE, 'c', INPUTS))
    expect(err.code).toBe('PROVIDER_UNAVAILABLE')
    expect(err.providerCode).toBe('ambiguous_start')
    expect(err.retryable).toBe(false)
    expect(err.details?.billed).toBe('uncertain')
    expect(err.attempts).toBe(1)
    expect(runCalls()).toHaveLength(1)
    expect(emu.runs()).toHaveLength(1)
    expect(emu.credits(KEY)).toBe(9)
  })

  it('treats a 5xx on start as ambiguous and does not retry it', async () => {
    emu.injectFaults('run', [{ kind: 'status', status: 502 }])
    const err = await failure(client().startRun(ROUTINE, 'c', INPUTS))
    expect([err.providerCode, err.httpStatus]).toEqual(['ambiguous_start', 502])
    expect(runCalls()).toHaveLength(1)
  })

  it('treats a start that times out as ambiguous; the run it made is not duplicated', async () => {
    emu.injectFaults('run', [{ kind: 'delay', ms: 150 }])
    const err = await failure(client({ timeoutMs: 40 }).startRun(ROUTINE, 'c', INPUTS))
    expect(err.providerCode).toBe('ambiguous_start')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(runCalls()).toHaveLength(1)
    expect(emu.runs()).toHaveLength(1)
  })

  it('retries a refused connection, since nothing was sent', async () => {
    const gone = await start()
    const port = new URL(gone.baseUrl).port
    await gone.close()
    const api = client(
      { retry: { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 100 } },
      gone, // its baseUrl now refuses connections
    )
    const pending = api.startRun(ROUTINE, 'c', INPUTS)
    await new Promise((resolve) => setTimeout(resolve, 30))
    const back = await start({ port: Number(port) })
    const run = await pending
    expect(run.meta.attempts).toBeGreaterThan(1)
    expect(back.runs()).toHaveLength(1)
  })

  it('gives up on refused connections with unreachable after the retry budget', async () => {
    const gone = await start()
    await gone.close()
    const err = await failure(client({}, gone).startRun(ROUTINE, 'c', INPUTS))
    expect([err.code, err.providerCode, err.attempts]).toEqual([
      'PROVIDER_UNAVAILABLE',
      'unreachable',
      3,
    ])
  })

  it('reports an unreadable 202 as malformed, with billing uncertain', async () => {
    emu.injectFaults('run', [
      { kind: 'truncated-json' },
      { kind: 'respond', status: 202, body: {} },
    ])
    for (let i = 0; i < 2; i += 1) {
      const err = await failure(client().startRun(ROUTINE, 'c', INPUTS))
      expect([err.code, err.providerCode]).toEqual(['PROVIDER_ERROR', 'malformed_response'])
      expect(err.details?.billed).toBe('uncertain')
    }
    expect(runCalls()).toHaveLength(2)
  })
})

describe('clay client: waiting for runs', () => {
  it('times out polling, then a later wait on the same run id completes with no new run', async () => {
    const slow = await start({ pollsUntilDone: 1_000_000 })
    const api = client({ poll: { initialDelayMs: 5, maxDelayMs: 10, timeoutMs: 80 } }, slow)
    const run = await api.startRun(ROUTINE, 'c', handle('janedoe.skin'))

    const err = await failure(api.waitForRun(run.runId, 'c'))
    expect([err.code, err.providerCode, err.retryable]).toEqual([
      'PROVIDER_UNAVAILABLE',
      'poll_timeout',
      true,
    ])
    expect(err.attempts).toBeGreaterThan(1)
    expect(err).not.toBeInstanceOf(ClayRunEndedError)
    expect(err.message).toMatch(/still working on this lookup/)

    slow.finishRun(run.runId)
    const done = await api.waitForRun(run.runId, 'c')
    expect(done.outcome).toEqual({ status: 'complete', result: answer('hello@janedoe.co') })
    expect(runCalls(slow)).toHaveLength(1)
    expect(slow.runs()).toHaveLength(1)
    expect(slow.credits(KEY)).toBe(9)
  })

  it('waits no longer than a timeout given for one call', async () => {
    const slow = await start({ pollsUntilDone: 1_000_000 })
    const api = client({ poll: { initialDelayMs: 5, maxDelayMs: 10, timeoutMs: 5000 } }, slow)
    const run = await api.startRun(ROUTINE, 'c', INPUTS)
    const t0 = performance.now()
    const err = await failure(api.waitForRun(run.runId, 'c', { timeoutMs: 60 }))
    expect(err.providerCode).toBe('poll_timeout')
    expect(performance.now() - t0).toBeLessThan(1000)
  })

  it('backs off between polls, doubling up to the maximum', async () => {
    const slow = await start({ pollsUntilDone: 5 })
    const api = client({ poll: { initialDelayMs: 20, maxDelayMs: 40, timeoutMs: 3000 } }, slow)
    const run = await api.startRun(ROUTINE, 'c', INPUTS)
    await api.waitForRun(run.runId, 'c')
    const at = slow
      .calls()
      .filter((c) => c.route === 'results')
      .map((c) => c.at)
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0))
    // Expected 20, 40, 40, 40, 40 ms; timers may fire late but never early.
    expect(gaps).toHaveLength(5)
    expect(gaps[0]).toBeGreaterThanOrEqual(18)
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThanOrEqual(38)
  })

  it('retries transient poll failures: 5xx, reset, hang and 429', async () => {
    emu.injectFaults('results', [
      { kind: 'status', status: 503 },
      { kind: 'reset' },
      { kind: 'status', status: 429, retryAfterSeconds: 0 },
      { kind: 'hang' },
      { kind: 'status', status: 500 },
    ])
    const api = client({
      timeoutMs: 100,
      retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 20 },
    })
    const run = await api.startRun(ROUTINE, 'c', handle('janedoe.skin'))
    const done = await api.waitForRun(run.runId, 'c')
    expect(done.outcome).toEqual({ status: 'complete', result: answer('hello@janedoe.co') })
    // Five faults, the 202 and the 200.
    expect(done.meta.attempts).toBe(7)
    expect(runCalls()).toHaveLength(1)
  })

  it('gives up after too many transient failures in a row, leaving the run resumable', async () => {
    emu.injectFaults('results', [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
    ])
    const api = client()
    const run = await api.startRun(ROUTINE, 'c', INPUTS)
    const err = await failure(api.waitForRun(run.runId, 'c'))
    expect([err.code, err.providerCode, err.retryable, err.attempts]).toEqual([
      'PROVIDER_UNAVAILABLE',
      'server_error',
      true,
      3,
    ])
    expect((await api.waitForRun(run.runId, 'c')).outcome).toEqual({
      status: 'complete',
      result: answer(null),
    })
  })

  const malformed: Array<[string, (runId: string) => ClayFault]> = [
    ['malformed JSON', () => ({ kind: 'malformed-json' })],
    ['truncated JSON', () => ({ kind: 'truncated-json' })],
    ['the wrong content type', () => ({ kind: 'wrong-content-type' })],
    [
      'a 200 without a run id',
      () => ({ kind: 'respond', status: 200, body: { status: 'complete' } }),
    ],
    [
      'a 200 for another run',
      () => ({
        kind: 'respond',
        status: 200,
        body: { routine_run_id: 'run_other', status: 'complete', data: [] },
      }),
    ],
    [
      'data that is not a list',
      (runId) => ({
        kind: 'respond',
        status: 200,
        body: { routine_run_id: runId, status: 'complete', data: 'none' },
      }),
    ],
    [
      'an item without an id',
      (runId) => ({
        kind: 'respond',
        status: 200,
        body: { routine_run_id: runId, status: 'complete', data: [{ status: 'complete' }] },
      }),
    ],
  ]

  it.each(malformed)('rejects %s as malformed_response', async (_label, fault) => {
    const api = client()
    const run = await api.startRun(ROUTINE, 'c', INPUTS)
    emu.finishRun(run.runId)
    emu.injectFaults('results', [fault(run.runId)])
    const err = await failure(api.waitForRun(run.runId, 'c'))
    expect([err.code, err.providerCode]).toEqual(['PROVIDER_ERROR', 'malformed_response'])
  })

  it.each(['validation_failed', 'processing_failed', 'exploded'])(
    'treats a terminal %s as a provider error with that code',
    async (status) => {
      const api = client()
      const run = await api.startRun(ROUTINE, 'c', INPUTS)
      emu.injectFaults('results', [
        { kind: 'respond', status: 200, body: { routine_run_id: run.runId, status, total: 1 } },
      ])
      const err = await failure(api.waitForRun(run.runId, 'c'))
      expect([err.code, err.providerCode]).toEqual(['PROVIDER_ERROR', status])
      // A terminal run never completes: the caller must close it, not resume it.
      expect(err).toBeInstanceOf(ClayRunEndedError)
    },
  )

  it('bounds the result: too large or too deeply nested is malformed, and never retried', async () => {
    const api = client()
    const run = await api.startRun(ROUTINE, 'c', INPUTS)
    let deep: unknown = 'x'
    for (let i = 0; i < 12; i += 1) deep = { inner: deep }
    const completeWith = (result: unknown) => ({
      kind: 'respond' as const,
      status: 200,
      body: {
        routine_run_id: run.runId,
        status: 'complete',
        data: [{ id: 'c', status: 'complete', result }],
      },
    })
    emu.injectFaults('results', [
      completeWith({ Notes: 'x'.repeat(150_000) }),
      completeWith({ Deep: deep }),
    ])
    for (let i = 0; i < 2; i += 1) {
      const err = await failure(api.waitForRun(run.runId, 'c'))
      expect([err.code, err.providerCode, err.attempts]).toEqual([
        'PROVIDER_ERROR',
        'malformed_response',
        1,
      ])
      expect(err).not.toBeInstanceOf(ClayRunEndedError)
    }
  })

  it('fails with run_not_found, a run that has ended, for an unknown run, without retrying', async () => {
    const err = await failure(client().waitForRun('run_unknown', 'c'))
    expect([err.code, err.providerCode, err.attempts]).toEqual([
      'PROVIDER_ERROR',
      'run_not_found',
      1,
    ])
    expect(err).toBeInstanceOf(ClayRunEndedError)
  })

  it('keeps the key out of messages even when the server echoes it', async () => {
    emu.injectFaults('run', [{ kind: 'status', status: 400, message: `bad key ${KEY} given` }])
    const err = await failure(client().startRun(ROUTINE, 'c', INPUTS))
    expect(err.message).toContain('[redacted]')

    const run = await client().startRun(ROUTINE, 'c', INPUTS)
    emu.injectFaults('results', [
      {
        kind: 'respond',
        status: 200,
        body: {
          routine_run_id: run.runId,
          status: 'complete',
          data: [{ id: 'c', status: 'failed', error: { message: `key ${KEY} rejected upstream` } }],
        },
      },
    ])
    const done = await client().waitForRun(run.runId, 'c')
    expect(done.outcome.status).toBe('failed')
    expect(JSON.stringify(done)).not.toContain(KEY)

    const echoed = await client().startRun(ROUTINE, 'c', INPUTS)
    emu.injectFaults('results', [
      {
        kind: 'respond',
        status: 200,
        body: {
          routine_run_id: echoed.runId,
          status: 'complete',
          data: [
            {
              id: 'c',
              status: 'complete',
              result: { [`Key ${KEY}`]: { note: `sent ${KEY}`, list: [KEY] }, 'Work Email': null },
            },
          ],
        },
      },
    ])
    const read = await client().waitForRun(echoed.runId, 'c')
    expect(JSON.stringify(read)).not.toContain(KEY)
    expect(read.outcome).toEqual({
      status: 'complete',
      result: {
        'Key [redacted]': { note: 'sent [redacted]', list: ['[redacted]'] },
        'Work Email': null,
      },
    })
  })
})
