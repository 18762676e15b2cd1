import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * The quota ledger keeps every charge with its time, instead of only per-month totals, so that
 * neither a settings change nor the computer's clock can make spending disappear:
 *
 * - `ledger_charges`: one row per settled (or crash-recovered) paid call. A billing period's
 *   usage is the sum of the charges inside its window, so changing the billing-cycle day moves
 *   the window over the same history instead of starting from an empty month key.
 * - `billing_cycle_changes`: every cycle day the ledger has counted with, and when it changed.
 *   The period that was running under the old day keeps counting until it ends.
 * - `ledger_clock`: the latest instant the ledger has counted at. A clock that goes back is
 *   counted at this instant, never in an earlier, emptier period.
 * - `balance_snapshots`: the Modash credit balance each time it was read (or why it could not
 *   be), beside what the ledger had charged at that moment, for reconciliation.
 *
 * `usage_counters` stays and is still written: it is the per-month summary older tools read.
 */

/** The cycle day stored in the settings row when this migration runs; 1 (the default) if none. */
const STORED_CYCLE_DAY = `coalesce((
  SELECT CASE
    WHEN json_valid(value_json)
      AND typeof(json_extract(value_json, '$.billingCycleDay')) IN ('integer', 'real')
      AND json_extract(value_json, '$.billingCycleDay') IN (${Array.from({ length: 28 }, (_, i) => i + 1).join(', ')})
    THEN CAST(json_extract(value_json, '$.billingCycleDay') AS INTEGER) END
  FROM settings WHERE key = 'app'), 1)`

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const ledgerCharges: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('ledger_charges')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('meter', 'text', (c) => c.notNull())
      .addColumn('units', 'integer', (c) => c.notNull().check(sql`units >= 0`))
      .addColumn('milli_credits', 'integer', (c) => c.notNull().check(sql`milli_credits >= 0`))
      // When the paid call was reserved, as the ledger counted it: this decides its period.
      .addColumn('charged_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      // 'settle', 'recover' (a call sent before a crash, at its worst case) or 'backfill'.
      .addColumn('source', 'text', (c) => c.notNull())
      // The reservation it settled; no foreign key, reservations are deleted once settled.
      .addColumn('reservation_id', 'integer')
      .execute()
    await db.schema
      .createIndex('ledger_charges_meter_time')
      .on('ledger_charges')
      .columns(['meter', 'charged_at'])
      .execute()

    await db.schema
      .createTable('billing_cycle_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      // Null for the first row: the day in force when the ledger started keeping this history.
      .addColumn('old_day', 'integer')
      .addColumn('new_day', 'integer', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('ledger_clock')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('high_water_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('balance_snapshots')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('read_at', 'text', (c) => c.notNull())
      // Null when the balance could not be read; `error` then says why, in plain words.
      .addColumn('balance_millicredits', 'integer')
      .addColumn('error', 'text')
      // Every Modash milli-credit the ledger had charged when the balance was read, and the
      // newest charge that sum includes (charges after it were spent after the reading).
      .addColumn('ledger_millicredits', 'integer', (c) => c.notNull())
      .addColumn('last_charge_id', 'integer', (c) => c.notNull())
      // The reading outside spend is measured from (itself for a baseline); null for a failure.
      .addColumn('baseline_id', 'integer')
      .execute()

    // The cycle day in force now is the start of the history.
    await sql
      .raw(
        `INSERT INTO billing_cycle_changes (old_day, new_day, changed_at)
         VALUES (NULL, ${STORED_CYCLE_DAY}, ${NOW})`,
      )
      .execute(db)

    // Existing usage becomes one charge per meter at the start of its month's period, so an
    // upgraded database keeps what it spent. Modash milli-credits were kept per month, not per
    // meter: results get their list price (10 each) and reports the rest, so the sum is exact.
    const periodStart = `month || '-' || printf('%02d', ${STORED_CYCLE_DAY}) || 'T00:00:00.000Z'`
    const valid = `month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`
    await sql
      .raw(
        `INSERT INTO ledger_charges (meter, units, milli_credits, charged_at, recorded_at, source)
         SELECT 'discovery', modash_discoveries_used,
           max(0, min(modash_millicredits_used, modash_discoveries_used * 10)),
           ${periodStart}, ${NOW}, 'backfill'
         FROM usage_counters WHERE ${valid} AND modash_discoveries_used > 0
         UNION ALL
         SELECT 'report', modash_reports_used,
           max(0, modash_millicredits_used - max(0, min(modash_millicredits_used, modash_discoveries_used * 10))),
           ${periodStart}, ${NOW}, 'backfill'
         FROM usage_counters WHERE ${valid}
           AND (modash_reports_used > 0
             OR modash_millicredits_used > max(0, min(modash_millicredits_used, modash_discoveries_used * 10)))
         UNION ALL
         SELECT 'enrichment', clay_enrichments_used, 0, ${periodStart}, ${NOW}, 'backfill'
         FROM usage_counters WHERE ${valid} AND clay_enrichments_used > 0`,
      )
      .execute(db)
  },
}
