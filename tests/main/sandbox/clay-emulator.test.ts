import { beforeEach, describe, expect, it } from 'vitest'
import type { ClayEmulator, ClayEmulatorOptions } from '../../../src/main/sandbox/clay-emulator'
import { clayEmulators } from '../../helpers/clay-emulators'

const KEY = 'ck_test_key_1'
const OTHER_KEY = 'ck_test_key_2'
const ROUTINE = 'function:t_email'
const RUN_PATH = `/routines/${encodeURIComponent(ROUTINE)}/run`
/** The default routine's required columns, as its author named them. */
const INPUTS = { Handle: 'someone', Platform: 'instagram' }

const baseOptions: ClayEmulatorOptions = {
  apiKeys: { [KEY]: 10, [OTHER_KEY]: 5 },
  routines: [ROUTINE],
  emails: { 'janedoe.skin': 'hello@janedoe.co', 'Sam Smith': 'sam@smith.io', nobody: null },
  failItems: new Set(['broken.handle']),
}

let emu: ClayEmulator
const { start } = clayEmulators(baseOptions)

beforeEach(async () => {
  emu = await start()
})

interface CallInit {
  method?: 'GET' | 'POST'
  key?: string | null
  body?: unknown
  rawBody?: string
  signal?: AbortSignal
}

function call(path: string, init: CallInit = {}, on: ClayEmulator = emu): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const key = init.key === undefined ? KEY : init.key
  if (key !== null) headers['clay-api-key'] = key
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body))
  return fetch(`${on.baseUrl}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    signal: init.signal,
  })
}

function item(id: string, inputs: Record<string, unknown> = INPUTS) {
  return { id, inputs }
}

/** The default routine's answer, nested column included, for a handle and its email. */
function found(handle: string, email: string | null, fullName: string | null = null) {
  return {
    'Work Email': email,
    'Enrich person': {
      email,
      full_name: fullName,
      linkedin_url: email === null ? null : `https://www.linkedin.com/in/${handle}`,
    },
  }
}

async function startRun(items: unknown[], on: ClayEmulator = emu, key = KEY): Promise<string> {
  const res = await call(RUN_PATH, { body: { items }, key }, on)
  expect(res.status).toBe(202)
  const body = (await res.json()) as { routine_run_id: string }
  return body.routine_run_id
}

function results(runId: string, query = '', key = KEY, on: ClayEmulator = emu) {
  return call(`/routines/run/${runId}/results${query}`, { key }, on)
}

describe('clay emulator: auth and routing', () => {
  it('serves under /public/v0 on loopback', () => {
    expect(emu.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public\/v0$/)
  })

  it('rejects a missing or wrong key with 401 and the documented message', async () => {
    for (const key of [null, 'nope', `${KEY}x`]) {
      const res = await call('/me', { key })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({ message: 'Authentication failed' })
    }
    expect(emu.calls().map((c) => c.status)).toEqual([401, 401, 401])
  })

  it('answers /me with the user and workspace behind the key', async () => {
    const res = await call('/me')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    const body = (await res.json()) as { user: { id: string; name: string }; workspace: unknown }
    expect(body).toEqual({
      user: { id: expect.any(String) as string, name: expect.any(String) as string },
      workspace: { id: expect.any(String) as string },
    })
    const other = (await (await call('/me', { key: OTHER_KEY })).json()) as typeof body
    expect(other.user.id).not.toBe(body.user.id)
  })

  it('answers unknown paths with 404 and wrong methods with 405, both as {message}', async () => {
    const missing = await call('/nothing/here')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ message: expect.any(String) as string })
    const wrongMethod = await call('/me', { method: 'POST', body: {} })
    expect(wrongMethod.status).toBe(405)
    expect(Object.keys((await wrongMethod.json()) as object)).toEqual(['message'])
  })

  it('answers an unknown routine with 404 and charges nothing', async () => {
    const res = await call('/routines/function:t_nope/run', { body: { items: [item('a')] } })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ message: expect.any(String) as string })
    expect(emu.credits(KEY)).toBe(10)
  })
})

