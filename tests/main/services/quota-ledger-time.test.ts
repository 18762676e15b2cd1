import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, openDatabase } from '../../../src/main/db/database'
import type { Clock } from '../../../src/main/services/clock'
import { DAY_MS } from '../../../src/main/services/clock'
import { CLOCK_TOLERANCE_MS } from '../../../src/main/services/ledger-clock'
import { QuotaLedger, worstCaseMilliCredits } from '../../../src/main/services/quota-ledger'
import { defaultSettings, SettingsStore } from '../../../src/main/services/settings-store'
import type { Meter } from '../../../src/shared/domain'
import { openTestDb } from '../../helpers/open-test-db'
import { makeTempDir } from '../../helpers/temp-dir'

/**
 * The ledger against settings and clocks: nothing spent in the provider's real month may be
 * freed by changing the billing-cycle day, by a clock set back, or by a clock that leaps ahead
 * while the app runs; and a database from before the ledger kept charges keeps its usage.
 */

/** A computer's clock and the process's monotonic clock, moved separately. */
class TwoClocks implements Clock {
  private wall: number
  private mono = 1_000
  constructor(iso: string) {
    this.wall = Date.parse(iso)
  }
  now(): Date {
    return new Date(this.wall)
  }
  monotonicMs(): number {
    return this.mono
  }
  /** Real time passes: both clocks move. */
  passes(ms: number): void {
    this.wall += ms
    this.mono += ms
  }
  /** Someone sets the date, or the laptop slept: only the wall clock moves. */
  setWall(iso: string): void {
    this.wall = Date.parse(iso)
  }
}

let t: Awaited<ReturnType<typeof openTestDb>>
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => {
  await t.cleanup()
})

async function spend(ledger: QuotaLedger, meter: Meter, units: number): Promise<void> {
  const r = await ledger.reserve(meter, units)
  await ledger.settle(r, units, meter === 'enrichment' ? 0 : worstCaseMilliCredits(meter, units))
}

async function used(ledger: QuotaLedger, meter: Meter): Promise<number> {
  return (await ledger.status()).meters.find((m) => m.meter === meter)!.used
}

