import { openDatabase } from '../db/database'
import type { ClayApi } from '../providers/clay/clay-api'
import type { ModashApi } from '../providers/modash/modash-api'
import { ApiLogger } from './api-logger'
import { createCacheService } from './cache-service'
import type { Clock } from './clock'
import { systemClock } from './clock'
import type { CoreDeps } from './core-deps'
import type { Core } from './core-types'
import { createDictionaryService } from './dictionary-service'
import { enrichCreator } from './enrich-service'
import { KeyedLock } from './keyed-lock'
import { createListService } from './list-service'
import { outreachRows } from './outreach-rows'
import { QuotaLedger } from './quota-ledger'
import { getCreator, requireCreator, selectCreator } from './report-service'
import { search } from './search-service'
import { defaultSettings, SettingsStore } from './settings-store'
import { createUsageService } from './usage-service'

export interface CoreOptions {
  /** Electron's userData in the app, a temp folder in tests. */
  dataDir: string
  databaseFile?: string
  nativeBinding?: string
  clock?: Clock
  modash: ModashApi
  clay: ClayApi
  clayRoutineId: () => string | null
  /** The local user's name, attached to searches and log rows (a setting; default OS account). */
  defaultUserId: string
  sandbox?: boolean
}

/** Opens (and migrates) the cache, settles what a crash left in the ledger, and wires the services. */
export async function createCore(options: CoreOptions): Promise<Core & { deps: CoreDeps }> {
  const opened = await openDatabase({
    dataDir: options.dataDir,
    ...(options.databaseFile ? { fileName: options.databaseFile } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const { db } = opened
  const clock = options.clock ?? systemClock
  const settings = new SettingsStore(
    db,
    defaultSettings(options.defaultUserId, options.sandbox ?? false),
  )
  const ledger = new QuotaLedger(db, clock, settings)
  const logger = new ApiLogger(db, clock)
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
  }
  await ledger.recover()

  return {
    deps,
    creators: {
      search: (input) => search(deps, input),
      get: (id) => getCreator(deps, id),
      select: (id, opts) => deps.purchases.run(`report:${id}`, () => selectCreator(deps, id, opts)),
      enrich: (id) => deps.purchases.run(`email:${id}`, () => enrichCreator(deps, id)),
      outreachRows: (query) => outreachRows(db, clock, query),
      pictureUrl: async (id) => (await requireCreator(deps, id)).picture_url,
    },
    usage: createUsageService(deps, logger),
    lists: createListService(db, clock),
    settings: { get: () => settings.get(), set: (patch) => settings.set(patch) },
    dictionaries: createDictionaryService(deps),
    cache: createCacheService(db),
    close: () => opened.close(),
  }
}