describe('clay emulator: run request validation', () => {
  const invalid: Array<[string, unknown]> = [
    ['no items', { items: [] }],
    ['101 items', { items: Array.from({ length: 101 }, (_, i) => item(`i${i}`)) }],
    ['an extra top-level key', { items: [item('a')], priority: 'high' }],
    ['an extra item key', { items: [{ id: 'a', inputs: INPUTS, extra: 1 }] }],
    ['an id over 64 characters', { items: [item('x'.repeat(65))] }],
    ['an empty id', { items: [item('')] }],
    ['inputs that are not an object', { items: [{ id: 'a', inputs: 'jane' }] }],
    ['duplicate ids', { items: [item('a'), item('a')] }],
    ['a non-string webhook id', { items: [item('a')], webhook_id: 7 }],
  ]

  it.each(invalid)('rejects %s with 400 and charges nothing', async (_label, body) => {
    const res = await call(RUN_PATH, { body })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ message: expect.any(String) as string })
    expect(emu.credits(KEY)).toBe(10)
    expect(emu.runs()).toEqual([])
  })

  it('rejects a body that is not JSON with 400', async () => {
    const res = await call(RUN_PATH, { rawBody: '{"items": [' })
    expect(res.status).toBe(400)
    expect(emu.runs()).toEqual([])
  })

  it('accepts exactly 100 items and a webhook id', async () => {
    emu.setCredits(KEY, 100)
    const items = Array.from({ length: 100 }, (_, i) => item(`i${i}`))
    const res = await call(RUN_PATH, { body: { items, webhook_id: 'wh_abc' } })
    expect(res.status).toBe(202)
    expect(emu.credits(KEY)).toBe(0)
  })
})

