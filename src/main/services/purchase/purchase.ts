import type { Kysely } from 'kysely'
import type { Meter } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { storageProblem, toStorageError } from '../../db/storage-errors'
import type { Database } from '../../db/schema'
import type { CallMeta } from '../../providers/modash/modash-api'
import type { ApiCallEntry } from '../api-logger'
import type { CoreDeps } from '../core-deps'
import { failureDuration, failureOutcome, failureStatus, mayHaveBilled } from '../provider-failure'
import { PurchaseJournal } from './purchase-journal'
import { keepAndStore, storeOnce } from './purchase-store'
import { buyThroughTeam } from './team-route'
import type { JournalEntry } from './purchase-journal'

/**
 * What one kind of purchase (a search page, a report, a Clay run start) does with a paid answer.
 * `read` parses a kept body again, so a journal replay stores exactly what a live call would.
 */
export interface PurchaseKind<C, D, R> {
  name: string
  provider: 'modash' | 'clay'
  meter: Meter
  read(raw: unknown, context: C): D | null
  /** What the provider charged for this answer: units of the meter and Modash milli-credits. */
  charge(data: D, context: C): { units: number; milliCredits: number }
  /** Writes the cache rows, inside the purchase's transaction. Must be safe to repeat. */
  store(trx: Kysely<Database>, deps: CoreDeps, context: C, data: D, boughtAt: string): Promise<R>
  /**
   * The purchase in team-wide terms (team mode): its key and context name the creator as the
   * provider does, never by this laptop's row ids, so every laptop means the same thing.
   */
  teamTerms(context: C): { key: string; context: unknown }
}

/** A registry of kinds is heterogeneous by design: each entry's context and body are its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPurchaseKind = PurchaseKind<any, any, any>

export interface PurchaseOrder<C, D> {
  /** What is bought; the same key is never bought twice while its answer waits in the journal. */
  key: string
  context: C
  /** The worst case reserved on the ledger before the call. */
  reserveUnits: number
  /** What the worst case costs if an answer was lost on its way (billed but unseen). */
  worstCaseMilliCredits: (units: number) => number
  call(): Promise<{ data: D; raw: unknown; meta: CallMeta }>
  /** The audit row, without what the call's outcome fills in. */
  audit: Omit<
    ApiCallEntry,
    'outcome' | 'httpStatus' | 'durationMs' | 'costUnits' | 'costMilliCredits'
  >
  /** Team mode: a teammate's purchase younger than this is used for free; null: any age. */
  teamMaxAgeMs?: number | null
}

export interface Bought<D, R> {
  result: R
  /** The answer as the client read it. */
  data: D
  /** Team mode: a teammate had bought it already, so this click charged nothing. */
  fromTeam?: boolean
  /** What this click charged. */
  units: number
  milliCredits: number
}

/**
 * The one purchase routine: reserve the worst case → mark it sent → call → journal the answer
 * → store it, settle the reservation to what was charged and write the audit row, in one
 * transaction. The guarantees live here and nowhere else:
 *
 * - nothing is bought twice: a purchase whose answer is still waiting in the journal refuses to
 *   buy again and stores the waiting answer instead;
 * - what was bought is durable before anything can fail: the answer is fsynced to the journal
 *   before the database is touched, and stored from there at the next click or start;
 * - the ledger is never below what the provider charged: a failed call that may have been
 *   billed is counted at its worst case, and a reservation that cannot be settled (the database
 *   refused) stays marked sent, so the next start counts it;
 * - the audit row is always written, with the cache rows or with the replay;
 * - a storage failure is a typed `STORAGE` error in plain words, never a bare INTERNAL.
 */
