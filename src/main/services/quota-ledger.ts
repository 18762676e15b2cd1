import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type {
  BalanceReconciliation,
  LedgerClockStatus,
  Meter,
  MeterUsage,
  QuotaStatus,
} from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { Database, UsageCountersTable } from '../db/schema'
import { billingPeriod } from './billing-period'
import type { Clock } from './clock'
import { clockStatus, describeSpan, LedgerClock } from './ledger-clock'
import { formatCredits } from '../../shared/credits'
import { MILLI_PER_REPORT, MILLI_PER_RESULT } from './modash-prices'
import { noteCycleDay, quotaWindow, recentCycleChanges } from './quota-window'
import type { QuotaWindow } from './quota-window'
import {
  availableNow,
  availableSql,
  freshReading,
  reconciliationAt,
  recordReading,
} from './reconciliation'
import type { BalanceReading, FreshReading } from './reconciliation'
import type { SettingsStore } from './settings-store'

/** What each meter counts, in `usage_counters`. A fixed map, never user input. */
const COUNTER_COLUMN = {
  discovery: 'modash_discoveries_used',
  report: 'modash_reports_used',
  enrichment: 'clay_enrichments_used',
} as const satisfies Record<Meter, keyof UsageCountersTable>

export const METERS: readonly Meter[] = ['discovery', 'report', 'enrichment']

export interface Reservation {
  id: number
  month: string
  meter: Meter
  units: number
}

/** The instant the ledger counts at, and how much it trusts the computer's clock for it. */
interface Moment {
  at: Date
  wall: Date
  state: LedgerClockStatus['state']
}

/**
 * The monthly quota ledger. Every paid call reserves its worst case before the request, settles
 * to the real cost after it, or releases everything when it fails (Modash bills no failed call).
 * The check and the reservation are one SQL statement, so concurrent callers, in this process or
 * another, can never together pass a limit (nor the Modash balance, when one was read lately).
 *
 * Every charge is kept with its time (`ledger_charges`), and a period's usage is the charges in
 * its window (`quota-window.ts`), so nothing already spent can be freed by a setting or a clock:
 * - a new billing-cycle day re-buckets the same history, and the period running under the old
 *   day keeps counting until it ends;
 * - a clock set back counts at the latest instant the ledger has seen (`ledger-clock.ts`);
 * - a clock that leaps into a later period while the app runs is not believed: paid calls are
 *   refused in plain words until it agrees with the time that really passed, the user confirms
 *   the date (`confirmClock`), or the app restarts. Counting such a call in either period could
 *   be wrong: the earlier one if the time really passed (a laptop waking up), the later one if
 *   the date was set wrong; refusing is the only answer that spends nothing in the wrong month.
 */