describe('clay emulator: runs, results and credits', () => {
  it('accepts a run with 202, answers 202 in progress, then 200 complete', async () => {
    const res = await call(RUN_PATH, {
      body: { items: [item('creator-1', { Handle: 'janedoe.skin', Platform: 'instagram' })] },
    })
    expect(res.status).toBe(202)
    const started = (await res.json()) as { routine_run_id: string; status: string }
    expect(started).toEqual({
      routine_run_id: expect.stringMatching(/^run_/) as string,
      status: 'in_progress',
    })
    const runId = started.routine_run_id

    const first = await results(runId)
    expect(first.status).toBe(202)
    expect(await first.json()).toEqual({
      routine_run_id: runId,
      status: 'in_progress',
      total: 1,
      finished: 0,
    })

    const second = await results(runId)
    expect(second.status).toBe(200)
    expect(await second.json()).toEqual({
      routine_run_id: runId,
      status: 'complete',
      total: 1,
      finished: 1,
      data: [
        {
          id: 'creator-1',
          status: 'complete',
          result: found('janedoe.skin', 'hello@janedoe.co'),
        },
      ],
    })
    expect(emu.runs()).toEqual([
      {
        runId,
        routineId: ROUTINE,
        items: [item('creator-1', { Handle: 'janedoe.skin', Platform: 'instagram' })],
        createdAt: expect.any(Number) as number,
        polls: 2,
      },
    ])
  })

  it('looks fixtures up by the handle or name values, whatever the columns are called', async () => {
    const custom = await start({
      routines: [{ id: ROUTINE, requiredInputs: ['IG'], optionalInputs: ['Creator', 'Who'] }],
    })
    const runId = await startRun(
      [
        item('a', { 'Instagram Handle': '@JaneDoe.Skin', 'Full Name': 'Sam Smith', IG: 'x' }),
        item('b', { IG: 'nobody' }),
        item('c', { IG: 'unknown.channel', Creator: 'sam smith' }),
        item('d', { IG: 'unknown.channel' }),
        item('e', { IG: 'broken.handle' }),
        item('f', { IG: 'unknown.channel', Who: 'Jane', 'Profile URL': 'https://x.test/j' }),
      ],
      custom,
    )
    custom.finishRun(runId)
    const body = (await (await results(runId, '', KEY, custom)).json()) as { data: unknown[] }
    expect(body.data).toEqual([
      {
        id: 'a',
        status: 'complete',
        result: found('janedoe.skin', 'hello@janedoe.co', 'Sam Smith'),
      },
      { id: 'b', status: 'complete', result: found('nobody', null) },
      { id: 'c', status: 'complete', result: found('sam-smith', 'sam@smith.io') },
      { id: 'd', status: 'complete', result: found('unknown.channel', null) },
      { id: 'e', status: 'failed', error: { message: expect.any(String) as string } },
      { id: 'f', status: 'complete', result: found('unknown.channel', null) },
    ])
  })

  it('charges one credit per accepted item, per key', async () => {
    await startRun([item('a'), item('b'), item('c')])
    expect(emu.credits(KEY)).toBe(7)
    expect(emu.credits(OTHER_KEY)).toBe(5)
    await startRun([item('a')], emu, OTHER_KEY)
    expect(emu.credits(OTHER_KEY)).toBe(4)
  })

  it('answers 402 and charges nothing when the meter cannot cover the run', async () => {
    emu.setCredits(KEY, 2)
    const short = await call(RUN_PATH, {
      body: { items: [item('a'), item('b'), item('c')] },
    })
    expect(short.status).toBe(402)
    expect(await short.json()).toEqual({ message: expect.any(String) as string })
    expect(emu.credits(KEY)).toBe(2)
    expect(emu.runs()).toEqual([])

    emu.setCredits(KEY, 0)
    const empty = await call(RUN_PATH, { body: { items: [item('a')] } })
    expect(empty.status).toBe(402)
    expect(emu.credits(KEY)).toBe(0)
  })

  it('pages results with limit and an opaque cursor', async () => {
    const runId = await startRun([item('a'), item('b'), item('c')])
    emu.finishRun(runId)
    const page1 = (await (await results(runId, '?limit=2')).json()) as {
      data: Array<{ id: string }>
      cursor?: string
    }
    expect(page1.data.map((d) => d.id)).toEqual(['a', 'b'])
    expect(page1.cursor).toEqual(expect.any(String))
    const page2 = (await (
      await results(runId, `?limit=2&cursor=${encodeURIComponent(page1.cursor ?? '')}`)
    ).json()) as typeof page1
    expect(page2.data.map((d) => d.id)).toEqual(['c'])
    expect(page2.cursor).toBeUndefined()

    expect((await results(runId, '?limit=0')).status).toBe(400)
    expect((await results(runId, '?limit=101')).status).toBe(400)
    expect((await results(runId, '?cursor=garbage')).status).toBe(400)
  })

  it('answers 404 for an unknown run and for another key’s run', async () => {
    expect((await results('run_doesnotexist')).status).toBe(404)
    const runId = await startRun([item('a')])
    const foreign = await results(runId, '', OTHER_KEY)
    expect(foreign.status).toBe(404)
    expect(await foreign.json()).toEqual({ message: expect.any(String) as string })
  })

  it('honours pollsUntilDone and msUntilDone', async () => {
    const slow = await start({ pollsUntilDone: 3 })
    const runId = await startRun([item('a')], slow)
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) statuses.push((await results(runId, '', KEY, slow)).status)
    expect(statuses).toEqual([202, 202, 202, 200])

    const timed = await start({ msUntilDone: 60 })
    const timedRun = await startRun([item('a')], timed)
    expect((await results(timedRun, '', KEY, timed)).status).toBe(202)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect((await results(timedRun, '', KEY, timed)).status).toBe(200)
  })
})

