import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportEmail } from '../../src/main/services/creator-repository'
import type { Meter } from '../../src/shared/domain'
import type { Envelope } from '../../src/shared/errors'
import { recordFigures } from './helpers/figures'
import { ledgerSpend, openReservations, providerCharges } from './helpers/ledger'
import { runSeed, seededRandom, shuffle } from './helpers/random'
import { CLAY_CREDITS, CLAY_KEY, startRig } from './helpers/rig'
import type { Rig } from './helpers/rig'
import { SIZE } from './helpers/scale'
import { uncachedSearches } from './helpers/search-inputs'

/**
 * Part 1: bursts of paid requests through the handler table, each burst fired all at once with
 * the meters a few units short of their limits. The ledger must refuse what does not fit, never
 * let usage pass a limit, and afterwards agree with what the emulators charged, to the unit.
 */

/** The share of a burst the enrichment meter has room for. */
const ENRICH_ROOM = 0.03
const seed = runSeed()
const random = seededRandom(seed)
const nextSearch = uncachedSearches(random)
let rig: Rig
/** Creators with a report, ready for a paid email lookup. */
let enrichPool: number[] = []

beforeAll(async () => {
  // Bursts of a thousand requests in one process can stall answers for seconds; a client timeout
  // here would be the retried-timeout gap of part 3, not what this part measures.
  rig = await startRig({
    modashClient: { timeoutMs: 120_000 },
    clayClient: {
      timeoutMs: 120_000,
      poll: { initialDelayMs: 5, maxDelayMs: 50, timeoutMs: 120_000 },
    },
  })
  // Creators to report on and look up: pages bought the ordinary way, enough for every burst.
  const n = SIZE.loadRequestsPerRound
  const wanted = n / 4 + SIZE.loadRounds * Math.ceil(n * ENRICH_ROOM)
  for (let i = 0; i < Math.ceil(wanted / 12); i++) await rig.ok('creators:search', nextSearch())
  const creators = await rig.db.selectFrom('creators').select('id').orderBy('id').execute()
  const withReports = creators.slice(0, wanted)
  for (let i = 0; i < withReports.length; i += 50)
    await Promise.all(
      withReports
        .slice(i, i + 50)
        .map((c) => rig.ok('creators:select', { creatorId: c.id, refresh: true })),
    )
  enrichPool = await unknownEmails()
}, SIZE.testTimeoutMs)
afterAll(async () => {
  await rig?.close()
})

async function unknownEmails(): Promise<number[]> {
  const rows = await rig.db
    .selectFrom('creators')
    .select('id')
    .where('has_detailed_profile', '=', 1)
    .where('email_found', '=', 0)
    .where('email_not_found_until', 'is', null)
    .execute()
  return rows.map((r) => r.id)
}

async function meters(): Promise<Record<Meter, { used: number; reserved: number }>> {
  const quota = await rig.ok('usage:quota', {})
  const out = {} as Record<Meter, { used: number; reserved: number }>
  for (const m of quota.meters) out[m.meter] = { used: m.used, reserved: m.reserved }
  return out
}

