import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { AppError } from '../../shared/errors'
import type { RecoveryReport, TableRecovery } from '../../shared/storage-health'
import { copyRows } from './copy-rows'
import type { CopiedTable } from './copy-rows'
import { DATABASE_FILE } from './database'
import { removeScratchDatabase, syncFile } from './db-files'
import { MIGRATIONS, staticMigrationProvider } from './migrations'
import { openReadableCopy } from './readable-copy'
import { settleRecoveredLedger } from './recover-ledger'
import { quoteName, TableReader } from './row-reader'
import { setAside } from './set-aside'
import { tableLabel, tableOrder } from './table-labels'

const WORK_PREFIX = '.recovery-'

export interface RecoverOptions {
  dataDir: string
  fileName?: string
  nativeBinding?: string
  now: () => Date
}

/**
 * Builds a new database from whatever can still be read of a damaged one, and puts the damaged
 * file aside (`<file>.damaged-<stamp>`, never deleted). The file must be closed.
 *
 * 1. A scratch copy of the damaged file (and its WAL) is opened; if its header is unreadable a
 *    plausible one is written into the copy (`header-repair.ts`).
 * 2. A new file is migrated to the same schema the damaged one had, so that later migrations
 *    (which may rebuild data, such as the ledger's charges) run over the recovered rows.
 * 3. Every table is copied row by row, stepping over unreadable pages (`row-reader.ts`); rows
 *    that point at a row that was lost (a list entry whose creator was lost) are dropped, since
 *    a database with broken links fails later in confusing ways, and counted as lost.
 * 4. The new file is migrated to the current schema; the ledger is checked against its monthly
 *    totals (`recover-ledger.ts`); reservations left over are settled by the next start, as
 *    after a crash.
 * 5. Only then is the damaged file moved aside and the new one moved in: a crash before that
 *    leaves the damaged file where it was, to be recovered again.
 *
 * The journal of paid answers (`<file>.purchases`) stays where it is: the next start stores its
 * answers into the new file.
 */
export async function recoverDatabase(options: RecoverOptions): Promise<RecoveryReport> {
  const path = join(options.dataDir, options.fileName ?? DATABASE_FILE)
  if (!existsSync(path)) {
    throw new AppError('PRECONDITION', 'There is no database file to recover.')
  }
  const building = `${path}.recovering`
  // What a recovery interrupted by a crash left: scratch files only, never the user's data.
  removeScratchDatabase(building)
  for (const name of readdirSync(options.dataDir)) {
    if (name.startsWith(WORK_PREFIX))
      rmSync(join(options.dataDir, name), { recursive: true, force: true })
  }
  const work = mkdtempSync(join(options.dataDir, WORK_PREFIX))
  let tables: TableRecovery[]
  let ledger: RecoveryReport['ledger']
  try {
    const source = openReadableCopy(path, work, options.nativeBinding)
    const target = new BetterSqlite3(building, {
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    })
    // Rows arrive table by table; links are checked once all are in. A crash mid-way leaves
    // only this scratch file, rebuilt from the start next time: no need to sync every commit.
    target.pragma('foreign_keys = OFF')
    target.pragma('synchronous = OFF')
    const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: target }) })
    try {
      await migrate(kysely, source.db === null ? null : schemaLevel(source.db))
      tables = source.db === null ? [] : await copyTables(source.db, target)
      source.close()
      await migrate(kysely, null)
      dropBrokenLinks(target, tables)
      if (source.db === null) tables = unreadableTables(target)
      ledger = settleRecoveredLedger(target, tables, options.now())
      const check = target.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new AppError('INTERNAL', 'The recovered database failed its check.')
    } finally {
      source.close()
      await kysely.destroy()
    }
    syncFile(building)
  } catch (err) {
    removeScratchDatabase(building)
    throw err
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const keptAt = setAside(path, 'damaged', options.now())
  renameSync(building, path)
  tables.sort((a, b) => tableOrder(a.table, b.table))
  return { keptAt, tables, ledger, summary: summarise(tables) }
}

/** The last migration the damaged file had applied, or null (latest) when that is unreadable. */
function schemaLevel(db: BetterSqlite3.Database): string | null {
  const known = MIGRATIONS.map(([name]) => name)
  const applied: string[] = []
  for (const [name] of new TableReader(db, 'kysely_migration', ['name']).rows()) {
    if (typeof name === 'string') applied.push(name)
  }
  const unknown = applied.filter((n) => !known.includes(n))
  if (unknown.length > 0) {
    throw new AppError(
      'PRECONDITION',
      'This database was written by a newer version of Creator Desk. Update the app, then recover it.',
      { unknownMigrations: unknown },
    )
  }
  const last = Math.max(-1, ...applied.map((n) => known.indexOf(n)))
  return last === -1 ? null : (known[last] ?? null)
}

