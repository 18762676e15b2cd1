import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import type { ClayFault, ClayRunFault } from '../../src/main/sandbox/clay-emulator'
import { reportEmail } from '../../src/main/services/creator-repository'
import type { ErrorCode } from '../../src/shared/errors'
import { auditRowsAfter, lastAuditId, startFaultRig, storedData } from './helpers/fault-rig'
import type { FaultRig } from './helpers/fault-rig'
import { recordFigures } from './helpers/figures'
import { ledgerSpend, openReservations, providerCharges, spendDiff } from './helpers/ledger'
import { CLAY_CREDITS, CLAY_KEY } from './helpers/rig'
import type { Rig } from './helpers/rig'

/**
 * Part 3, Clay: every fault on the run start and on the result polls. Clay has no idempotency
 * key, so a start whose answer was lost is counted (it may have run), never retried; a failed
 * poll leaves the run pending, to be resumed for free.
 */

interface FaultCase {
  name: string
  start?: ClayRunFault[]
  results?: ClayFault[]
  arrange?: (rig: Rig) => void | Promise<void>
  dead?: true
  outcome: 'ok' | { code: ErrorCode; providerCode: string; during: 'start' | 'poll' }
  /** Clay may have charged a run the app never saw started: counted once, at most over by one. */
  uncertain?: true
  /** Work the emulator finishes after the client gave up, to wait for before counting. */
  lateMs?: number
  /** The run can never answer (gone, failed): it is closed, not left pending to resume. */
  closesRun?: true
}

const startFailed = (code: ErrorCode, providerCode: string) =>
  ({ code, providerCode, during: 'start' }) as const
const pollFailed = (code: ErrorCode, providerCode: string) =>
  ({ code, providerCode, during: 'poll' }) as const

const CASES: FaultCase[] = [
  {
    name: '429 with Retry-After on every start',
    start: [
      { kind: 'status', status: 429 },
      { kind: 'status', status: 429 },
    ],
    outcome: startFailed('PROVIDER_UNAVAILABLE', 'rate_limited'),
  },
  {
    name: '429 without Retry-After, then an answer',
    start: [{ kind: 'respond', status: 429, body: { message: 'Slow down' } }],
    outcome: 'ok',
  },
  {
    name: '500 on the start',
    start: [{ kind: 'status', status: 500 }],
    outcome: startFailed('PROVIDER_UNAVAILABLE', 'ambiguous_start'),
    uncertain: true,
  },
  {
    name: '503 on a poll, then the result',
    results: [{ kind: 'status', status: 503 }],
    outcome: 'ok',
  },
  {
    name: '500 on every poll',
    results: [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
    ],
    outcome: pollFailed('PROVIDER_UNAVAILABLE', 'server_error'),
  },
  {
    name: 'connection refused',
    dead: true,
    outcome: startFailed('PROVIDER_UNAVAILABLE', 'unreachable'),
  },
  {
    name: 'connection reset on the start',
    start: [{ kind: 'reset' }],
    outcome: startFailed('PROVIDER_UNAVAILABLE', 'ambiguous_start'),
    uncertain: true,
  },
  {
    name: 'run accepted, then the connection reset',
    start: [{ kind: 'accept-then-reset' }],
    outcome: startFailed('PROVIDER_UNAVAILABLE', 'ambiguous_start'),
    uncertain: true,
  },
  {
    name: 'no answer to the start (timeout)',
    start: [{ kind: 'hang' }],
    outcome: startFailed('PROVIDER_UNAVAILABLE', 'ambiguous_start'),
    uncertain: true,
  },
  {
    name: 'an answer to the start that comes too late',
    start: [{ kind: 'delay', ms: 900 }],
    outcome: startFailed('PROVIDER_UNAVAILABLE', 'ambiguous_start'),
    uncertain: true,
    lateMs: 800,
  },
  {
    name: 'no answer to the polls (timeout)',
    results: [{ kind: 'hang' }, { kind: 'hang' }],
    outcome: pollFailed('PROVIDER_UNAVAILABLE', 'timeout'),
  },
  ...(['truncated-json', 'malformed-json', 'wrong-content-type'] as const).map(
    (kind): FaultCase => ({
      name: `${kind} on the start`,
      start: [{ kind }],
      outcome: startFailed('PROVIDER_ERROR', 'malformed_response'),
      uncertain: true,
    }),
  ),
  ...(['truncated-json', 'malformed-json', 'wrong-content-type'] as const).map(
    (kind): FaultCase => ({
      name: `${kind} on a poll`,
      results: [{ kind }],
      outcome: pollFailed('PROVIDER_ERROR', 'malformed_response'),
    }),
  ),
  {
    name: 'a missing input column (400 Missing required field)',
    start: [{ kind: 'status', status: 400, message: 'Missing required field: Handle' }],
    outcome: startFailed('PRECONDITION', 'missing_required_field'),
  },
  {
    name: 'the run is gone (404 on a poll)',
    results: [{ kind: 'status', status: 404, message: 'Routine run not found' }],
    outcome: pollFailed('PROVIDER_ERROR', 'run_not_found'),
    closesRun: true,
  },
  {
    name: 'the run ends failed',
    arrange: (rig) => rig.clayEmu.failNextRuns(1),
    outcome: pollFailed('PROVIDER_ERROR', 'failed'),
    closesRun: true,
  },
  {
    name: 'credits exhausted (402)',
    arrange: (rig) => rig.clayEmu.setCredits(CLAY_KEY, 0),
    outcome: startFailed('QUOTA_EXCEEDED', 'credits_exhausted'),
  },
]

