import { afterEach, describe, expect, it } from 'vitest'
import { UNMAPPED_CLAY_MAPPING } from '../../../src/main/services/clay-mapping'
import { RUN_EXPIRY_HOURS } from '../../../src/main/services/clay-runs'
import { ROUTINE, startHarness, testDataset } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'

/**
 * Email lookups against a routine built the way real authors build them (Title Case input
 * columns, a "Work Email" column and an "Enrich person" object), through the real core, SQLite
 * and the Clay emulator over loopback. Set-up mistakes must never be remembered as "no email",
 * and a run that can never answer must never block the creator.
 */

let h: Harness
afterEach(async () => {
  await h.close()
})

type HarnessOptions = Parameters<typeof startHarness>[0]
async function start(options: HarnessOptions = {}): Promise<Harness> {
  h = await startHarness({ clay: { pollsUntilDone: 1 }, ...options })
  return h
}

/** A creator with a report but no email in it: only a (paid) Clay run can find one. */
async function creatorForClay(withEmail = true) {
  const page = await h.core.creators.search({
    platform: 'instagram',
    filters: { influencer: { followers: { min: 5000 } } },
    page: 0,
  })
  for (const c of page.creators) {
    const truth = h.dataset.find((d) => d.platform === 'instagram' && d.userId === c.providerId)!
    if (truth.contacts.some((x) => x.type === 'email')) continue
    if ((truth.clayEmail !== null) !== withEmail) continue
    await h.core.creators.select(c.id)
    return { id: c.id, truth }
  }
  throw new Error('no creator on the page fits')
}

const db = () => h.core.deps.db
const meter = async () => (await h.core.usage.quota()).meters.find((m) => m.meter === 'enrichment')!
const charged = () => 100_000 - h.clayEmu.credits('clay-test-key-2d8e4b6f0a')
const runRows = (creatorId: number) =>
  db()
    .selectFrom('clay_runs')
    .select(['run_id', 'finished_at', 'outcome'])
    .where('creator_id', '=', creatorId)
    .orderBy('id')
    .execute()
const creatorRow = (id: number) =>
  db().selectFrom('creators').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const auditRows = async (creatorId: number) =>
  (
    await db()
      .selectFrom('api_call_logs')
      .select(['action', 'reason', 'outcome', 'cost_units'])
      .where('creator_id', '=', creatorId)
      .where('provider', '=', 'clay')
      .orderBy('id')
      .execute()
  ).map((r) => `${r.action}/${r.reason}/${r.outcome}/${r.cost_units}`)

/** The lookup's rejection, so each case can check its code, words and details together. */
async function rejection(promise: Promise<unknown>) {
  const err = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code: string; message: string; details?: Record<string, unknown> } | null
  expect(err).not.toBeNull()
  return err!
}

