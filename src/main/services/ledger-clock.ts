import type { Kysely } from 'kysely'
import type { LedgerClockStatus } from '../../shared/domain'
import type { Database } from '../db/schema'
import type { Clock } from './clock'

/**
 * How far the wall clock may drift from the monotonic clock before the ledger stops taking it at
 * its word. Ordinary drift and time-server corrections are seconds; a date set by hand, a wrong
 * time zone or a laptop waking from sleep are hours or days.
 */
export const CLOCK_TOLERANCE_MS = 5 * 60_000

/** What the clocks say right now. */
export interface ClockReading {
  wall: Date
  /**
   * The wall clock when this process started watching, plus the monotonic time since: the real
   * time is no earlier than this (the monotonic clock never runs fast, and stops while a laptop
   * sleeps). Null without a monotonic clock.
   */
  floor: Date | null
}

/**
 * The ledger's view of time. It keeps the wall clock honest two ways:
 *
 * - against the monotonic clock while the app runs: a wall clock that falls behind is replaced by
 *   the floor above; one that runs ahead is reported, and the ledger decides (see
 *   `QuotaLedger.moment`);
 * - against the high-water mark, the latest instant the ledger has counted at, kept in the
 *   database: across restarts, a clock set back still counts at that instant.
 *
 * Nothing here can tell a date moved forward before the app started from the real thing: the
 * first reading after a start is trusted.
 */
export class LedgerClock {
  private anchor: { wall: number; mono: number } | null = null

  constructor(
    private readonly clock: Clock,
    private readonly db: Kysely<Database>,
    readonly toleranceMs: number = CLOCK_TOLERANCE_MS,
  ) {}

  read(): ClockReading {
    const wall = this.clock.now().getTime()
    const mono = this.clock.monotonicMs?.()
    if (mono === undefined) return { wall: new Date(wall), floor: null }
    this.anchor ??= { wall, mono }
    const floor = this.anchor.wall + (mono - this.anchor.mono)
    // Within the tolerance the two agree: follow the wall clock, so slow drift never adds up.
    // Beyond it the anchor stays put, so a leap is measured from the last agreed moment.
    if (Math.abs(wall - floor) <= this.toleranceMs) this.anchor = { wall, mono }
    return { wall: new Date(wall), floor: new Date(floor) }
  }

  /** The user says the wall clock is right: measure from it again. */
  confirm(): void {
    this.anchor = null
  }

  async highWater(db: Kysely<Database> = this.db): Promise<Date | null> {
    const row = await db
      .selectFrom('ledger_clock')
      .select('high_water_at')
      .where('id', '=', 1)
      .executeTakeFirst()
    return row ? new Date(row.high_water_at) : null
  }

  /**
   * Moves the high-water mark up to `at` (never down) and returns it: the instant to count at.
   * One statement, so concurrent callers can only push it forward.
   */
  async advance(at: Date): Promise<Date> {
    const row = await this.db
      .insertInto('ledger_clock')
      .values({ id: 1, high_water_at: at.toISOString() })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          high_water_at: (eb) =>
            eb.fn('max', [eb.ref('ledger_clock.high_water_at'), eb.ref('excluded.high_water_at')]),
        }),
      )
      .returning('high_water_at')
      .executeTakeFirstOrThrow()
    return new Date(row.high_water_at)
  }
}

export function clockStatus(
  state: LedgerClockStatus['state'],
  countingAt: Date,
  wall: Date,
): LedgerClockStatus {
  return { state, countingAt: countingAt.toISOString(), wallClock: wall.toISOString() }
}

/** "3 days", "5 hours", "40 minutes": how far a clock jumped, in plain words. */
export function describeSpan(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000)
  const hours = Math.round(minutes / 60)
  const days = Math.round(hours / 24)
  if (days >= 2) return `${days} days`
  if (hours >= 2) return `${hours} hours`
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}
