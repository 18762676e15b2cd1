import { sql } from 'kysely'
import type { Kysely, RawBuilder } from 'kysely'
import type { BalanceReconciliation } from '../../shared/domain'
import { isAppError } from '../../shared/errors'
import type { Database } from '../db/schema'
import type { ModashApi } from '../providers/modash/modash-api'
import { ProviderError } from '../providers/provider-error'
import { creditsToMilli, MILLI_PER_REPORT, MILLI_PER_RESULT } from './modash-prices'
import type { QuotaLedger } from './quota-ledger'
import type { SettingsStore } from './settings-store'

/**
 * Reconciliation with the Modash credit balance (`GET /user/info`, free). Each reading is kept
 * beside what the ledger had charged at that moment. Comparing two readings tells what was spent
 * outside this app (a teammate, another tool on the same account); the latest reading, less what
 * the app spent since, caps what paid calls may still spend, so the real account is never
 * overspent even when the local limits would allow it.
 */

/** A reading older than this no longer limits spending: credits may have been added since. */
export const BALANCE_FRESH_MS = 60 * 60_000

export type BalanceReading = { milliCredits: number } | { error: string }

/** The latest successful reading, when it is fresh enough to limit spending at `at`. */
export interface FreshReading {
  balanceMilliCredits: number
  lastChargeId: number
  readAt: string
}

/**
 * Modash milli-credits that may be spent from the balance since a reading: the charges settled
 * after it, and the worst case of every Modash call in flight. A call in flight when the balance
 * was read is counted again here: the estimate errs towards less, never more.
 */
function spentSince(lastChargeId: number): RawBuilder<number> {
  return sql<number>`(
    coalesce((SELECT sum(milli_credits) FROM ledger_charges WHERE id > ${lastChargeId}), 0)
    + coalesce((SELECT sum(CASE meter
        WHEN 'discovery' THEN units * ${MILLI_PER_RESULT}
        WHEN 'report' THEN units * ${MILLI_PER_REPORT}
        ELSE 0 END) FROM quota_reservations), 0))`
}

/** The balance left by the ledger's reckoning, as SQL, so a reservation can check it atomically. */
export function availableSql(reading: FreshReading): RawBuilder<number> {
  return sql<number>`(${reading.balanceMilliCredits} - ${spentSince(reading.lastChargeId)})`
}

export async function freshReading(db: Kysely<Database>, at: Date): Promise<FreshReading | null> {
  const row = await db
    .selectFrom('balance_snapshots')
    .select(['balance_millicredits', 'last_charge_id', 'read_at'])
    .where('balance_millicredits', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row || row.balance_millicredits === null || !isFresh(row.read_at, at)) return null
  return {
    balanceMilliCredits: row.balance_millicredits,
    lastChargeId: row.last_charge_id,
    readAt: row.read_at,
  }
}

export async function availableNow(db: Kysely<Database>, reading: FreshReading): Promise<number> {
  const row = await sql<{
    available: number
  }>`SELECT ${availableSql(reading)} AS available`.execute(db)
  return row.rows[0]?.available ?? reading.balanceMilliCredits
}

function isFresh(readAt: string, at: Date): boolean {
  return at.getTime() - Date.parse(readAt) <= BALANCE_FRESH_MS
}

/**
 * Keeps a reading. A successful one is measured from the baseline of the reading before it; it
 * becomes a baseline itself when there is none, or when the balance is higher than the app's own
 * spending explains (credits were added, or the ledger counted a failed call at its worst case):
 * measuring on from the old baseline would hide that much outside spend.
 */
export async function recordReading(
  db: Kysely<Database>,
  at: Date,
  reading: BalanceReading,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ledger = await trx
      .selectFrom('ledger_charges')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('milli_credits'), sql<number>`0`).as('milli'),
        eb.fn.coalesce(eb.fn.max<number>('id'), sql<number>`0`).as('lastId'),
      ])
      .executeTakeFirstOrThrow()
    const base = {
      read_at: at.toISOString(),
      ledger_millicredits: Number(ledger.milli),
      last_charge_id: Number(ledger.lastId),
    }
    if ('error' in reading) {
      await trx
        .insertInto('balance_snapshots')
        .values({ ...base, balance_millicredits: null, error: reading.error, baseline_id: null })
        .execute()
      return
    }
    const baseline = await latestBaseline(trx)
    const outside =
      baseline === null
        ? -1
        : baseline.balance - reading.milliCredits - (base.ledger_millicredits - baseline.ledger)
    const inserted = await trx
      .insertInto('balance_snapshots')
      .values({
        ...base,
        balance_millicredits: reading.milliCredits,
        error: null,
        baseline_id: outside >= 0 && baseline !== null ? baseline.id : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (outside < 0 || baseline === null) {
      await trx
        .updateTable('balance_snapshots')
        .set({ baseline_id: inserted.id })
        .where('id', '=', inserted.id)
        .execute()
    }
  })
}