async function migrate(db: Kysely<unknown>, level: string | null): Promise<void> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider })
  const { error } =
    level === null ? await migrator.migrateToLatest() : await migrator.migrateTo(level)
  if (error !== undefined) {
    throw new AppError('INTERNAL', 'The new database could not be prepared for the recovered rows.')
  }
}

/** The app's own tables of a file: not SQLite's, Kysely's, or full-text search's internals. */
function ownTables(db: BetterSqlite3.Database): string[] {
  return (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter(
      (t) =>
        t.schema === 'main' &&
        t.type === 'table' &&
        !t.name.startsWith('sqlite_') &&
        !t.name.startsWith('kysely_'),
    )
    .map((t) => t.name)
}

async function copyTables(
  source: BetterSqlite3.Database,
  target: BetterSqlite3.Database,
): Promise<TableRecovery[]> {
  const present = new Set(ownTables(source))
  const results: TableRecovery[] = []
  for (const table of ownTables(target)) {
    const copied: CopiedTable = present.has(table)
      ? await copyRows(source, target, table, { replaceRows: true })
      : { written: 0, refused: 0, expected: null, damaged: true }
    results.push(outcome(table, copied))
  }
  return results
}

function outcome(table: string, c: CopiedTable): TableRecovery {
  const lost =
    c.expected !== null
      ? Math.max(0, c.expected - c.written, c.refused)
      : c.damaged && c.written === 0
        ? null
        : c.refused
  return {
    table,
    label: tableLabel(table),
    recovered: c.written,
    lost,
    complete: !c.damaged && c.refused === 0 && (c.expected === null || c.written >= c.expected),
  }
}

/** When not even the list of tables could be read: every table of the new file, all lost. */
function unreadableTables(target: BetterSqlite3.Database): TableRecovery[] {
  return ownTables(target).map((table) => ({
    table,
    label: tableLabel(table),
    recovered: 0,
    lost: null,
    complete: false,
  }))
}

/**
 * Rows whose parent was lost (a list entry whose creator could not be read) are dropped and
 * counted as lost. A cached search page that lost a creator is dropped whole: served from the
 * cache it would be a different page from the one bought.
 */
function dropBrokenLinks(db: BetterSqlite3.Database, tables: TableRecovery[]): void {
  const dropped = new Map<string, number>()
  const count = (table: string, n: number) => dropped.set(table, (dropped.get(table) ?? 0) + n)
  const brokenPages = new Set<number>()
  for (let pass = 0; pass < 5; pass++) {
    const broken = db.pragma('foreign_key_check') as { table: string; rowid: number | null }[]
    if (broken.length === 0) break
    for (const { table, rowid } of broken) {
      if (rowid === null) continue
      if (table === 'search_page_results') {
        const row = db
          .prepare('SELECT search_page_id AS id FROM search_page_results WHERE rowid = ?')
          .get(rowid) as { id: number } | undefined
        if (row) brokenPages.add(row.id)
      }
      count(table, db.prepare(`DELETE FROM ${quoteName(table)} WHERE rowid = ?`).run(rowid).changes)
    }
    for (const id of brokenPages) {
      count(
        'search_page_results',
        db.prepare('DELETE FROM search_page_results WHERE search_page_id = ?').run(id).changes,
      )
      count('search_pages', db.prepare('DELETE FROM search_pages WHERE id = ?').run(id).changes)
    }
    brokenPages.clear()
  }
  for (const t of tables) {
    const n = dropped.get(t.table) ?? 0
    if (n === 0) continue
    t.recovered -= n
    t.lost = (t.lost ?? 0) + n
    t.complete = false
  }
}

function summarise(tables: readonly TableRecovery[]): string {
  const recovered = tables.reduce((n, t) => n + t.recovered, 0)
  const incomplete = tables.filter((t) => !t.complete)
  const rows = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`
  if (incomplete.length === 0) return `Everything was recovered: ${rows(recovered)}.`
  const lost = incomplete.reduce((n, t) => n + (t.lost ?? 0), 0)
  const unknown = incomplete.some((t) => t.lost === null)
  const what = incomplete.map((t) => t.label.toLowerCase()).join('; ')
  return (
    `${rows(recovered)} recovered. ` +
    `${unknown ? 'Some rows' : rows(lost)} could not be read, in: ${what}.`
  )
}