describe("clay emulator: the routine author's columns", () => {
  it('answers 400 Missing required field naming the column, and charges nothing', async () => {
    const res = await call(RUN_PATH, {
      body: { items: [item('a', { handle: 'janedoe.skin', Platform: 'instagram' })] },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ message: 'Missing required field: Handle' })
    expect(emu.credits(KEY)).toBe(10)
    expect(emu.runs()).toEqual([])
  })

  it('counts a blank value as missing, and checks every item before charging any', async () => {
    const blank = await call(RUN_PATH, {
      body: { items: [item('a', { Handle: '  ', Platform: 'instagram' })] },
    })
    expect(await blank.json()).toEqual({ message: 'Missing required field: Handle' })
    const second = await call(RUN_PATH, {
      body: { items: [item('a'), item('b', { Handle: 'jane' })] },
    })
    expect(second.status).toBe(400)
    expect(await second.json()).toEqual({ message: 'Missing required field: Platform' })
    expect(emu.credits(KEY)).toBe(10)
    expect(emu.runs()).toEqual([])
  })

  it("uses each routine's own required columns, and ignores extra ones", async () => {
    const custom = await start({
      routines: [
        ROUTINE,
        { id: 'function:t_people', requiredInputs: ['Professional Profile URL', 'Domain'] },
      ],
    })
    const path = `/routines/${encodeURIComponent('function:t_people')}/run`
    const missing = await call(path, { body: { items: [item('a')] } }, custom)
    expect(await missing.json()).toEqual({
      message: 'Missing required field: Professional Profile URL',
    })
    const inputs = { 'Professional Profile URL': 'https://x.test/in/jane', Domain: 'jane.co' }
    const ok = await call(path, { body: { items: [item('a', { ...inputs, Extra: 1 })] } }, custom)
    expect(ok.status).toBe(202)
    expect(custom.runs().map((r) => r.routineId)).toEqual(['function:t_people'])
  })

  it('completes items with result {} when the routine maps no output column', async () => {
    const unmapped = await start({
      routines: [{ id: ROUTINE, requiredInputs: ['Handle'], outputsMapped: false }],
    })
    const runId = await startRun([item('a', { Handle: 'janedoe.skin' })], unmapped)
    expect(unmapped.credits(KEY)).toBe(9)
    unmapped.finishRun(runId)
    const body = (await (await results(runId, '', KEY, unmapped)).json()) as { data: unknown[] }
    expect(body.data).toEqual([{ id: 'a', status: 'complete', result: {} }])
  })
})

describe('clay emulator: runs that end without an answer', () => {
  it('failRun: polls answer 200 with the run-level status and no data', async () => {
    const runId = await startRun([item('a')])
    emu.failRun(runId)
    const res = await results(runId)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      routine_run_id: runId,
      status: 'failed',
      total: 1,
      finished: 1,
    })
    emu.finishRun(runId)
    expect(((await (await results(runId)).json()) as { status: string }).status).toBe('failed')
  })

  it('failNextRuns: the next runs end with the status given, later ones complete', async () => {
    emu.failNextRuns(1, 'processing_failed')
    const failing = await startRun([item('a')])
    const fine = await startRun([item('b')])
    emu.finishRun(fine)
    expect(((await (await results(failing)).json()) as { status: string }).status).toBe(
      'processing_failed',
    )
    expect(((await (await results(fine)).json()) as { status: string }).status).toBe('complete')
    expect(emu.credits(KEY)).toBe(8)
  })

  it('forgetRun: the run answers 404 from then on, as when Clay expired it', async () => {
    const runId = await startRun([item('a')])
    expect((await results(runId)).status).toBe(202)
    emu.forgetRun(runId)
    const gone = await results(runId)
    expect(gone.status).toBe(404)
    expect(await gone.json()).toEqual({ message: expect.any(String) as string })
  })
})

describe('clay emulator: rate limit', () => {
  it('is off by default', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await call('/me')).status),
    )
    expect(new Set(statuses)).toEqual(new Set([200]))
  })

  it('answers excess requests with 429, a message and Retry-After in seconds', async () => {
    const limited = await start({ rateLimit: { perSecond: 1, burst: 2 } })
    const first = await call('/me', {}, limited)
    const second = await call('/me', {}, limited)
    const third = await call('/me', {}, limited)
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429])
    expect(third.headers.get('retry-after')).toBe('1')
    expect(await third.json()).toEqual({ message: expect.any(String) as string })
    // Buckets are per key.
    expect((await call('/me', { key: OTHER_KEY }, limited)).status).toBe(200)
  })

  it('does not charge a run refused by the rate limit', async () => {
    const limited = await start({ rateLimit: { perSecond: 1, burst: 1 } })
    await call('/me', {}, limited)
    const refused = await call(RUN_PATH, { body: { items: [item('a')] } }, limited)
    expect(refused.status).toBe(429)
    expect(limited.credits(KEY)).toBe(10)
    expect(limited.runs()).toEqual([])
  })
})

