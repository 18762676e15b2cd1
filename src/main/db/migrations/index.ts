import type { Migration, MigrationProvider } from 'kysely/migration'
import { initial } from './001-initial'
import { searchIndexes } from './002-search-indexes'
import { purchases } from './003-purchases'
import { ledgerCharges } from './004-ledger-charges'
import { creatorFacts } from './005-creator-facts'
import { bulkJobs } from './006-bulk-jobs'
import { clientTags } from './007-client-tags'
import { changeCounters } from './008-change-counters'

/**
 * Every migration, in order. A static list rather than a folder scan: the main process is
 * bundled, so there is no folder to scan. Append only; never edit a released migration.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['001-initial', initial],
  ['002-search-indexes', searchIndexes],
  ['003-purchases', purchases],
  ['004-ledger-charges', ledgerCharges],
  ['005-creator-facts', creatorFacts],
  ['006-bulk-jobs', bulkJobs],
  ['007-client-tags', clientTags],
  ['008-change-counters', changeCounters],
]

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(Object.fromEntries(MIGRATIONS)),
}
