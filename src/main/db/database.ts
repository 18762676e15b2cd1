import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely'
import type { DatabaseConnection, DialectAdapter, Driver } from 'kysely'
import { Migrator } from 'kysely/migration'
import { AppError } from '../../shared/errors'
import { checkHealth, damagedDatabaseError, isDamage } from './damage'
import { pendingMigrations, reportingMigrations } from './migration-progress'
import type { OnUpgradeProgress } from './migration-progress'
import { MIGRATIONS, staticMigrationProvider } from './migrations'
import type { Database } from './schema'
import { CachedStatementDriver } from './statement-cache'
import { registerSqlFunctions } from './sql-functions'

export const DATABASE_FILE = 'creator-desk.sqlite'

/** The connection's page cache, in KiB (see `openDatabase`). */
const PAGE_CACHE_KIB = 32 * 1024

export interface OpenDatabaseOptions {
  dataDir: string
  fileName?: string
  /** Path of a better-sqlite3 addon built for another ABI (Electron); see `native-binding.ts`. */
  nativeBinding?: string
  /** How long a write waits for another program's lock before failing; default 5 s. */
  busyTimeoutMs?: number
  /** Files larger than this skip the full `quick_check` at open; see `damage.ts`. */
  fullCheckMaxBytes?: number
  /** Told how a one-time upgrade (pending migrations) is going; see `migration-progress.ts`. */
  onProgress?: OnUpgradeProgress
}

export interface OpenedDatabase {
  db: Kysely<Database>
  /** The raw handle, for pragmas, integrity checks and benchmarks' SQL floor. */
  sqlite: BetterSqlite3.Database
  path: string
  close: () => Promise<void>
}

/** SQLite can roll back DDL; Kysely's adapter says otherwise, so each migration would not be atomic. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}
/**
 * SQLite ends a transaction by itself on some errors (a full disk, a busy commit). Kysely then
 * sends ROLLBACK anyway, which fails with "cannot rollback - no transaction is active" and
 * replaces the real error; rolling back only an open transaction keeps the real one.
 */
class SafeRollbackDriver extends CachedStatementDriver {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super(sqlite)
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection)
  }
}

class CacheDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite })
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }

  override createDriver(): Driver {
    return new SafeRollbackDriver(this.sqlite)
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  mkdirSync(options.dataDir, { recursive: true })
  const path = join(options.dataDir, options.fileName ?? DATABASE_FILE)
  const sqlite = new BetterSqlite3(
    path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  let applied: string[] = []
  try {
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`)
    // Before anything writes: switching to WAL rewrites the header of a file we must not touch.
    applied = refuseFutureDatabase(sqlite)
    // A damaged file is left exactly as it is, for recovery to read (see `recover.ts`).
    checkHealth(sqlite, path, {
      migrationsPending: applied.length < MIGRATIONS.length,
      ...(options.fullCheckMaxBytes === undefined
        ? {}
        : { fullCheckMaxBytes: options.fullCheckMaxBytes }),
    })
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    // 32 MiB of page cache (16 by default here): a large import touches more index pages than
    // 16 MiB hold, and re-reading them from the log costs about a tenth of its time. Used only
    // as pages are read; 64 MiB bought little more.
    sqlite.pragma(`cache_size = ${-PAGE_CACHE_KIB}`)
    sqlite.pragma('foreign_keys = ON')
    registerSqlFunctions(sqlite)
  } catch (err) {
    sqlite.close()
    // SQLite's own words ("file is not a database") never reach the user.
    throw isDamage(err) ? damagedDatabaseError(path) : err
  }
  const db = new Kysely<Database>({ dialect: new CacheDialect(sqlite) })
  const close = () => db.destroy()
  try {
    await migrate(db, applied, options.onProgress)
  } catch (err) {
    await close()
    throw isDamage(err) ? damagedDatabaseError(path) : err
  }
  return { db, sqlite, path, close }
}

/**
 * A database written by a newer version of the app may hold columns and meanings this version
 * does not know; writing to it could corrupt what was bought. Refuse before touching it.
 * Returns the migrations the file has applied.
 */
function refuseFutureDatabase(sqlite: BetterSqlite3.Database): string[] {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get()
  if (!hasTable) return []
  const known = new Set(MIGRATIONS.map(([name]) => name))
  const applied = sqlite.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]
  const unknown = applied.map((r) => r.name).filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new AppError(
      'PRECONDITION',
      `This data folder was written by a newer version of Creator Desk (schema ${unknown.join(', ')}). ` +
        'Update the app to open it; nothing was changed.',
      { unknownMigrations: unknown },
    )
  }
  return applied.map((r) => r.name)
}

async function migrate(
  db: Kysely<Database>,
  applied: string[],
  onProgress: OnUpgradeProgress | undefined,
): Promise<void> {
  const pending = pendingMigrations(applied)
  const provider =
    onProgress === undefined || pending.length === 0
      ? staticMigrationProvider
      : reportingMigrations(pending, onProgress)
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  // Damage found while migrating is reported as damage, not as a failed migration.
  if (isDamage(error)) throw error
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new AppError(
      'INTERNAL',
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    )
  }
}