export class QuotaLedger {
  private readonly time: LedgerClock

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly settings: SettingsStore,
  ) {
    this.time = new LedgerClock(clock, db)
  }

  async reserve(meter: Meter, units: number): Promise<Reservation> {
    const settings = await this.settings.get()
    const day = settings.billingCycleDay
    const moment = await this.moment(day)
    if (moment.state === 'leapt') throw leapError(moment)
    const at = await this.time.advance(moment.at)
    await noteCycleDay(this.db, day, at)
    const window = quotaWindow(at, day, await recentCycleChanges(this.db, at, day))
    const limit = settings.limits[meter]
    const reading = meter === 'enrichment' ? null : await freshReading(this.db, at)
    const worst = meter === 'enrichment' ? 0 : worstCaseMilliCredits(meter, units)
    const withinBalance = reading === null ? sql`1` : sql`${availableSql(reading)} - ${worst} >= 0`
    const inserted = await sql<{ id: number }>`
      INSERT INTO quota_reservations (month, meter, units, created_at)
      SELECT ${window.month}, ${meter}, ${units}, ${at.toISOString()}
      WHERE (${limit} IS NULL OR ${usedSql(meter, window)} + ${reservedSql(meter)} + ${units} <= ${limit})
        AND ${withinBalance}
      RETURNING id`.execute(this.db)
    const id = inserted.rows[0]?.id
    if (id === undefined) throw await this.refusal(meter, units, limit, window, reading, worst)
    return { id, month: window.month, meter, units }
  }

  /** Marks the request as on its way: after a crash it may have been billed. */
  async markSent(reservation: Reservation): Promise<void> {
    await this.db
      .updateTable('quota_reservations')
      .set({ sent_at: this.clock.now().toISOString() })
      .where('id', '=', reservation.id)
      .execute()
  }

  /**
   * Turns a reservation into usage. Idempotent: only the call that deletes the reservation
   * counts it. Pass `trx` to settle inside the transaction that stores what was bought;
   * otherwise the reservation, the charge and the counters change in a transaction of their own.
   * The charge is dated when the reservation was made: the period whose limit was checked.
   */
  async settle(
    reservation: Reservation,
    units: number,
    milliCredits: number,
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    // A provider that answers with more than the worst case reserved (16 results on a page of
    // 15) has charged for them all: the ledger records what was charged, never a tidier number.
    if (
      !Number.isInteger(units) ||
      units < 0 ||
      !Number.isInteger(milliCredits) ||
      milliCredits < 0
    )
      throw new AppError('INTERNAL', `Cannot settle ${units} units / ${milliCredits} milli-credits`)
    const write = async (db: Kysely<Database>) => {
      // The stored row, not the object passed in: a reservation kept in the purchase journal
      // across a restart is settled from what the database says it was.
      const removed = await db
        .deleteFrom('quota_reservations')
        .where('id', '=', reservation.id)
        .returning(['month', 'meter', 'created_at'])
        .executeTakeFirst()
      if (!removed) return
      await addCharge(db, {
        month: removed.month,
        meter: removed.meter as Meter,
        units,
        milliCredits,
        chargedAt: removed.created_at,
        recordedAt: this.clock.now().toISOString(),
        source: 'settle',
        reservationId: reservation.id,
      })
    }
    if (trx.isTransaction) await write(trx)
    else await this.db.transaction().execute(write)
  }

  async release(reservation: Reservation): Promise<void> {
    await this.db.deleteFrom('quota_reservations').where('id', '=', reservation.id).execute()
  }

  /**
   * Run once at start-up, when nothing can be in flight. A reservation never sent is released;
   * one that was sent may have been billed, so it is counted at its worst case: the ledger may
   * over-count after a crash, never under-count.
   */
  async recover(): Promise<{ released: number; settled: number }> {
    return this.db.transaction().execute(async (trx) => {
      const left = await trx.selectFrom('quota_reservations').selectAll().execute()
      for (const r of left) {
        if (r.sent_at !== null) {
          const meter = r.meter as Meter
          await addCharge(trx, {
            month: r.month,
            meter,
            units: r.units,
            milliCredits: meter === 'enrichment' ? 0 : worstCaseMilliCredits(meter, r.units),
            chargedAt: r.created_at,
            recordedAt: this.clock.now().toISOString(),
            source: 'recover',
            reservationId: r.id,
          })
        }
      }
      await trx.deleteFrom('quota_reservations').execute()
      const settled = left.filter((r) => r.sent_at !== null).length
      return { released: left.length - settled, settled }
    })
  }

  async status(): Promise<QuotaStatus> {
    const day = (await this.settings.get()).billingCycleDay
    const moment = await this.moment(day)
    return this.statusAt(moment)
  }

  /**
   * The user confirms the computer's date after a leap: time is measured from it again. A clock
   * set back stays refused: the high-water mark is never lowered.
   */
  async confirmClock(): Promise<QuotaStatus> {
    this.time.confirm()
    return this.status()
  }

  /** Keeps a reading of the Modash balance (or why there is none) and reconciles it. */
  async recordBalance(reading: BalanceReading): Promise<BalanceReconciliation> {
    const day = (await this.settings.get()).billingCycleDay
    const moment = await this.moment(day)
    const at = moment.state === 'leapt' ? moment.at : await this.time.advance(moment.at)
    await recordReading(this.db, at, reading)
    return reconciliationAt(this.db, at)
  }

  private async statusAt(moment: Moment): Promise<QuotaStatus> {
    const settings = await this.settings.get()
    const day = settings.billingCycleDay
    const at = moment.at
    const window = quotaWindow(at, day, await recentCycleChanges(this.db, at, day))
    const charged = await this.db
      .selectFrom('ledger_charges')
      .select((eb) => [
        'meter',
        eb.fn.sum<number>('units').as('units'),
        eb.fn.sum<number>('milli_credits').as('milli'),
      ])
      .where('charged_at', '>=', window.start.toISOString())
      .where('charged_at', '<', window.end.toISOString())
      .groupBy('meter')
      .execute()
    const held = await this.db
      .selectFrom('quota_reservations')
      .select((eb) => ['meter', eb.fn.sum<number>('units').as('units')])
      .groupBy('meter')
      .execute()
    const meters: MeterUsage[] = METERS.map((meter) => ({
      meter,
      used: Number(charged.find((c) => c.meter === meter)?.units ?? 0),
      reserved: Number(held.find((h) => h.meter === meter)?.units ?? 0),
      limit: settings.limits[meter],
    }))
    return {
      month: window.month,
      periodStart: window.start.toISOString(),
      resetsAt: window.end.toISOString(),
      meters,
      modashMilliCreditsUsed: charged.reduce((sum, c) => sum + Number(c.milli), 0),
      balance: await reconciliationAt(this.db, at),
      clock: clockStatus(moment.state, at, moment.wall),
    }
  }

  /**
   * The instant to count at. The wall clock, unless it is earlier than time that surely passed
   * (the monotonic floor, or the high-water mark), or it leapt past the floor into another
   * billing period: then the floor, reported as `leapt` so paid calls wait.
   */
  private async moment(day: number): Promise<Moment> {
    const { wall, floor } = this.time.read()
    let at = wall
    let state: Moment['state'] = 'ok'
    if (floor !== null) {
      const ahead = wall.getTime() - floor.getTime()
      if (ahead < -this.time.toleranceMs) {
        at = floor
        state = 'behind'
      } else if (
        ahead > this.time.toleranceMs &&
        billingPeriod(wall, day).start.getTime() !== billingPeriod(floor, day).start.getTime()
      ) {
        at = floor
        state = 'leapt'
      }
    }
    const highWater = await this.time.highWater()
    if (highWater !== null && highWater.getTime() > at.getTime()) {
      at = highWater
      // A second's correction by a time server is not worth a warning; the clamp applies anyway.
      if (state === 'ok' && highWater.getTime() - wall.getTime() > this.time.toleranceMs) {
        state = 'behind'
      }
    }
    return { at, wall, state }
  }

  /** Why a reservation was refused: the local limit, or else the Modash balance. */
  private async refusal(
    meter: Meter,
    units: number,
    limit: number | null,
    window: QuotaWindow,
    reading: FreshReading | null,
    worst: number,
  ): Promise<AppError> {
    const usage = await this.meterUsage(meter, window, limit)
    const overLimit = limit !== null && usage.used + usage.reserved + units > limit
    if (reading !== null && !overLimit) {
      const available = await availableNow(this.db, reading)
      return new AppError('QUOTA_EXCEEDED', balanceMessage(available, worst, reading.readAt), {
        meter,
        needed: units,
        reason: 'balance',
        availableMilliCredits: available,
        neededMilliCredits: worst,
        balanceReadAt: reading.readAt,
      })
    }
    return new AppError('QUOTA_EXCEEDED', quotaMessage(meter, units, usage), {
      meter,
      needed: units,
      used: usage.used,
      reserved: usage.reserved,
      limit,
      resetsAt: window.end.toISOString(),
    })
  }

  private async meterUsage(
    meter: Meter,
    window: QuotaWindow,
    limit: number | null,
  ): Promise<MeterUsage> {
    const row = await sql<{ used: number; reserved: number }>`
      SELECT ${usedSql(meter, window)} AS used, ${reservedSql(meter)} AS reserved`.execute(this.db)
    const usage = row.rows[0] ?? { used: 0, reserved: 0 }
    return { meter, used: usage.used, reserved: usage.reserved, limit }
  }
}