describe('changing the billing-cycle day', () => {
  it('never frees what was spent: 30 of 30 on Nov 20, day 25 from then on, still 30 used', async () => {
    await t.settings.set({ limits: { discovery: 30 } })
    t.clock.set('2026-11-20T09:00:00.000Z')
    await spend(t.ledger, 'discovery', 15)
    await spend(t.ledger, 'discovery', 15)
    await expect(t.ledger.reserve('discovery', 15)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })

    await t.settings.set({ billingCycleDay: 25 })
    expect(await used(t.ledger, 'discovery')).toBe(30)
    await expect(t.ledger.reserve('discovery', 15)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { meter: 'discovery', used: 30, limit: 30 },
    })
    // Within the five days the issue found two more pages bought: none now.
    for (const day of ['2026-11-22', '2026-11-24', '2026-11-26', '2026-11-30']) {
      t.clock.set(`${day}T12:00:00.000Z`)
      await expect(t.ledger.reserve('discovery', 15), day).rejects.toMatchObject({
        code: 'QUOTA_EXCEEDED',
      })
    }
    // Under either day the month holding Nov 20 is over by Dec 1: the new period is empty.
    t.clock.set('2026-12-01T00:00:00.000Z')
    const status = await t.ledger.status()
    expect(status).toMatchObject({ month: '2026-11', periodStart: '2026-11-25T00:00:00.000Z' })
    expect(status.meters.find((m) => m.meter === 'discovery')).toMatchObject({ used: 0 })
    await expect(t.ledger.reserve('discovery', 15)).resolves.toMatchObject({ month: '2026-11' })
  })

  it('counts the old and the new period together while both are running', async () => {
    await t.settings.set({ limits: { report: 3 } })
    // Oct 27 falls in the day-25 period that is running on Nov 20, not in the day-1 one.
    t.clock.set('2026-10-27T10:00:00.000Z')
    await spend(t.ledger, 'report', 1)
    t.clock.set('2026-11-20T10:00:00.000Z')
    await spend(t.ledger, 'report', 1)
    expect(await used(t.ledger, 'report')).toBe(1)

    await t.settings.set({ billingCycleDay: 25 })
    const status = await t.ledger.status()
    // Whichever day the provider really uses, both reports may be in its current month.
    expect(status.periodStart).toBe('2026-10-25T00:00:00.000Z')
    expect(status.resetsAt).toBe('2026-12-01T00:00:00.000Z')
    expect(status.meters.find((m) => m.meter === 'report')).toMatchObject({ used: 2 })
    await spend(t.ledger, 'report', 1)
    await expect(t.ledger.reserve('report', 1)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' })
  })

  it('cannot be undone by switching back and forth', async () => {
    await t.settings.set({ limits: { discovery: 30 } })
    t.clock.set('2026-11-20T09:00:00.000Z')
    await spend(t.ledger, 'discovery', 30)
    for (const day of [25, 1, 10, 25, 28]) {
      await t.settings.set({ billingCycleDay: day })
      await expect(t.ledger.reserve('discovery', 1), `day ${day}`).rejects.toMatchObject({
        code: 'QUOTA_EXCEEDED',
      })
      t.clock.set(new Date(t.clock.now().getTime() + DAY_MS / 4).toISOString())
    }
  })

  it('remembers the change across a restart', async () => {
    await t.settings.set({ limits: { discovery: 30 } })
    t.clock.set('2026-11-20T09:00:00.000Z')
    await spend(t.ledger, 'discovery', 30)
    await t.settings.set({ billingCycleDay: 25 })
    await expect(t.ledger.reserve('discovery', 1)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
    // A new process: settings and ledger read everything back from the file.
    const settings = new SettingsStore(t.opened.db, defaultSettings('tester', false))
    const ledger = new QuotaLedger(t.opened.db, t.clock, settings)
    t.clock.set('2026-11-27T09:00:00.000Z')
    await expect(ledger.reserve('discovery', 1)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
  })
})

describe('a clock that goes back', () => {
  it('counts at the latest instant the ledger has seen, never in an earlier, emptier period', async () => {
    await t.settings.set({ limits: { report: 2 } })
    t.clock.set('2026-12-02T10:00:00.000Z')
    await spend(t.ledger, 'report', 2)
    // November is empty; a clock set back to it must not open it.
    t.clock.set('2026-11-20T10:00:00.000Z')
    const status = await t.ledger.status()
    expect(status).toMatchObject({
      month: '2026-12',
      clock: { state: 'behind', countingAt: '2026-12-02T10:00:00.000Z' },
    })
    expect(status.meters.find((m) => m.meter === 'report')).toMatchObject({ used: 2 })
    await expect(t.ledger.reserve('report', 1)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { resetsAt: '2027-01-01T00:00:00.000Z' },
    })
  })

  it('is still counted later after a restart (the high-water mark is in the file)', async () => {
    await t.settings.set({ limits: { report: 1 } })
    t.clock.set('2026-12-02T10:00:00.000Z')
    await spend(t.ledger, 'report', 1)
    // A new process: nothing in memory, a clock set back to mid-November.
    const settings = new SettingsStore(t.opened.db, defaultSettings('tester', false))
    const ledger = new QuotaLedger(t.opened.db, new TwoClocks('2026-11-15T10:00:00.000Z'), settings)
    await expect(ledger.reserve('report', 1)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' })
    expect((await ledger.status()).month).toBe('2026-12')
  })

  it('set back while the app runs, counts at the time that really passed', async () => {
    const clock = new TwoClocks('2026-12-01T00:30:00.000Z')
    const ledger = new QuotaLedger(t.opened.db, clock, t.settings)
    await t.settings.set({ limits: { report: 1 } })
    await ledger.status()
    clock.passes(60_000)
    clock.setWall('2026-11-30T23:00:00.000Z')
    const status = await ledger.status()
    expect(status).toMatchObject({
      month: '2026-12',
      clock: { state: 'behind', countingAt: '2026-12-01T00:31:00.000Z' },
    })
    await spend(ledger, 'report', 1)
    const charge = await t.opened.db
      .selectFrom('ledger_charges')
      .select('charged_at')
      .executeTakeFirstOrThrow()
    expect(charge.charged_at).toBe('2026-12-01T00:31:00.000Z')
  })
})

describe('a clock that leaps ahead while the app runs', () => {
  it('refuses paid calls in plain words, counting nothing in the new period', async () => {
    const clock = new TwoClocks('2026-11-20T10:00:00.000Z')
    const ledger = new QuotaLedger(t.opened.db, clock, t.settings)
    await t.settings.set({ limits: { discovery: 30 } })
    await spend(ledger, 'discovery', 30)
    clock.passes(60_000)
    clock.setWall('2026-12-03T10:00:00.000Z')

    const err = await ledger.reserve('discovery', 15).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'PRECONDITION', details: { reason: 'clock-leap' } })
    expect((err as Error).message).toMatch(/clock jumped ahead by 13 days/)
    expect((err as Error).message).toMatch(/Nothing was charged/)
    const status = await ledger.status()
    expect(status).toMatchObject({
      month: '2026-11',
      clock: { state: 'leapt', countingAt: '2026-11-20T10:01:00.000Z' },
    })
    expect(status.meters.find((m) => m.meter === 'discovery')).toMatchObject({
      used: 30,
      reserved: 0,
    })
    expect(await t.opened.db.selectFrom('quota_reservations').selectAll().execute()).toEqual([])
  })

  it('lets paid calls through again when the clock agrees once more', async () => {
    const clock = new TwoClocks('2026-11-30T20:00:00.000Z')
    const ledger = new QuotaLedger(t.opened.db, clock, t.settings)
    await ledger.status()
    clock.setWall('2026-12-05T20:00:00.000Z')
    await expect(ledger.reserve('report', 1)).rejects.toMatchObject({ code: 'PRECONDITION' })
    clock.setWall('2026-11-30T20:00:00.000Z')
    clock.passes(CLOCK_TOLERANCE_MS / 2)
    await expect(ledger.reserve('report', 1)).resolves.toMatchObject({ month: '2026-11' })
  })

  it('uses the new period once the user confirms the date (a laptop woke up in December)', async () => {
    const clock = new TwoClocks('2026-11-30T22:00:00.000Z')
    const ledger = new QuotaLedger(t.opened.db, clock, t.settings)
    await t.settings.set({ limits: { report: 1 } })
    await spend(ledger, 'report', 1)
    clock.setWall('2026-12-01T08:00:00.000Z')
    await expect(ledger.reserve('report', 1)).rejects.toMatchObject({ code: 'PRECONDITION' })
    const confirmed = await ledger.confirmClock()
    expect(confirmed).toMatchObject({ month: '2026-12', clock: { state: 'ok' } })
    await expect(ledger.reserve('report', 1)).resolves.toMatchObject({ month: '2026-12' })
  })

  it('follows a leap that stays inside the period (sleep overnight) without refusing', async () => {
    const clock = new TwoClocks('2026-11-10T18:00:00.000Z')
    const ledger = new QuotaLedger(t.opened.db, clock, t.settings)
    await ledger.status()
    clock.setWall('2026-11-11T08:00:00.000Z')
    await spend(ledger, 'report', 1)
    const charge = await t.opened.db
      .selectFrom('ledger_charges')
      .select('charged_at')
      .executeTakeFirstOrThrow()
    expect(charge.charged_at).toBe('2026-11-11T08:00:00.000Z')
    // The leap is still remembered: crossing into December before that much time has really
    // passed is refused, so it cannot be used to open the next period early.
    clock.setWall('2026-12-01T00:00:00.000Z')
    clock.passes(60_000)
    await expect(ledger.reserve('report', 1)).rejects.toMatchObject({ code: 'PRECONDITION' })
  })
})