export async function buy<C, D, R>(
  deps: CoreDeps,
  kind: PurchaseKind<C, D, R>,
  order: PurchaseOrder<C, D>,
): Promise<Bought<D, R>> {
  await refuseWhileWaiting(deps, order.key)
  const team = deps.team()
  if (team !== null) return buyThroughTeam(deps, team, kind, order)
  const reservation = await storage('Nothing was charged, but the purchase could not start', () =>
    deps.ledger.reserve(kind.meter, order.reserveUnits),
  )
  await storage('Nothing was charged, but the purchase could not start', async () => {
    try {
      await deps.ledger.markSent(reservation)
    } catch (err) {
      await deps.ledger.release(reservation).catch(() => undefined)
      throw err
    }
  })

  let answer: Awaited<ReturnType<PurchaseOrder<C, D>['call']>>
  try {
    answer = await order.call()
  } catch (err) {
    await recordFailedCall(deps, order, reservation, err)
    throw err
  }

  const charge = kind.charge(answer.data, order.context)
  const entry: JournalEntry = {
    id: PurchaseJournal.newId(),
    key: order.key,
    kind: kind.name,
    provider: kind.provider,
    context: order.context,
    raw: answer.raw,
    reservation,
    charge,
    audit: {
      ...order.audit,
      outcome: 'ok',
      httpStatus: answer.meta.httpStatus,
      durationMs: answer.meta.durationMs,
      costUnits: charge.units,
      costMilliCredits: charge.milliCredits,
    },
    boughtAt: deps.clock.now().toISOString(),
  }
  const result = await keepAndStore(deps, kind, entry, answer.data)
  return { result, data: answer.data, ...charge }
}

/**
 * Stores the answers still waiting in the journal. Run at start (before the ledger recovers
 * reservations, so each is settled to its real charge) and before any purchase or cache read
 * while something waits. Stops at the first storage failure: the rest wait for the next try.
 */
export async function replayJournal(
  deps: CoreDeps,
  kinds: readonly AnyPurchaseKind[],
): Promise<{ storedKeys: string[]; waiting: number }> {
  const storedKeys: string[] = []
  for (const entry of deps.journal.entries()) {
    const kind = kinds.find((k) => k.name === entry.kind)
    if (kind === undefined) continue
    try {
      await storeOnce(deps, kind, entry, kind.read(entry.raw, entry.context))
    } catch (err) {
      if (storageProblem(err) !== null) break
      // The kept body no longer stores (a bug, or a body this version cannot use): keep the
      // purchase, its charge and its audit row without cache rows, rather than block the key.
      await storeOnce(deps, kind, entry, null)
    }
    deps.journal.remove(entry.id)
    storedKeys.push(entry.key)
  }
  return { storedKeys, waiting: deps.journal.size }
}

async function refuseWhileWaiting(deps: CoreDeps, key: string): Promise<void> {
  if (deps.journal.pendingFor(key) === undefined) return
  const { storedKeys } = await replayJournal(deps, deps.purchaseKinds)
  // Callers store waiting answers before they look in the cache; one stored only now (a race)
  // must still not be bought again: the caller's next look finds it.
  if (storedKeys.includes(key))
    throw new AppError(
      'PRECONDITION',
      'This was bought a moment ago and has just been saved. Nothing more was charged; ask again to see it.',
      { purchaseKey: key },
    )
  throw new AppError(
    'STORAGE',
    'This was already bought and is waiting to be saved: the database still cannot be written. ' +
      'Nothing more was charged; try again once the database is free.',
    { storage: 'waiting', purchaseKey: key },
  )
}

async function recordFailedCall<C, D>(
  deps: CoreDeps,
  order: PurchaseOrder<C, D>,
  reservation: Awaited<ReturnType<CoreDeps['ledger']['reserve']>>,
  err: unknown,
): Promise<void> {
  // An answer lost on its way may have been billed: count the worst case, never less.
  const billed = mayHaveBilled(err) ? reservation.units : 0
  const milliCredits = billed > 0 ? order.worstCaseMilliCredits(billed) : 0
  // If the database refuses these writes, the reservation stays marked sent and the next start
  // counts its worst case: the ledger over-counts, never under-counts. The provider's failure
  // is what the user must see, so a storage failure here is not thrown over it.
  await (
    billed > 0
      ? deps.ledger.settle(reservation, billed, milliCredits)
      : deps.ledger.release(reservation)
  ).catch(() => undefined)
  await deps.logger
    .record({
      ...order.audit,
      outcome: failureOutcome(err),
      httpStatus: failureStatus(err),
      durationMs: failureDuration(err),
      costUnits: billed,
      costMilliCredits: milliCredits,
    })
    .catch(() => undefined)
}

async function storage<T>(what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task()
  } catch (err) {
    throw toStorageError(err, what) ?? err
  }
}
