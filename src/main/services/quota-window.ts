import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { billingPeriod } from './billing-period'
import { DAY_MS } from './clock'

/** A change of the billing-cycle day, as the ledger first counted with the new day. */
export interface CycleChange {
  oldDay: number
  newDay: number
  changedAt: Date
}

/**
 * The stretch of time whose charges count against this period's limits. Normally one billing
 * period. Right after the cycle day changed it is wider: the provider's month may follow either
 * day, so spending of the period that was running under the old day keeps counting until that
 * period ends. Changing the day can therefore never free quota already spent.
 */
export interface QuotaWindow {
  /** The billing month under the current cycle day (`usage_counters` key). */
  month: string
  start: Date
  /** When everything counted now has stopped counting. */
  end: Date
}

/** An old cycle day matters for at most one period after the change: 31 days, with margin. */
const CHANGE_HORIZON_MS = 62 * DAY_MS

export function quotaWindow(
  at: Date,
  cycleDay: number,
  changes: readonly CycleChange[],
): QuotaWindow {
  const current = billingPeriod(at, cycleDay)
  let start = current.start
  let end = current.end
  for (const change of changes) {
    if (change.changedAt.getTime() > at.getTime()) continue
    const old = billingPeriod(change.changedAt, change.oldDay)
    // Once the period running under the old day at the change has ended, the old day is moot.
    if (at.getTime() >= old.end.getTime()) continue
    if (old.start < start) start = old.start
    if (old.end > end) end = old.end
  }
  return { month: current.month, start, end }
}

/**
 * Records the cycle day the ledger is about to count with, when it differs from the last one it
 * counted with. Called before every reservation, so a change made in Settings is noted before
 * anything is spent under it. One statement: concurrent callers record a change once.
 */
export async function noteCycleDay(db: Kysely<Database>, day: number, at: Date): Promise<void> {
  await sql`
    INSERT INTO billing_cycle_changes (old_day, new_day, changed_at)
    SELECT (SELECT new_day FROM billing_cycle_changes ORDER BY id DESC LIMIT 1), ${day}, ${at.toISOString()}
    WHERE (SELECT new_day FROM billing_cycle_changes ORDER BY id DESC LIMIT 1) IS NOT ${day}`.execute(
    db,
  )
}

/**
 * The changes that can still widen a window at `at`. When `pendingDay` differs from the last day
 * recorded (Settings changed it, nothing was reserved since), the change is included as if made
 * at `at`: a reading shows what the next reservation will count, without writing anything.
 */
export async function recentCycleChanges(
  db: Kysely<Database>,
  at: Date,
  pendingDay: number,
): Promise<CycleChange[]> {
  const rows = await db
    .selectFrom('billing_cycle_changes')
    .select(['id', 'old_day', 'new_day', 'changed_at'])
    .where((eb) =>
      eb.or([
        eb('changed_at', '>=', new Date(at.getTime() - CHANGE_HORIZON_MS).toISOString()),
        eb(
          'id',
          '=',
          eb.selectFrom('billing_cycle_changes').select((e) => e.fn.max('id').as('id')),
        ),
      ]),
    )
    .orderBy('id')
    .execute()
  const changes: CycleChange[] = []
  for (const r of rows) {
    if (r.old_day !== null && r.old_day !== r.new_day && isCycleDay(r.old_day)) {
      changes.push({ oldDay: r.old_day, newDay: r.new_day, changedAt: new Date(r.changed_at) })
    }
  }
  const last = rows.at(-1)
  if (last !== undefined && last.new_day !== pendingDay && isCycleDay(last.new_day)) {
    changes.push({ oldDay: last.new_day, newDay: pendingDay, changedAt: at })
  }
  return changes
}

function isCycleDay(day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= 28
}