let casesRun = 0
afterAll(() => {
  recordFigures('provider-faults-clay', { casesRun, faultKinds: CASES.length })
})

describe('Clay enrichment', () => {
  it.each(CASES)('$name', async (c) => {
    const rig = await startFaultRig()
    try {
      await runCase(rig, c)
      casesRun++
    } finally {
      await rig.close()
    }
  })

  it('resumes a run whose polls failed, reading unexpected fields, without paying again', async () => {
    const rig = await startFaultRig()
    try {
      const creatorId = await creatorForClay(rig)
      rig.faultsFromNowOn()
      rig.clayEmu.injectFaults('results', [
        { kind: 'status', status: 500 },
        { kind: 'status', status: 500 },
      ])
      expect(await rig.call('creators:enrich', { creatorId })).toMatchObject({ ok: false })
      const run = await rig.db
        .selectFrom('clay_runs')
        .select('run_id')
        .where('finished_at', 'is', null)
        .executeTakeFirstOrThrow()
      rig.clayEmu.injectFaults('results', [
        {
          kind: 'respond',
          status: 200,
          body: {
            routine_run_id: run.run_id,
            status: 'complete',
            total: 1,
            finished: 1,
            billing: { credits: 1 },
            data: [
              {
                id: `creator-${creatorId}`,
                status: 'complete',
                // The routine author's column names, with one the app does not know.
                result: {
                  'Work Email': 'found@agency.test',
                  'Enrich person': { email: 'found@agency.test', score: 0.9 },
                  'Lead Score': 87,
                },
                trace: ['step-1'],
              },
            ],
          },
        },
      ])
      const resumed = await rig.call('creators:enrich', { creatorId })
      expect(resumed).toMatchObject({
        ok: true,
        data: { enrichmentsCharged: 0, email: { email: 'found@agency.test', status: 'found' } },
      })
      expect(rig.clayEmu.runs()).toHaveLength(1)
      const diff = spendDiff(
        await ledgerSpend(rig.db),
        providerCharges(rig.modashEmu, rig.clayEmu, CLAY_KEY, CLAY_CREDITS),
      )
      expect(diff).toEqual({ discovery: 0, report: 0, enrichment: 0, milliCredits: 0 })
      casesRun++
    } finally {
      await rig.close()
    }
  })
})

async function runCase(rig: FaultRig, c: FaultCase): Promise<void> {
  const creatorId = await creatorForClay(rig)
  if (c.dead) await rig.clayEmu.close()
  rig.faultsFromNowOn()
  if (c.start) rig.clayEmu.injectFaults('run', c.start)
  if (c.results) rig.clayEmu.injectFaults('results', c.results)
  // Credits Clay charged so far, kept across a test that empties the balance.
  const spentBefore = CLAY_CREDITS - rig.clayEmu.credits(CLAY_KEY)
  await c.arrange?.(rig)
  const creditsAfterArrange = rig.clayEmu.credits(CLAY_KEY)
  const before = await storedData(rig)
  const auditId = await lastAuditId(rig)

  const envelope = await rig.call('creators:enrich', { creatorId })
  if (c.lateMs) await sleep(c.lateMs)

  expect(rig.unexpected).toEqual([])
  const failure = c.outcome === 'ok' ? null : c.outcome
  if (failure === null) {
    expect(envelope).toMatchObject({
      ok: true,
      data: { source: 'provider', enrichmentsCharged: 1 },
    })
  } else {
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: failure.code, details: { providerCode: failure.providerCode } },
    })
    // Nothing half-known is stored about the creator's email.
    expect(await storedData(rig)).toBe(before)
  }
  expect(await openReservations(rig.db)).toBe(0)

  const outcomes = (await auditRowsAfter(rig, auditId)).map((r) => r.outcome)
  if (failure === null) expect(outcomes).toEqual(['ok', expect.stringMatching(/^(not_)?found$/)])
  else if (failure.during === 'start') expect(outcomes).toEqual([failure.providerCode])
  else expect(outcomes).toEqual(['ok', failure.providerCode])

  const pending = await rig.db
    .selectFrom('clay_runs')
    .select('run_id')
    .where('finished_at', 'is', null)
    .execute()
  // A failed poll keeps the run to resume, unless the run is over; a failed start has none.
  expect(pending).toHaveLength(failure?.during === 'poll' && !c.closesRun ? 1 : 0)

  const diff = spendDiff(
    await ledgerSpend(rig.db),
    providerCharges(rig.modashEmu, rig.clayEmu, CLAY_KEY, creditsAfterArrange + spentBefore),
  )
  expect({ ...diff, enrichment: 0 }).toEqual({
    discovery: 0,
    report: 0,
    enrichment: 0,
    milliCredits: 0,
  })
  expect(diff.enrichment).toBeGreaterThanOrEqual(0)
  expect(diff.enrichment).toBeLessThanOrEqual(c.uncertain ? 1 : 0)
}

/** A creator with a report that holds no email, so only a (paid) Clay run can find one. */
async function creatorForClay(rig: Rig): Promise<number> {
  await rig.ok('creators:search', { platform: 'instagram', filters: {}, page: 0 })
  const rows = await rig.db.selectFrom('creators').select('id').orderBy('id').execute()
  for (const { id } of rows) {
    const detail = await rig.ok('creators:select', { creatorId: id })
    if (reportEmail(detail.report) === null) return id
  }
  throw new Error('every creator on the page has an email in its report')
}