describe('a database from before the ledger kept charges', () => {
  const FIXTURE = join(process.cwd(), 'tests', 'fixtures', 'db', 'schema-001.sqlite')

  async function openFixture(cycleDay: number) {
    const tmp = makeTempDir('creator-desk-backfill-')
    const path = join(tmp.dir, DATABASE_FILE)
    copyFileSync(FIXTURE, path)
    // The fixture's month totals: 2026-10 (30 results, 3 reports, 2 emails, 3,300 mc) and
    // 2026-11 (4 results, 6 reports, 1 email, 6,040 mc); cycle day as the case needs.
    const raw = new BetterSqlite3(path)
    raw
      .prepare(
        `UPDATE settings SET value_json = json_set(value_json, '$.billingCycleDay', ?) WHERE key = 'app'`,
      )
      .run(cycleDay)
    raw.close()
    const opened = await openDatabase({ dataDir: tmp.dir })
    const clock = new TwoClocks('2026-11-20T10:00:00.000Z')
    const settings = new SettingsStore(opened.db, defaultSettings('someone-else', false))
    const ledger = new QuotaLedger(opened.db, clock, settings)
    return {
      opened,
      ledger,
      settings,
      async close() {
        await opened.close()
        tmp.cleanup()
      },
    }
  }

  it('turns each month total into charges at the start of its period, milli-credits exact', async () => {
    const f = await openFixture(1)
    try {
      const charges = await f.opened.db
        .selectFrom('ledger_charges')
        .select(['meter', 'units', 'milli_credits', 'charged_at', 'source'])
        .orderBy('charged_at')
        .orderBy('meter')
        .execute()
      expect(charges).toEqual([
        {
          meter: 'discovery',
          units: 30,
          milli_credits: 300,
          charged_at: '2026-10-01T00:00:00.000Z',
          source: 'backfill',
        },
        {
          meter: 'enrichment',
          units: 2,
          milli_credits: 0,
          charged_at: '2026-10-01T00:00:00.000Z',
          source: 'backfill',
        },
        {
          meter: 'report',
          units: 3,
          milli_credits: 3000,
          charged_at: '2026-10-01T00:00:00.000Z',
          source: 'backfill',
        },
        {
          meter: 'discovery',
          units: 4,
          milli_credits: 40,
          charged_at: '2026-11-01T00:00:00.000Z',
          source: 'backfill',
        },
        {
          meter: 'enrichment',
          units: 1,
          milli_credits: 0,
          charged_at: '2026-11-01T00:00:00.000Z',
          source: 'backfill',
        },
        {
          meter: 'report',
          units: 6,
          milli_credits: 6000,
          charged_at: '2026-11-01T00:00:00.000Z',
          source: 'backfill',
        },
      ])
      // The crash's sent search is counted at its worst case, dated when it was reserved.
      await f.ledger.recover()
      const status = await f.ledger.status()
      expect(status.meters.map((m) => [m.meter, m.used])).toEqual([
        ['discovery', 19],
        ['report', 6],
        ['enrichment', 1],
      ])
      expect(status.modashMilliCreditsUsed).toBe(6040 + 150)
      // The old usage survives a cycle-day change too: it is history now, not a month key.
      await f.settings.set({ billingCycleDay: 25 })
      expect((await f.ledger.status()).meters.find((m) => m.meter === 'report')?.used).toBe(6)
    } finally {
      await f.close()
    }
  })

  it('dates the totals by the cycle day the user had set', async () => {
    const f = await openFixture(15)
    try {
      const first = await f.opened.db
        .selectFrom('ledger_charges')
        .select('charged_at')
        .orderBy('charged_at', 'desc')
        .executeTakeFirstOrThrow()
      expect(first.charged_at).toBe('2026-11-15T00:00:00.000Z')
      const status = await f.ledger.status()
      expect(status.periodStart).toBe('2026-11-15T00:00:00.000Z')
      expect(status.meters.find((m) => m.meter === 'report')?.used).toBe(6)
    } finally {
      await f.close()
    }
  })
})
