import type { Migration, MigrationProvider } from 'kysely/migration'
import { teamTables } from './001-tables'
import { teamRowSecurity } from './002-row-security'
import { teamLedger } from './003-ledger'
import { teamPurchases } from './004-purchases'
import { teamReserveRace } from './005-reserve-race'

/**
 * Every migration of the team database, in order: a static list, as for the laptop's SQLite
 * file (the main process is bundled, there is no folder to scan). Append only; never edit a
 * released migration. A database holding a name this list lacks was set up by a newer version
 * and is refused (`migrate.ts`).
 */
export const TEAM_MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['001-tables', teamTables],
  ['002-row-security', teamRowSecurity],
  ['003-ledger', teamLedger],
  ['004-purchases', teamPurchases],
  ['005-reserve-race', teamReserveRace],
]

export const teamMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(Object.fromEntries(TEAM_MIGRATIONS)),
}
