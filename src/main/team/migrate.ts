import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { AppError } from '../../shared/errors'
import { TEAM_MIGRATIONS, teamMigrationProvider } from './migrations'
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE, TEAM_SCHEMA } from './names'

export interface TeamSchemaState {
  applied: string[]
  /** Applied here but unknown to this version: the database was set up by a newer one. */
  newer: string[]
  /** Known to this version but not applied: the set-up must be run again. */
  missing: string[]
}

/** What the team database's schema is, as far as this version of the app can tell. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function teamSchemaState(db: Kysely<any>): Promise<TeamSchemaState> {
  const table = `${TEAM_SCHEMA}.${MIGRATION_TABLE}`
  const exists = await sql<{
    found: string | null
  }>`SELECT to_regclass(${table})::text AS found`.execute(db)
  const applied =
    exists.rows[0]?.found == null
      ? []
      : (
          await sql<{ name: string }>`SELECT name FROM ${sql.table(table)} ORDER BY name`.execute(
            db,
          )
        ).rows.map((r) => r.name)
  const known = new Set(TEAM_MIGRATIONS.map(([name]) => name))
  const done = new Set(applied)
  return {
    applied,
    newer: applied.filter((name) => !known.has(name)),
    missing: TEAM_MIGRATIONS.map(([name]) => name).filter((name) => !done.has(name)),
  }
}

/** Refuses a schema this version cannot use: a newer one, or one not (fully) set up. */
export function assertUsableSchema(state: TeamSchemaState): void {
  if (state.newer.length > 0) throw newerSchemaError(state.newer)
  if (state.missing.length > 0) {
    throw new AppError(
      'PRECONDITION',
      state.applied.length === 0
        ? 'The team database is not set up for Creator Desk yet: ask your admin to run npm run team:setup.'
        : 'The team database was set up by an older version of Creator Desk: ask your admin to ' +
            'run npm run team:setup again to update it.',
      { team: 'schema-older', missing: state.missing },
    )
  }
}

/**
 * Creates or updates the team schema. Refuses, before changing anything, a database written by
 * a newer version. Kysely applies the pending migrations in one transaction under an advisory
 * lock, so two set-ups at once cannot interleave and a failed one leaves nothing half done.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateTeamDatabase(db: Kysely<any>): Promise<{ applied: string[] }> {
  const before = await teamSchemaState(db)
  if (before.newer.length > 0) throw newerSchemaError(before.newer)
  const migrator = new Migrator({
    db,
    provider: teamMigrationProvider,
    migrationTableSchema: TEAM_SCHEMA,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new AppError(
      'INTERNAL',
      `Team database migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    )
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  }
}

function newerSchemaError(newer: string[]): AppError {
  return new AppError(
    'PRECONDITION',
    `The team database was set up by a newer version of Creator Desk (schema ${newer.join(', ')}). ` +
      'Update the app to use it; nothing was changed.',
    { team: 'schema-newer', unknownMigrations: newer },
  )
}