/** Units charged to a meter inside a window. */
function usedSql(meter: Meter, window: QuotaWindow) {
  return sql<number>`coalesce((SELECT sum(units) FROM ledger_charges
    WHERE meter = ${meter} AND charged_at >= ${window.start.toISOString()}
      AND charged_at < ${window.end.toISOString()}), 0)`
}

/**
 * Units held by calls in flight. All of them, whatever period they were reserved in: a call
 * reserved just before a period ended is settled into that period, but until then it may land
 * anywhere, so it counts everywhere.
 */
function reservedSql(meter: Meter) {
  return sql<number>`coalesce((SELECT sum(units) FROM quota_reservations WHERE meter = ${meter}), 0)`
}

/** Modash prices: 10 milli-credits per search result, 1,000 per report. */
export function worstCaseMilliCredits(meter: 'discovery' | 'report', units: number): number {
  return meter === 'discovery' ? units * MILLI_PER_RESULT : units * MILLI_PER_REPORT
}

interface Charge {
  month: string
  meter: Meter
  units: number
  milliCredits: number
  chargedAt: string
  recordedAt: string
  source: 'settle' | 'recover'
  reservationId: number
}

/** The charge with its time, and the month's summary in `usage_counters`, in the caller's transaction. */
async function addCharge(db: Kysely<Database>, charge: Charge): Promise<void> {
  const milliCredits = charge.meter === 'enrichment' ? 0 : charge.milliCredits
  await db
    .insertInto('ledger_charges')
    .values({
      meter: charge.meter,
      units: charge.units,
      milli_credits: milliCredits,
      charged_at: charge.chargedAt,
      recorded_at: charge.recordedAt,
      source: charge.source,
      reservation_id: charge.reservationId,
    })
    .execute()
  const column = COUNTER_COLUMN[charge.meter]
  await db
    .insertInto('usage_counters')
    .values({
      month: charge.month,
      modash_discoveries_used: 0,
      modash_reports_used: 0,
      clay_enrichments_used: 0,
      modash_millicredits_used: milliCredits,
      [column]: charge.units,
    })
    .onConflict((oc) =>
      oc.column('month').doUpdateSet((eb) => ({
        [column]: eb(eb.ref(`usage_counters.${column}`), '+', charge.units),
        modash_millicredits_used: eb(
          eb.ref('usage_counters.modash_millicredits_used'),
          '+',
          milliCredits,
        ),
      })),
    )
    .execute()
}

