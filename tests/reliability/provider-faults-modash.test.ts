import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import type { ModashFault, ModashRoute } from '../../src/main/sandbox/modash-emulator'
import type { ErrorCode } from '../../src/shared/errors'
import { auditRowsAfter, lastAuditId, startFaultRig, storedData } from './helpers/fault-rig'
import type { FaultRig } from './helpers/fault-rig'
import { recordFigures } from './helpers/figures'
import { ledgerSpend, openReservations, providerCharges, spendDiff } from './helpers/ledger'
import { CLAY_CREDITS, CLAY_KEY, MODASH_TOKEN } from './helpers/rig'
import type { Rig } from './helpers/rig'

/**
 * Part 3, Modash: every fault on the two paid routes, each through the handler table on a fresh
 * database. Whatever happens: no crash, the right typed error (or the cached answer, marked
 * stale), no reservation left behind, nothing half-bought stored, one audit row saying what
 * happened, and a ledger that never counts less than Modash charged.
 */

type Target = 'search' | 'report-cached' | 'report-new'

interface FaultCase {
  name: string
  arrange?: (rig: Rig, ctx: { route: ModashRoute; providerId: string }) => void
  dead?: true
  outcome: 'ok' | { code: ErrorCode; providerCode: string }
  /** Modash did the work and may have charged for it, though the app could not use the answer. */
  billed?: true
  /** Work the emulator finishes after the client has given up, to wait for before counting. */
  lateMs?: number
}

const faults =
  (...list: ModashFault[]) =>
  (rig: Rig, ctx: { route: ModashRoute }) =>
    rig.modashEmu.injectFaults(ctx.route, list)
const unavailable = (providerCode: string) =>
  ({ code: 'PROVIDER_UNAVAILABLE', providerCode }) as const
const malformed = { code: 'PROVIDER_ERROR', providerCode: 'malformed_response' } as const

const CASES: FaultCase[] = [
  {
    name: '429 without Retry-After on every attempt',
    arrange: faults({ kind: 'status', status: 429 }, { kind: 'status', status: 429 }),
    outcome: unavailable('too_many_requests'),
  },
  {
    name: '429 with Retry-After, then an answer',
    arrange: faults({ kind: 'status', status: 429, retryAfterSeconds: 0.05 }),
    outcome: 'ok',
  },
  {
    name: '429 with Retry-After on every attempt',
    arrange: faults(
      { kind: 'status', status: 429, retryAfterSeconds: 0.01 },
      { kind: 'status', status: 429, retryAfterSeconds: 0.01 },
    ),
    outcome: unavailable('too_many_requests'),
  },
  {
    name: '500 on every attempt',
    arrange: faults({ kind: 'status', status: 500 }, { kind: 'status', status: 500 }),
    outcome: unavailable('internal_server_error'),
  },
  {
    name: '502, then an answer',
    arrange: faults({ kind: 'status', status: 502, code: 'bad_gateway' }),
    outcome: 'ok',
  },
  {
    name: '503 on every attempt',
    arrange: faults(
      { kind: 'status', status: 503, code: 'service_unavailable' },
      { kind: 'status', status: 503, code: 'service_unavailable' },
    ),
    outcome: unavailable('service_unavailable'),
  },
  { name: 'connection refused', dead: true, outcome: unavailable('connection_refused') },
  {
    name: 'connection reset on every attempt',
    arrange: faults({ kind: 'reset' }, { kind: 'reset' }),
    outcome: unavailable('network'),
  },
  {
    name: 'no answer at all (timeout)',
    arrange: faults({ kind: 'hang' }, { kind: 'hang' }),
    outcome: unavailable('timeout'),
    // Modash may still finish a call nobody waits for: counted, never retried.
    billed: true,
  },
  {
    name: 'a 200 whose body is too slow',
    arrange: faults({ kind: 'slow-body', ms: 1500 }, { kind: 'slow-body', ms: 1500 }),
    outcome: unavailable('timeout'),
    billed: true,
  },
  {
    name: 'truncated JSON',
    arrange: faults({ kind: 'truncated-json' }),
    outcome: malformed,
    billed: true,
  },
  {
    name: 'malformed JSON',
    arrange: faults({ kind: 'malformed-json' }),
    outcome: malformed,
    billed: true,
  },
  {
    name: 'the wrong content type',
    arrange: faults({ kind: 'wrong-content-type' }),
    outcome: malformed,
    billed: true,
  },
  {
    name: 'retry_later',
    arrange: (rig, ctx) => {
      if (ctx.route === 'report') rig.modashEmu.setReportError(ctx.providerId, 'retry_later')
      else
        rig.modashEmu.injectFaults('search', [{ kind: 'status', status: 503, code: 'retry_later' }])
    },
    outcome: unavailable('retry_later'),
  },
  {
    name: 'not_enough_credits',
    arrange: (rig) => rig.modashEmu.setBalance(MODASH_TOKEN, 0),
    outcome: { code: 'QUOTA_EXCEEDED', providerCode: 'not_enough_credits' },
  },
  { name: 'unexpected fields', arrange: faults({ kind: 'unexpected-fields' }), outcome: 'ok' },
  {
    name: 'an answer that comes after the client gave up',
    arrange: faults({ kind: 'delay', ms: 900 }, { kind: 'delay', ms: 900 }),
    outcome: unavailable('timeout'),
    billed: true,
    lateMs: 900,
  },
]