describe('clay emulator: injected faults', () => {
  it('status: answers with the status and message, without doing the work', async () => {
    emu.injectFaults('run', [{ kind: 'status', status: 503, message: 'Down for maintenance' }])
    const res = await call(RUN_PATH, { body: { items: [item('a')] } })
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ message: 'Down for maintenance' })
    expect(emu.runs()).toEqual([])
    expect(emu.credits(KEY)).toBe(10)
  })

  it('status 429: always carries Retry-After', async () => {
    emu.injectFaults('me', [
      { kind: 'status', status: 429 },
      { kind: 'status', status: 429, retryAfterSeconds: 7 },
    ])
    expect((await call('/me')).headers.get('retry-after')).toBe('1')
    expect((await call('/me')).headers.get('retry-after')).toBe('7')
  })

  it('faults are consumed one per request, the route queue before any', async () => {
    emu.injectFaults('any', [{ kind: 'status', status: 500 }])
    emu.injectFaults('me', [{ kind: 'status', status: 502 }])
    expect((await call('/me')).status).toBe(502)
    expect((await call('/me')).status).toBe(500)
    expect((await call('/me')).status).toBe(200)
    expect(emu.calls().map((c) => [c.route, c.status, c.fault])).toEqual([
      ['me', 502, 'status'],
      ['me', 500, 'status'],
      ['me', 200, undefined],
    ])
  })

  it('delay: answers normally after the delay', async () => {
    emu.injectFaults('me', [{ kind: 'delay', ms: 120 }])
    const t0 = performance.now()
    const res = await call('/me')
    expect(res.status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100)
  })

  it('hang: never answers', async () => {
    const runId = await startRun([item('a')])
    emu.injectFaults('results', [{ kind: 'hang' }])
    const hung = call(`/routines/run/${runId}/results`, { signal: AbortSignal.timeout(150) })
    await expect(hung).rejects.toThrow()
    expect(emu.calls().at(-1)).toMatchObject({ route: 'results', status: null, fault: 'hang' })
    expect(emu.runs()[0]?.polls).toBe(0)
  })

  it('malformed-json: a JSON content type over a body that does not parse', async () => {
    emu.injectFaults('me', [{ kind: 'malformed-json' }])
    const res = await call('/me')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    const text = await res.text()
    expect(() => JSON.parse(text) as unknown).toThrow()
  })

  it('truncated-json: the start of the real body only', async () => {
    emu.injectFaults('me', [{ kind: 'truncated-json' }])
    const text = await (await call('/me')).text()
    expect(text.startsWith('{"user":')).toBe(true)
    expect(() => JSON.parse(text) as unknown).toThrow()
  })

  it('wrong-content-type: the real body labelled as HTML', async () => {
    emu.injectFaults('me', [{ kind: 'wrong-content-type' }])
    const res = await call('/me')
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(JSON.parse(await res.text())).toHaveProperty('user')
  })

  it('malformed answers still do the work behind them', async () => {
    emu.injectFaults('run', [{ kind: 'malformed-json' }])
    const res = await call(RUN_PATH, { body: { items: [item('a')] } })
    expect(res.status).toBe(202)
    expect(emu.runs()).toHaveLength(1)
    expect(emu.credits(KEY)).toBe(9)
  })

  it('reset: destroys the socket without doing the work', async () => {
    emu.injectFaults('run', [{ kind: 'reset' }])
    await expect(call(RUN_PATH, { body: { items: [item('a')] } })).rejects.toThrow()
    expect(emu.runs()).toEqual([])
    expect(emu.credits(KEY)).toBe(10)
    expect(emu.calls()).toEqual([
      {
        route: 'run',
        url: `/public/v0${RUN_PATH}`,
        status: null,
        at: expect.any(Number) as number,
        fault: 'reset',
      },
    ])
  })

  it('accept-then-reset: creates and charges the run, then destroys the socket', async () => {
    emu.injectFaults('run', [{ kind: 'accept-then-reset' }])
    await expect(call(RUN_PATH, { body: { items: [item('a')] } })).rejects.toThrow()
    expect(emu.runs()).toHaveLength(1)
    expect(emu.credits(KEY)).toBe(9)
  })

  it('accept-then-reset is refused for routes other than run', () => {
    expect(() => emu.injectFaults('me' as 'run', [{ kind: 'accept-then-reset' }])).toThrow(
      RangeError,
    )
  })

  it('close() ends hanging requests instead of waiting for them', async () => {
    const closing = await start()
    closing.injectFaults('any', [{ kind: 'hang' }])
    const hung = call('/me', {}, closing)
    await new Promise((resolve) => setTimeout(resolve, 30))
    await closing.close()
    await expect(hung).rejects.toThrow()
  })
})