interface Baseline {
  id: number
  balance: number
  ledger: number
  readAt: string
}

/** The baseline the latest successful reading was measured from. */
async function latestBaseline(db: Kysely<Database>): Promise<Baseline | null> {
  const row = await db
    .selectFrom('balance_snapshots as s')
    .innerJoin('balance_snapshots as b', 'b.id', 's.baseline_id')
    .select(['b.id', 'b.balance_millicredits', 'b.ledger_millicredits', 'b.read_at'])
    .where('s.balance_millicredits', 'is not', null)
    .orderBy('s.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row || row.balance_millicredits === null) return null
  return {
    id: row.id,
    balance: row.balance_millicredits,
    ledger: row.ledger_millicredits,
    readAt: row.read_at,
  }
}

/** What the readings say at `at`: the Usage screen's balance panel and `usage:reconcile`. */
export async function reconciliationAt(
  db: Kysely<Database>,
  at: Date,
): Promise<BalanceReconciliation> {
  const latest = await db
    .selectFrom('balance_snapshots')
    .select(['read_at', 'error', 'balance_millicredits'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const good = await db
    .selectFrom('balance_snapshots')
    .select(['read_at', 'balance_millicredits', 'ledger_millicredits', 'last_charge_id'])
    .where('balance_millicredits', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const baseline = await latestBaseline(db)
  const known = latest !== undefined && latest.balance_millicredits !== null
  const unknownReason = known
    ? null
    : (latest?.error ?? 'The Modash balance has not been read yet.')
  if (!good || good.balance_millicredits === null || baseline === null) {
    return {
      state: 'unknown',
      unknownReason,
      checkedAt: latest?.read_at ?? null,
      balanceMilliCredits: null,
      readAt: null,
      fresh: false,
      since: null,
      outsideSpendMilliCredits: 0,
      appSpendMilliCredits: 0,
      availableMilliCredits: null,
      covers: null,
    }
  }
  const appSpend = good.ledger_millicredits - baseline.ledger
  const drop = baseline.balance - good.balance_millicredits
  const fresh = isFresh(good.read_at, at)
  const available = fresh
    ? await availableNow(db, {
        balanceMilliCredits: good.balance_millicredits,
        lastChargeId: good.last_charge_id,
        readAt: good.read_at,
      })
    : null
  const left = available === null ? null : Math.max(0, available)
  return {
    state: known ? 'known' : 'unknown',
    unknownReason,
    checkedAt: latest?.read_at ?? null,
    balanceMilliCredits: good.balance_millicredits,
    readAt: good.read_at,
    fresh,
    since: baseline.readAt,
    outsideSpendMilliCredits: Math.max(0, drop - appSpend),
    appSpendMilliCredits: appSpend,
    availableMilliCredits: available,
    covers:
      left === null
        ? null
        : {
            discovery: Math.floor(left / MILLI_PER_RESULT),
            report: Math.floor(left / MILLI_PER_REPORT),
          },
  }
}

export interface ReconcileDeps {
  ledger: QuotaLedger
  settings: SettingsStore
  modash: ModashApi
}

/**
 * Reads the balance from Modash (free) and keeps the reading, or why there is none, then answers
 * with the reconciliation. Never throws for the provider: an unreadable balance is a state the
 * Usage screen shows in plain words.
 */
export async function reconcileBalance(deps: ReconcileDeps): Promise<BalanceReconciliation> {
  return deps.ledger.recordBalance(await readBalance(deps))
}

async function readBalance(deps: ReconcileDeps): Promise<BalanceReading> {
  if ((await deps.settings.get()).offline) {
    return { error: 'Offline mode is on, so the balance was not asked for.' }
  }
  try {
    const { data } = await deps.modash.userInfo()
    const credits = data.billing.credits
    if (!Number.isFinite(credits)) return { error: 'Modash answered without a usable balance.' }
    return { milliCredits: creditsToMilli(credits) }
  } catch (err) {
    return { error: unreadableBecause(err) }
  }
}

/** Fixed words per failure, never the provider's text: it must not carry anything secret. */
function unreadableBecause(err: unknown): string {
  if (!isAppError(err)) return 'The balance could not be read.'
  switch (err.code) {
    case 'KEY_MISSING':
      return 'No Modash API key is set.'
    case 'PROVIDER_UNAVAILABLE':
      return 'Modash could not be reached.'
    default: {
      const status = err instanceof ProviderError ? err.httpStatus : null
      if (status === 401 || status === 403) return 'Modash did not accept the API key.'
      return 'Modash answered with an error.'
    }
  }
}