describe("email lookups through the routine author's columns", () => {
  it('sends the mapped input columns and reads the email at a nested path', async () => {
    await start()
    await h.core.settings.set({ clayMapping: { emailPath: 'Enrich person.email' } })
    // Only the path changed: the inputs keep their columns.
    expect((await h.core.settings.get()).clayMapping.inputs.handle).toBe('Handle')
    const { id, truth } = await creatorForClay()

    const r = await h.core.creators.enrich(id)
    expect(r).toMatchObject({
      source: 'provider',
      enrichmentsCharged: 1,
      email: { status: 'found', source: 'clay', email: truth.clayEmail, pendingLookup: null },
    })
    const [run] = h.clayEmu.runs()
    expect(run?.routineId).toBe(ROUTINE)
    expect(run?.items[0]?.inputs).toMatchObject({
      Handle: truth.username.toLowerCase(),
      Platform: 'instagram',
      'Profile URL': expect.any(String) as string,
    })
    expect(Object.keys(run?.items[0]?.inputs ?? {}).some((k) => /_/.test(k))).toBe(false)
    expect(await runRows(id)).toEqual([
      { run_id: run?.runId, finished_at: expect.any(String) as string, outcome: 'found' },
    ])
    // Bought once: asking again is free.
    expect(await h.core.creators.enrich(id)).toMatchObject({
      source: 'cache',
      enrichmentsCharged: 0,
    })
    expect(h.clayEmu.runs()).toHaveLength(1)
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })
  })

  it('remembers a genuine "not found" (the column is there, empty) for 30 days', async () => {
    await start()
    const { id } = await creatorForClay(false)
    const r = await h.core.creators.enrich(id)
    expect(r.email).toMatchObject({ status: 'not_found', retryAfter: '2026-12-10T12:00:00.000Z' })
    expect(await runRows(id)).toMatchObject([{ outcome: 'not_found' }])
  })

  it('answers result {} as a set-up error: not charged as "not found", never remembered', async () => {
    await start({
      clay: {
        pollsUntilDone: 1,
        routines: [{ id: ROUTINE, requiredInputs: ['Handle', 'Platform'], outputsMapped: false }],
      },
    })
    const { id } = await creatorForClay()

    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({
      code: 'PRECONDITION',
      details: { provider: 'clay', providerCode: 'no_output_columns', setup: true },
    })
    expect(err.message).toMatch(/returned no columns: map an output column in Clay/)

    // The email stays unknown; nothing was remembered.
    expect((await h.core.creators.get(id)).email).toMatchObject({
      status: 'unknown',
      retryAfter: null,
      pendingLookup: null,
    })
    const row = await creatorRow(id)
    expect([row.email_status, row.email_not_found_until, row.clay_enriched_at]).toEqual([
      null,
      null,
      null,
    ])
    // The run Clay accepted was charged, so it is counted, once; and it is closed.
    expect(await runRows(id)).toMatchObject([{ outcome: 'setup_error' }])
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })
    expect(charged()).toBe(1)
    expect(await auditRows(id)).toEqual([
      'enrich-start/enrich/ok/1',
      'enrich-result/enrich/no_output_columns/0',
    ])

    // The next click is a new run, not the closed one resumed.
    await rejection(h.core.creators.enrich(id))
    const runs = await runRows(id)
    expect(runs).toHaveLength(2)
    expect(new Set(runs.map((r) => r.run_id)).size).toBe(2)
    expect(h.clayEmu.runs()).toHaveLength(2)
    expect(await meter()).toMatchObject({ used: 2, reserved: 0 })
    expect(charged()).toBe(2)
  })

  it('answers a mapped column that is not in the result as a set-up error listing the columns', async () => {
    await start()
    await h.core.settings.set({ clayMapping: { emailPath: 'Email' } })
    const { id } = await creatorForClay()
    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({
      code: 'PRECONDITION',
      details: { providerCode: 'email_column_missing' },
    })
    expect(err.message).toContain('"Work Email"')
    expect(err.message).toContain('"Enrich person"')
    expect((await h.core.creators.get(id)).email.status).toBe('unknown')
    expect((await creatorRow(id)).email_not_found_until).toBeNull()
    expect(await runRows(id)).toMatchObject([{ outcome: 'setup_error' }])
  })

  it('answers a misnamed input column as a typed set-up error; nothing charged or stored', async () => {
    await start()
    await h.core.settings.set({ clayMapping: { inputs: { handle: 'Instagram Handle' } } })
    const { id } = await creatorForClay()
    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({
      code: 'PRECONDITION',
      details: { provider: 'clay', providerCode: 'missing_required_field' },
    })
    expect(err.message).toContain('"Handle"')
    expect(err.message).toMatch(/Settings → Clay sends nothing under that name/)
    expect(err.message).toMatch(/Nothing was charged/)
    expect(await meter()).toMatchObject({ used: 0, reserved: 0 })
    expect(charged()).toBe(0)
    expect(h.clayEmu.runs()).toHaveLength(0)
    expect(await runRows(id)).toEqual([])
    expect((await h.core.creators.get(id)).email.status).toBe('unknown')
    expect(await auditRows(id)).toEqual(['enrich-start/enrich/missing_required_field/0'])
  })

  it("says which of the creator's details is missing when the routine needs it", async () => {
    await start({
      clay: {
        pollsUntilDone: 1,
        routines: [{ id: ROUTINE, requiredInputs: ['Handle', 'Domain'] }],
      },
    })
    const { id } = await creatorForClay()
    const err = await rejection(h.core.creators.enrich(id))
    expect(err.message).toMatch(/"Domain" \(the creator's company domain\), and none is known/)
    expect(await meter()).toMatchObject({ used: 0, reserved: 0 })
  })

  it('refuses before anything is reserved when the routine is not mapped (real mode default)', async () => {
    await start({ clayMapping: UNMAPPED_CLAY_MAPPING })
    const { id } = await creatorForClay()
    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({ code: 'PRECONDITION', details: { providerCode: 'not_mapped' } })
    expect(err.message).toMatch(/Settings → Clay/)
    expect(h.clayEmu.calls()).toEqual([])
    expect(await meter()).toMatchObject({ used: 0, reserved: 0 })
    expect(await auditRows(id)).toEqual([])
  })
})

