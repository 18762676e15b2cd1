import { join } from 'node:path'
import { withBulk } from '../bulk/with-bulk'
import type { ClayMapping } from '../../shared/domain'
import { DATABASE_FILE, openDatabase } from '../db/database'
import type { OpenedDatabase } from '../db/database'
import type { OnUpgradeProgress } from '../db/migration-progress'
import type { ClayApi } from '../providers/clay/clay-api'
import type { TeamClient } from '../team/team-client'
import type { ModashApi } from '../providers/modash/modash-api'
import { ApiLogger } from './api-logger'
import { createCacheService } from './cache-service'
import type { Clock } from './clock'
import { systemClock } from './clock'
import type { CoreDeps } from './core-deps'
import type { Core, UsageService } from './core-types'
import { createDictionaryService } from './dictionary-service'
import { testClayRoutine } from './clay-routine-test'
import { withPendingLookup } from './creator-detail'
import { detailWithLists, searchWithLists } from './creator-lists'
import { enrichCreator } from './enrich-service'
import { abandonLookup } from './lookup-abandon'
import { KeyedLock } from './keyed-lock'
import { replayJournal } from './purchase/purchase'
import { PurchaseJournal } from './purchase/purchase-journal'
import { createListService } from './list-service'
import { outreachRows } from './outreach-rows'
import { QuotaLedger } from './quota-ledger'
import { clayStartPurchase } from './clay-start-purchase'
import { reportPurchase } from './report-purchase'
import { getCreator, requireCreator, selectCreator } from './report-service'
import { searchPurchase } from './search-purchase'
import { search } from './search-service'
import { defaultSettings, SettingsStore } from './settings-store'
import { createUsageService } from './usage-service'

export interface CoreOptions {
  /** Electron's userData in the app, a temp folder in tests. */
  dataDir: string
  databaseFile?: string
  nativeBinding?: string
  busyTimeoutMs?: number
  /** Team mode: the team database's client, read on every purchase (joining or leaving applies at once). */
  team?: () => TeamClient | null
  clock?: Clock
  modash: ModashApi
  clay: ClayApi
  clayRoutineId: () => string | null
  /**
   * The Clay mapping used until the user saves one. Default: the sample routine's columns in
   * sandbox mode, nothing mapped otherwise (see `clay-mapping.ts`).
   */
  clayMapping?: ClayMapping
  /** The local user's name, attached to searches and log rows (a setting; default OS account). */
  defaultUserId: string
  sandbox?: boolean
  /** Told how a one-time database upgrade is going, for the shell to show (`openDatabase`). */
  onUpgradeProgress?: OnUpgradeProgress
}

/** Opens (and migrates) the cache, settles what a crash left in the ledger, and wires the services. */
export async function createCore(
  options: CoreOptions,
): Promise<Core & { deps: CoreDeps; sqlite: OpenedDatabase['sqlite'] }> {
  const opened = await openDatabase({
    dataDir: options.dataDir,
    ...(options.databaseFile ? { fileName: options.databaseFile } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    ...(options.onUpgradeProgress === undefined ? {} : { onProgress: options.onUpgradeProgress }),
  })
  const { db } = opened
  const clock = options.clock ?? systemClock
  const settings = new SettingsStore(
    db,
    defaultSettings(options.defaultUserId, options.sandbox ?? false, options.clayMapping),
  )
  const ledger = new QuotaLedger(db, clock, settings)
  const logger = new ApiLogger(
    db,
    clock,
    async (executor) => (await settings.get(executor)).currentClient ?? null,
  )
  const deps: CoreDeps = {
    db,
    clock,
    ledger,
    logger,
    settings,
    modash: options.modash,
    clay: options.clay,
    clayRoutineId: options.clayRoutineId,
    purchases: new KeyedLock(),
    // Beside the database it belongs to: the sandbox keeps its own database in the same folder.
    journal: new PurchaseJournal(
      join(options.dataDir, `${options.databaseFile ?? DATABASE_FILE}.purchases`),
    ),
    purchaseKinds: [searchPurchase, reportPurchase, clayStartPurchase],
    team: options.team ?? (() => null),
  }
  // Answers bought before a crash or a storage failure are stored first, so their reservations
  // settle to what was charged rather than to the worst case `recover` would count.
  await replayJournal(deps, deps.purchaseKinds)
  await ledger.recover()

  // Bulk work runs through the creator services below; interrupted jobs resume once all is settled.
  return withBulk({
    deps,
    // The raw handle, for the shell's online backup (`db/backup.ts`).
    sqlite: opened.sqlite,
    creators: {
      search: async (input) => searchWithLists(db, await search(deps, input)),
      get: async (id) =>
        detailWithLists(db, await withPendingLookup(deps, await getCreator(deps, id))),
      select: async (id, opts) =>
        detailWithLists(
          db,
          await deps.purchases.run(`report:${id}`, async () =>
            withPendingLookup(deps, await selectCreator(deps, id, opts)),
          ),
        ),
      enrich: (id) => deps.purchases.run(`email:${id}`, () => enrichCreator(deps, id)),
      abandonLookup: (id) => abandonLookup(deps, id),
      testClayRoutine: (id) => deps.purchases.run(`email:${id}`, () => testClayRoutine(deps, id)),
      outreachRows: (query) => outreachRows(db, clock, query),
      pictureUrl: async (id) => (await requireCreator(deps, id)).picture_url,
    },
    usage: withJournalStored(deps, createUsageService(deps, logger)),
    lists: createListService(db, clock),
    settings: { get: () => settings.get(), set: (patch) => settings.set(patch) },
    dictionaries: createDictionaryService(deps),
    cache: createCacheService(db),
    close: () => opened.close(),
  })
}

/** The meters count an answer still waiting in the journal once it is stored: store it first. */
function withJournalStored(deps: CoreDeps, usage: UsageService): UsageService {
  return {
    ...usage,
    quota: async () => {
      if (deps.journal.size > 0) await replayJournal(deps, deps.purchaseKinds).catch(() => null)
      return usage.quota()
    },
  }
}