describe('quota under load', () => {
  it(
    'never passes a limit, refuses the rest with QUOTA_EXCEEDED, and matches the providers',
    async () => {
      let fired = 0
      let succeeded = 0
      let refused = 0
      const cachedIds = (await rig.db.selectFrom('creators').select('id').execute()).map(
        (r) => r.id,
      )
      for (let round = 0; round < SIZE.loadRounds; round++) {
        const n = SIZE.loadRequestsPerRound
        const before = await meters()
        // Room for a few percent of the burst: the limit is reached early, with most still to come.
        const room = (share: number) => 1 + Math.floor(random() * n * share)
        const limits = {
          discovery: before.discovery.used + 15 * room(0.05) + Math.floor(random() * 15),
          report: before.report.used + room(0.05),
          enrichment: before.enrichment.used + room(ENRICH_ROOM),
        }
        await rig.ok('settings:set', { limits })

        const enrichTargets = shuffle(random, enrichPool).slice(0, Math.floor(n / 4))
        const selectTargets = shuffle(random, cachedIds).slice(0, Math.floor(n / 3))
        const requests: (() => Promise<Envelope<unknown>>)[] = [
          ...enrichTargets.map((id) => () => rig.call('creators:enrich', { creatorId: id })),
          ...selectTargets.map(
            (id) => () => rig.call('creators:select', { creatorId: id, refresh: true }),
          ),
        ]
        while (requests.length < n) {
          const input = nextSearch()
          requests.push(() => rig.call('creators:search', input))
        }
        const outcomes = await Promise.all(shuffle(random, requests).map((send) => send()))
        fired += outcomes.length

        for (const o of outcomes) {
          if (o.ok) succeeded++
          else {
            expect(o.error, `seed ${seed}`).toMatchObject({ code: 'QUOTA_EXCEEDED' })
            refused++
          }
        }
        expect(rig.unexpected).toEqual([])
        const after = await meters()
        for (const meter of ['discovery', 'report', 'enrichment'] as const) {
          expect(after[meter].used, `${meter}, seed ${seed}`).toBeLessThanOrEqual(limits[meter])
          expect(after[meter].reserved).toBe(0)
          // Every burst is big enough to use up what was left: the limits were really tested.
          expect(after[meter].used, `${meter}, seed ${seed}`).toBeGreaterThan(before[meter].used)
        }
        expect(await openReservations(rig.db)).toBe(0)
        enrichPool = await unknownEmails()
      }

      const ledger = await ledgerSpend(rig.db)
      const charged = providerCharges(rig.modashEmu, rig.clayEmu, CLAY_KEY, CLAY_CREDITS)
      expect(ledger, `seed ${seed}`).toEqual(charged)

      // The audit log tells the same story as the ledger.
      const logged = await rig.db
        .selectFrom('api_call_logs')
        .select(['action', (eb) => eb.fn.sum<number>('cost_units').as('units')])
        .groupBy('action')
        .execute()
      const units = Object.fromEntries(logged.map((r) => [r.action, Number(r.units)]))
      expect(units.search).toBe(ledger.discovery)
      expect(units.report).toBe(ledger.report)
      expect(units['enrich-start']).toBe(ledger.enrichment)

      recordFigures('quota-under-load', {
        seed,
        requestsFired: fired,
        succeeded,
        refusedQuotaExceeded: refused,
        discoveryResultsCharged: charged.discovery,
        reportsCharged: charged.report,
        enrichmentsCharged: charged.enrichment,
        ledgerMinusCharged: 0,
      })
    },
    SIZE.testTimeoutMs,
  )

  it('buys a page, a report and an email once when each is asked for many times at once', async () => {
    await rig.ok('settings:set', {
      limits: { discovery: 10_000_000, report: 1_000_000, enrichment: null },
    })
    const search = nextSearch()
    const noReport = await rig.db
      .selectFrom('creators')
      .select('id')
      .where('has_detailed_profile', '=', 0)
      .executeTakeFirstOrThrow()
    const candidates = await rig.db
      .selectFrom('creators')
      .select(['id', 'detailed_profile_json'])
      .where('id', 'in', await unknownEmails())
      .execute()
    // One Modash has no email for, so only Clay can answer.
    const forClay = candidates.find(
      (c) => reportEmail(JSON.parse(c.detailed_profile_json ?? 'null')) === null,
    )
    if (forClay === undefined) throw new Error('no creator left for a Clay lookup')
    const modashBefore = rig.modashEmu.calls().length
    const runsBefore = rig.clayEmu.runs().length

    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => [
        rig.call('creators:search', search),
        rig.call('creators:select', { creatorId: noReport.id }),
        rig.call('creators:enrich', { creatorId: forClay.id }),
      ]).flat(),
    )
    expect(outcomes.filter((o) => !o.ok)).toEqual([])
    const calls = rig.modashEmu.calls().slice(modashBefore)
    expect(calls.filter((c) => c.route === 'search')).toHaveLength(1)
    expect(calls.filter((c) => c.route === 'report')).toHaveLength(1)
    expect(rig.clayEmu.runs().slice(runsBefore)).toHaveLength(1)
    const ledger = await ledgerSpend(rig.db)
    expect(ledger).toEqual(providerCharges(rig.modashEmu, rig.clayEmu, CLAY_KEY, CLAY_CREDITS))
  })
})
