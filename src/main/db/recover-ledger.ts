import type BetterSqlite3 from 'better-sqlite3'
import type { LedgerOutcome, TableRecovery } from '../../shared/storage-health'
import { billingPeriod } from '../services/billing-period'

const COMPLETE =
  'Every paid call in the usage ledger was recovered: the meters show everything spent.'
const FROM_TOTALS =
  'Some paid calls could not be read one by one, but their monthly totals could: the meters ' +
  'count them, so they show at least everything spent.'
const INCOMPLETE =
  'Part of the usage record could not be read, so the meters may show less than was really ' +
  'spent. Check your usage on the Modash and Clay dashboards before buying more, and lower the ' +
  'limits in Settings if needed.'

/** `usage_counters` columns per meter, as the quota ledger writes them. */
const COUNTERS = {
  discovery: 'modash_discoveries_used',
  report: 'modash_reports_used',
  enrichment: 'clay_enrichments_used',
} as const
type Meter = keyof typeof COUNTERS
const MILLI_PER_RESULT = 10

interface CounterRow {
  month: string
  modash_discoveries_used: number
  modash_reports_used: number
  clay_enrichments_used: number
  modash_millicredits_used: number
}

/**
 * The ledger must never come out of a recovery lower than it went in, or the app could spend
 * past a limit. It is kept twice: every charge (`ledger_charges`, what the meters count) and the
 * month's totals (`usage_counters`, written in the same transaction). When charges were lost but
 * the totals were read, each month's missing units are charged again from its totals, dated at
 * the start of its billing period, as migration 004 did when it first built the charges. When
 * neither can be trusted the outcome says so plainly. Runs on the recovered file, fully migrated.
 */
export function settleRecoveredLedger(
  db: BetterSqlite3.Database,
  tables: readonly TableRecovery[],
  now: Date,
): LedgerOutcome {
  const find = (t: string) => tables.find((r) => r.table === t)
  const charges = find('ledger_charges')
  const counters = find('usage_counters')
  const reservations = find('quota_reservations')
  // A file from before charges were kept: migration 004 rebuilt them from the monthly totals.
  const chargesRead = charges === undefined ? (counters?.complete ?? false) : charges.complete
  const fromTotals = !chargesRead && counters?.complete === true && charges !== undefined
  if (fromTotals) chargeMissingUnits(db, now)
  if (find('ledger_clock')?.complete === false) restoreClock(db)
  // A reservation lost was a call perhaps billed and never counted.
  const complete = (chargesRead || fromTotals) && reservations?.complete !== false
  return {
    complete,
    message: !complete ? INCOMPLETE : fromTotals ? FROM_TOTALS : COMPLETE,
  }
}

function chargeMissingUnits(db: BetterSqlite3.Database, now: Date): void {
  const day = cycleDay(db)
  const charged = new Map<string, number>()
  const chargedMilli = new Map<string, number>()
  const rows = db
    .prepare('SELECT meter, units, milli_credits, charged_at FROM ledger_charges')
    .all() as { meter: string; units: number; milli_credits: number; charged_at: string }[]
  for (const c of rows) {
    const at = new Date(c.charged_at)
    if (Number.isNaN(at.getTime())) continue
    const month = billingPeriod(at, day).month
    charged.set(`${month}:${c.meter}`, (charged.get(`${month}:${c.meter}`) ?? 0) + c.units)
    chargedMilli.set(month, (chargedMilli.get(month) ?? 0) + c.milli_credits)
  }
  const insert = db.prepare(
    `INSERT INTO ledger_charges (meter, units, milli_credits, charged_at, recorded_at, source)
     VALUES (?, ?, ?, ?, ?, 'backfill')`,
  )
  const counters = db.prepare('SELECT * FROM usage_counters').all() as CounterRow[]
  for (const row of counters) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(row.month)) continue
    const start = `${row.month}-${String(day).padStart(2, '0')}T00:00:00.000Z`
    // Milli-credits were kept per month: results get their list price, reports the rest.
    let milliLeft = Math.max(0, row.modash_millicredits_used - (chargedMilli.get(row.month) ?? 0))
    for (const meter of Object.keys(COUNTERS) as Meter[]) {
      const missing = row[COUNTERS[meter]] - (charged.get(`${row.month}:${meter}`) ?? 0)
      if (missing <= 0 && (meter !== 'report' || milliLeft === 0)) continue
      const milli =
        meter === 'enrichment'
          ? 0
          : meter === 'discovery'
            ? Math.min(milliLeft, Math.max(0, missing) * MILLI_PER_RESULT)
            : milliLeft
      milliLeft -= milli
      insert.run(meter, Math.max(0, missing), milli, start, now.toISOString())
    }
  }
}

/** The billing-cycle day the ledger last counted with, else the settings', else the 1st. */
function cycleDay(db: BetterSqlite3.Database): number {
  const valid = (d: unknown): d is number =>
    Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 28
  const last = db
    .prepare('SELECT new_day FROM billing_cycle_changes ORDER BY id DESC LIMIT 1')
    .get() as { new_day: unknown } | undefined
  if (valid(last?.new_day)) return last.new_day
  const app = db.prepare("SELECT value_json FROM settings WHERE key = 'app'").get() as
    { value_json: string } | undefined
  try {
    const day = (JSON.parse(app?.value_json ?? '{}') as { billingCycleDay?: unknown })
      .billingCycleDay
    if (valid(day)) return day
  } catch {
    // Unreadable settings: the default day.
  }
  return 1
}

/**
 * The ledger's high-water mark (a clock set back counts at it) when its row was lost: at least
 * the latest charge, which the ledger surely counted at.
 */
function restoreClock(db: BetterSqlite3.Database): void {
  db.prepare(
    `INSERT INTO ledger_clock (id, high_water_at)
     SELECT 1, max(charged_at) FROM ledger_charges
     WHERE NOT EXISTS (SELECT 1 FROM ledger_clock) AND EXISTS (SELECT 1 FROM ledger_charges)`,
  ).run()
}