function quotaMessage(meter: Meter, needed: number, usage: MeterUsage): string {
  const what = { discovery: 'discovery results', report: 'reports', enrichment: 'email lookups' }[
    meter
  ]
  const left = usage.limit === null ? 0 : Math.max(0, usage.limit - usage.used - usage.reserved)
  return `Monthly ${what} limit reached: this needs up to ${needed}, ${left} left of ${usage.limit ?? 0}.`
}

function balanceMessage(available: number, needed: number, readAt: string): string {
  return (
    `Your Modash balance has ${formatCredits(Math.max(0, available))} credits left ` +
    `(read ${plainTime(readAt)}, less what this app has spent since); ` +
    `this needs up to ${formatCredits(needed)} credits. Nothing was charged. ` +
    'Add credits to the Modash account, or check the balance again on the Usage screen.'
  )
}

function leapError(moment: Moment): AppError {
  return new AppError(
    'PRECONDITION',
    `The computer's clock jumped ahead by ${describeSpan(moment.wall.getTime() - moment.at.getTime())} ` +
      'while Creator Desk was open, into a new billing period. Paid lookups are paused so that ' +
      "nothing is counted in the wrong month: check the computer's date and time, then confirm " +
      'it on the Usage screen or restart Creator Desk. Nothing was charged.',
    {
      reason: 'clock-leap',
      wallClock: moment.wall.toISOString(),
      countingAt: moment.at.toISOString(),
    },
  )
}

/** "20 Nov 2026, 14:05 UTC": main has no user locale; UTC says which hour it means. */
function plainTime(iso: string): string {
  const d = new Date(iso)
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`
}
