import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ClayApi } from '../providers/clay/clay-api'
import type { ModashApi } from '../providers/modash/modash-api'
import type { ApiLogger } from './api-logger'
import type { Clock } from './clock'
import type { KeyedLock } from './keyed-lock'
import type { TeamClient } from '../team/team-client'
import type { AnyPurchaseKind } from './purchase/purchase'
import type { PurchaseJournal } from './purchase/purchase-journal'
import type { QuotaLedger } from './quota-ledger'
import type { SettingsStore } from './settings-store'

/** What the creator services share. One object, built once in `create-core.ts`. */
export interface CoreDeps {
  db: Kysely<Database>
  clock: Clock
  ledger: QuotaLedger
  logger: ApiLogger
  settings: SettingsStore
  modash: ModashApi
  clay: ClayApi
  clayRoutineId: () => string | null
  /** One purchase per page, report or email at a time (see `keyed-lock.ts`). */
  purchases: KeyedLock
  /** Paid answers not yet stored in the database (see `purchase/purchase-journal.ts`). */
  journal: PurchaseJournal
  /** Every kind of purchase the journal can hold, for replaying it. */
  purchaseKinds: readonly AnyPurchaseKind[]
  /** The team database's client in team mode; null when solo (the default). */
  team: () => TeamClient | null
}