const WORST_MILLI = { search: 150, report: 1000 } as const
let casesRun = 0
afterAll(() => {
  recordFigures('provider-faults-modash', { casesRun, faultKinds: CASES.length })
})

describe.each<Target>(['search', 'report-cached', 'report-new'])('Modash %s', (target) => {
  for (const c of CASES) {
    it(c.name, async () => {
      const rig = await startFaultRig()
      try {
        await runCase(rig, target, c)
        casesRun++
      } finally {
        await rig.close()
      }
    })
  }
})

async function runCase(rig: FaultRig, target: Target, c: FaultCase): Promise<void> {
  const route: ModashRoute = target === 'search' ? 'search' : 'report'
  const seeded = await seedCache(rig)
  // Gone after the cache was filled: every connection is now refused.
  if (c.dead) await rig.modashEmu.close()
  rig.faultsFromNowOn()
  const creator = target === 'report-cached' ? seeded.withReport : seeded.withoutReport
  const before = await storedData(rig)
  const auditId = await lastAuditId(rig)
  c.arrange?.(rig, { route, providerId: creator.providerId })

  const envelope =
    target === 'search'
      ? await rig.call('creators:search', {
          platform: 'instagram',
          filters: { influencer: { followers: { min: 20_000 } } },
          page: 0,
        })
      : await rig.call('creators:select', { creatorId: creator.id, refresh: true })
  if (c.lateMs) await sleep(c.lateMs)

  expect(rig.unexpected).toEqual([])
  const failure = c.outcome === 'ok' ? null : c.outcome
  const servable =
    failure !== null &&
    (target === 'report-cached' ||
      (target === 'search' &&
        (failure.code === 'PROVIDER_UNAVAILABLE' || failure.providerCode === 'malformed_response')))
  if (failure === null) {
    expect(envelope).toMatchObject({ ok: true, data: { source: 'provider' } })
  } else if (servable) {
    expect(envelope).toMatchObject({
      ok: true,
      data: {
        source: target === 'search' ? 'local' : 'cache',
        staleReason: expect.stringMatching(/Modash could not/) as unknown,
      },
    })
    if (target === 'report-cached') expect(envelope).toMatchObject({ data: { stale: true } })
    if (target === 'search' && envelope.ok) {
      const data = envelope.data as { creators: unknown[] }
      expect(data.creators.length).toBeGreaterThan(0)
    }
  } else {
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: failure.code, details: { providerCode: failure.providerCode } },
    })
  }

  expect(await openReservations(rig.db)).toBe(0)
  if (failure !== null) expect(await storedData(rig)).toBe(before)
  const rows = await auditRowsAfter(rig, auditId)
  expect(rows.map((r) => r.outcome)).toEqual([failure?.providerCode ?? 'ok'])

  const diff = spendDiff(
    await ledgerSpend(rig.db),
    providerCharges(rig.modashEmu, rig.clayEmu, CLAY_KEY, CLAY_CREDITS),
  )
  if (c.billed) {
    // Counted at worst case when the answer was lost: over, never under.
    expect(diff.milliCredits).toBeGreaterThanOrEqual(0)
    expect(diff.milliCredits).toBeLessThanOrEqual(WORST_MILLI[route])
  } else {
    expect(diff).toEqual({ discovery: 0, report: 0, enrichment: 0, milliCredits: 0 })
  }
}

/** A page and a report bought before the fault, as a user would have: something to fall back on. */
async function seedCache(rig: Rig) {
  await rig.ok('creators:search', { platform: 'instagram', filters: {}, page: 0 })
  const rows = await rig.db
    .selectFrom('creators')
    .select(['id', 'provider_id'])
    .orderBy('id')
    .limit(2)
    .execute()
  const [a, b] = rows
  if (!a || !b) throw new Error('the seeded page is empty')
  await rig.ok('creators:select', { creatorId: a.id })
  return {
    withReport: { id: a.id, providerId: a.provider_id },
    withoutReport: { id: b.id, providerId: b.provider_id },
  }
}