describe('Clay runs that end', () => {
  it('closes a run whose results answer 404; the next click starts afresh', async () => {
    await start()
    const { id, truth } = await creatorForClay()
    h.clayEmu.injectFaults('results', [{ kind: 'status', status: 404, message: 'Not found' }])
    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({
      code: 'PROVIDER_ERROR',
      details: { providerCode: 'run_not_found', runClosed: true },
    })
    expect(err.message).toMatch(/Clay no longer has it.*asking again starts a new lookup/)
    expect(await runRows(id)).toMatchObject([{ outcome: 'run_not_found' }])
    expect((await h.core.creators.get(id)).email.pendingLookup).toBeNull()
    // Counted once, when Clay accepted it.
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })

    const again = await h.core.creators.enrich(id)
    expect(again).toMatchObject({ enrichmentsCharged: 1, email: { email: truth.clayEmail } })
    expect(h.clayEmu.runs()).toHaveLength(2)
    expect(await meter()).toMatchObject({ used: 2, reserved: 0 })
    expect(charged()).toBe(2)
  })

  it('closes a run that ends failed; the next click starts afresh', async () => {
    await start()
    const { id, truth } = await creatorForClay()
    h.clayEmu.failNextRuns(1)
    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({ code: 'PROVIDER_ERROR', details: { providerCode: 'failed' } })
    expect(await runRows(id)).toMatchObject([{ outcome: 'failed' }])

    const again = await h.core.creators.enrich(id)
    expect(again).toMatchObject({ enrichmentsCharged: 1, email: { email: truth.clayEmail } })
    expect((await runRows(id)).map((r) => r.outcome)).toEqual(['failed', 'found'])
    expect(await meter()).toMatchObject({ used: 2, reserved: 0 })
    expect(charged()).toBe(2)
  })

  it('closes a run whose item failed; the next click is a new run', async () => {
    // Every creator's item fails inside a completed run.
    await start({
      clay: { pollsUntilDone: 1, failItems: new Set(testDataset().map((c) => c.username)) },
    })
    const { id } = await creatorForClay()
    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({ code: 'PROVIDER_ERROR', details: { providerCode: 'failed' } })
    expect(err.message).toMatch(/Clay could not look this creator up/)
    expect(await runRows(id)).toMatchObject([{ outcome: 'failed' }])
    expect((await h.core.creators.get(id)).email.status).toBe('unknown')
    await rejection(h.core.creators.enrich(id))
    expect((await runRows(id)).map((r) => r.outcome)).toEqual(['failed', 'failed'])
    expect(h.clayEmu.runs()).toHaveLength(2)
  })
})

describe('a run that takes longer than a click waits', () => {
  const slow = {
    clay: { pollsUntilDone: 1_000_000 },
    clayClient: { poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 150 } },
  }

  it('returns within the poll timeout with the lookup still pending, then resumes it for free', async () => {
    await start(slow)
    const { id, truth } = await creatorForClay()
    const t0 = performance.now()
    const first = await h.core.creators.enrich(id)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(first).toMatchObject({
      source: 'provider',
      enrichmentsCharged: 1,
      email: { status: 'unknown', pendingLookup: { startedAt: '2026-11-10T12:00:00.000Z' } },
    })
    expect((await h.core.creators.get(id)).email.pendingLookup).toEqual({
      startedAt: '2026-11-10T12:00:00.000Z',
    })
    expect(await auditRows(id)).toEqual([
      'enrich-start/enrich/ok/1',
      'enrich-result/enrich/poll_timeout/0',
    ])

    h.clayEmu.finishRun(h.clayEmu.runs()[0]!.runId)
    const resumed = await h.core.creators.enrich(id)
    expect(resumed).toMatchObject({
      enrichmentsCharged: 0,
      email: { email: truth.clayEmail, pendingLookup: null },
    })
    expect(h.clayEmu.runs()).toHaveLength(1)
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })
  })

  it('abandons a pending lookup: closed, no new charge, and the next click is a new run', async () => {
    await start(slow)
    const { id } = await creatorForClay()
    await h.core.creators.enrich(id)

    const abandoned = await h.core.creators.abandonLookup(id)
    expect(abandoned).toMatchObject({
      abandoned: true,
      email: { status: 'unknown', pendingLookup: null },
    })
    expect(await runRows(id)).toMatchObject([{ outcome: 'abandoned' }])
    expect((await h.core.creators.get(id)).email.pendingLookup).toBeNull()
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })
    expect((await auditRows(id)).at(-1)).toBe('enrich-result/abandon/abandoned/0')
    expect(await h.core.creators.abandonLookup(id)).toMatchObject({ abandoned: false })

    const next = await h.core.creators.enrich(id)
    expect(next).toMatchObject({
      enrichmentsCharged: 1,
      email: { pendingLookup: { startedAt: expect.any(String) as string } },
    })
    expect(h.clayEmu.runs()).toHaveLength(2)
    expect(await meter()).toMatchObject({ used: 2, reserved: 0 })
  })

  it('keeps the answer of a run abandoned while a click was waiting on it', async () => {
    await start({
      clay: { pollsUntilDone: 1_000_000 },
      clayClient: { poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 1500 } },
    })
    const { id, truth } = await creatorForClay()
    const waiting = h.core.creators.enrich(id)
    // Once the run id is stored, the click is waiting on the run.
    while ((await runRows(id)).length === 0) await new Promise((r) => setTimeout(r, 5))
    await h.core.creators.abandonLookup(id)
    h.clayEmu.finishRun(h.clayEmu.runs()[0]!.runId)
    expect((await waiting).email).toMatchObject({ email: truth.clayEmail, status: 'found' })
    expect(await runRows(id)).toMatchObject([{ outcome: 'abandoned' }])
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })
  })

  it(`closes a pending run older than ${RUN_EXPIRY_HOURS} hours as expired instead of resuming it`, async () => {
    await start(slow)
    const { id } = await creatorForClay()
    await h.core.creators.enrich(id)
    h.clock.advanceMs(RUN_EXPIRY_HOURS * 3_600_000 + 1)
    // The profile no longer offers to pick it up.
    expect((await h.core.creators.get(id)).email.pendingLookup).toBeNull()
    const next = await h.core.creators.enrich(id)
    expect(next.enrichmentsCharged).toBe(1)
    expect((await runRows(id)).map((r) => r.outcome)).toEqual(['expired', null])
    expect(h.clayEmu.runs()).toHaveLength(2)
    expect(await meter()).toMatchObject({ used: 2, reserved: 0 })
  })

  it('closes a pending run that Clay has forgotten (404 on resume)', async () => {
    await start(slow)
    const { id } = await creatorForClay()
    await h.core.creators.enrich(id)
    h.clayEmu.forgetRun(h.clayEmu.runs()[0]!.runId)
    const err = await rejection(h.core.creators.enrich(id))
    expect(err).toMatchObject({ details: { providerCode: 'run_not_found' } })
    expect(await runRows(id)).toMatchObject([{ outcome: 'run_not_found' }])
    expect(h.clayEmu.runs()).toHaveLength(1)
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })
  })
})

