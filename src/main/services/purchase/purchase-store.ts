import type { Kysely } from 'kysely'
import { AppError } from '../../../shared/errors'
import { describeStorageProblem, storageProblem } from '../../db/storage-errors'
import type { Database } from '../../db/schema'
import type { CoreDeps } from '../core-deps'
import type { PurchaseKind } from './purchase'
import type { JournalEntry } from './purchase-journal'

/**
 * Where a paid answer becomes durable: the journal file first, then one transaction holding the
 * cache rows, the raw answer (`purchases`), the settled charge and the audit row.
 */

/**
 * Journals a paid answer, then stores it (cache rows, `purchases` row, settled charge, audit
 * row) in one transaction, and drops the journal file. Shared by the solo and team routes.
 */
export async function keepAndStore<C, D, R>(
  deps: CoreDeps,
  kind: PurchaseKind<C, D, R>,
  entry: JournalEntry,
  data: D,
): Promise<R> {
  let journaled = true
  try {
    deps.journal.write(entry)
  } catch {
    // The disk refused even a small file; the database may still take the answer below.
    journaled = false
  }
  let result: R
  try {
    result = await deps.db.transaction().execute((trx) => storeEntry(trx, deps, kind, entry, data))
  } catch (err) {
    throw boughtButNotStored(err, entry, journaled)
  }
  if (journaled) deps.journal.remove(entry.id)
  return result
}

/** Stores a journal entry unless an earlier replay or the live path already did. */
export async function storeOnce<C, D, R>(
  deps: CoreDeps,
  kind: PurchaseKind<C, D, R>,
  entry: JournalEntry,
  data: D | null,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('purchases')
      .select('id')
      .where('id', '=', entry.id)
      .executeTakeFirst()
    if (!done) await storeEntry(trx, deps, kind, entry, data)
  })
}

export async function storeEntry<C, D, R>(
  trx: Kysely<Database>,
  deps: CoreDeps,
  kind: PurchaseKind<C, D, R>,
  entry: JournalEntry,
  data: D | null,
): Promise<R> {
  await trx
    .insertInto('purchases')
    .values({
      id: entry.id,
      purchase_key: entry.key,
      kind: entry.kind,
      provider: entry.provider,
      context_json: JSON.stringify(entry.context),
      response_json: entry.raw === undefined ? null : JSON.stringify(entry.raw),
      units: entry.charge.units,
      millicredits: entry.charge.milliCredits,
      http_status: entry.audit.httpStatus ?? null,
      bought_at: entry.boughtAt,
      stored_at: deps.clock.now().toISOString(),
    })
    // A teammate's purchase may already be here, pulled into this laptop's copy.
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  // Team mode settles on the team's ledger; only a solo purchase holds a local reservation.
  if (entry.reservation !== null)
    await deps.ledger.settle(entry.reservation, entry.charge.units, entry.charge.milliCredits, trx)
  await deps.logger.record(entry.audit, trx)
  // A body this version can no longer read is still kept above, with its charge and audit row.
  return data === null
    ? (undefined as R)
    : kind.store(trx, deps, entry.context as C, data, entry.boughtAt)
}

function boughtButNotStored(err: unknown, entry: JournalEntry, journaled: boolean): unknown {
  const problem = storageProblem(err)
  if (problem === null && journaled) return err
  const units = entry.charge.units
  const kept = journaled
    ? 'It is kept safely and will be saved as soon as the database can be written; asking again will not charge you again.'
    : 'It could not be kept either, so it may have to be bought again.'
  return new AppError(
    'STORAGE',
    `Bought (${units} ${units === 1 ? 'unit' : 'units'} charged) but not saved: ${
      problem === null ? 'an unexpected error' : describeStorageProblem(problem)
    }. ${kept}`,
    {
      storage: problem ?? 'unknown',
      charged: units,
      chargedMilliCredits: entry.charge.milliCredits,
      kept: journaled,
    },
  )
}
