import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Meter, MeterUsage, QuotaStatus } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { Database, UsageCountersTable } from '../db/schema'
import { billingPeriod } from './billing-period'
import type { Clock } from './clock'
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

/**
 * The monthly quota ledger. Every paid call reserves its worst case before the request, settles
 * to the real cost after it, or releases everything when it fails (Modash bills no failed call).
 * The check and the reservation are one SQL statement, so concurrent callers, in this process or
 * another, can never together pass a limit.
 */
export class QuotaLedger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly settings: SettingsStore,
  ) {}

  async reserve(meter: Meter, units: number): Promise<Reservation> {
    const settings = await this.settings.get()
    const { month, end } = billingPeriod(this.clock.now(), settings.billingCycleDay)
    const limit = settings.limits[meter]
    const column = sql.ref(COUNTER_COLUMN[meter])
    const now = this.clock.now().toISOString()
    const inserted = await sql<{ id: number }>`
      INSERT INTO quota_reservations (month, meter, units, created_at)
      SELECT ${month}, ${meter}, ${units}, ${now}
      WHERE ${limit} IS NULL OR
        coalesce((SELECT ${column} FROM usage_counters WHERE month = ${month}), 0)
        + coalesce((SELECT sum(units) FROM quota_reservations WHERE month = ${month} AND meter = ${meter}), 0)
        + ${units} <= ${limit}
      RETURNING id`.execute(this.db)
    const id = inserted.rows[0]?.id
    if (id === undefined) {
      const usage = await this.meterUsage(month, meter, limit)
      throw new AppError('QUOTA_EXCEEDED', quotaMessage(meter, units, usage), {
        meter,
        needed: units,
        used: usage.used,
        reserved: usage.reserved,
        limit,
        resetsAt: end.toISOString(),
      })
    }
    return { id, month, meter, units }
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
   * counts it. Pass `trx` to settle inside the transaction that stores what was bought.
   */
  async settle(
    reservation: Reservation,
    units: number,
    milliCredits: number,
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    if (units > reservation.units) {
      throw new AppError(
        'INTERNAL',
        `Settled ${units} ${reservation.meter} units against a reservation of ${reservation.units}`,
      )
    }
    const removed = await trx
      .deleteFrom('quota_reservations')
      .where('id', '=', reservation.id)
      .executeTakeFirst()
    if (removed.numDeletedRows === 0n) return
    await addUsage(trx, reservation.month, reservation.meter, units, milliCredits)
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
          await addUsage(
            trx,
            r.month,
            meter,
            r.units,
            meter === 'enrichment' ? 0 : worstCaseMilliCredits(meter, r.units),
          )
        }
      }
      await trx.deleteFrom('quota_reservations').execute()
      const settled = left.filter((r) => r.sent_at !== null).length
      return { released: left.length - settled, settled }
    })
  }

  async status(): Promise<QuotaStatus> {
    const settings = await this.settings.get()
    const period = billingPeriod(this.clock.now(), settings.billingCycleDay)
    const meters: MeterUsage[] = []
    for (const meter of METERS)
      meters.push(await this.meterUsage(period.month, meter, settings.limits[meter]))
    const counters = await this.db
      .selectFrom('usage_counters')
      .select('modash_millicredits_used')
      .where('month', '=', period.month)
      .executeTakeFirst()
    return {
      month: period.month,
      periodStart: period.start.toISOString(),
      resetsAt: period.end.toISOString(),
      meters,
      modashMilliCreditsUsed: counters?.modash_millicredits_used ?? 0,
    }
  }

  private async meterUsage(month: string, meter: Meter, limit: number | null): Promise<MeterUsage> {
    const row = await sql<{ used: number; reserved: number }>`
      SELECT
        coalesce((SELECT ${sql.ref(COUNTER_COLUMN[meter])} FROM usage_counters WHERE month = ${month}), 0) AS used,
        coalesce((SELECT sum(units) FROM quota_reservations WHERE month = ${month} AND meter = ${meter}), 0) AS reserved`.execute(
      this.db,
    )
    const usage = row.rows[0] ?? { used: 0, reserved: 0 }
    return { meter, used: usage.used, reserved: usage.reserved, limit }
  }
}

/** Modash prices: 10 milli-credits per search result, 1,000 per report. */
export function worstCaseMilliCredits(meter: 'discovery' | 'report', units: number): number {
  return meter === 'discovery' ? units * 10 : units * 1000
}

async function addUsage(
  db: Kysely<Database>,
  month: string,
  meter: Meter,
  units: number,
  milliCredits: number,
): Promise<void> {
  const column = COUNTER_COLUMN[meter]
  await db
    .insertInto('usage_counters')
    .values({
      month,
      modash_discoveries_used: 0,
      modash_reports_used: 0,
      clay_enrichments_used: 0,
      modash_millicredits_used: 0,
      [column]: units,
      ...(meter === 'enrichment' ? {} : { modash_millicredits_used: milliCredits }),
    })
    .onConflict((oc) =>
      oc.column('month').doUpdateSet((eb) => ({
        [column]: eb(eb.ref(`usage_counters.${column}`), '+', units),
        modash_millicredits_used: eb(
          eb.ref('usage_counters.modash_millicredits_used'),
          '+',
          meter === 'enrichment' ? 0 : milliCredits,
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