describe('the test run (Settings → Clay)', () => {
  it('lists the result keys, keeps an email it finds, and counts one lookup', async () => {
    await start()
    const { id, truth } = await creatorForClay()
    const test = await h.core.creators.testClayRoutine(id)
    expect(test).toEqual({
      resultKeys: [
        'Work Email',
        'Enrich person.email',
        'Enrich person.full_name',
        'Enrich person.linkedin_url',
      ],
      email: truth.clayEmail,
      problem: null,
    })
    expect(await meter()).toMatchObject({ used: 1, reserved: 0 })
    expect(await auditRows(id)).toEqual([
      'enrich-start/routine-test/ok/1',
      'enrich-result/routine-test/found/0',
    ])
    // Never paid twice: the lookup afterwards is answered from the cache.
    expect(await h.core.creators.enrich(id)).toMatchObject({
      source: 'cache',
      enrichmentsCharged: 0,
      email: { email: truth.clayEmail },
    })
    expect(h.clayEmu.runs()).toHaveLength(1)
  })

  it('shows the keys when no email column is chosen yet, and remembers nothing', async () => {
    await start()
    await h.core.settings.set({ clayMapping: { emailPath: null } })
    const { id } = await creatorForClay()
    const test = await h.core.creators.testClayRoutine(id)
    expect(test.resultKeys).toContain('Enrich person.email')
    expect(test.email).toBeNull()
    expect(test.problem).toMatch(/Choose the result column that holds the email/)
    expect((await h.core.creators.get(id)).email).toMatchObject({
      status: 'unknown',
      retryAfter: null,
    })
  })

  it('answers set-up problems as words, not failures; a refused start costs nothing', async () => {
    await start()
    await h.core.settings.set({ clayMapping: { inputs: { platform: 'Network' } } })
    const { id } = await creatorForClay()
    const refused = await h.core.creators.testClayRoutine(id)
    expect(refused).toEqual({
      resultKeys: [],
      email: null,
      problem: expect.stringContaining('"Platform"') as string,
    })
    expect(await meter()).toMatchObject({ used: 0, reserved: 0 })
    expect(await auditRows(id)).toEqual(['enrich-start/routine-test/missing_required_field/0'])
  })

  it('reports result {} as the set-up problem it is', async () => {
    await start({
      clay: {
        pollsUntilDone: 1,
        routines: [{ id: ROUTINE, requiredInputs: ['Handle'], outputsMapped: false }],
      },
    })
    const { id } = await creatorForClay()
    const test = await h.core.creators.testClayRoutine(id)
    expect(test).toMatchObject({ resultKeys: [], email: null })
    expect(test.problem).toMatch(/returned no columns/)
    expect(await runRows(id)).toMatchObject([{ outcome: 'setup_error' }])
  })
})
