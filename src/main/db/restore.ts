import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { RestoreReport } from '../../shared/storage-health'
import { backupsDir, checkCopy, listBackups } from './backup'
import { copyRows } from './copy-rows'
import { DATABASE_FILE, openDatabase } from './database'
import { removeScratchDatabase, syncFile } from './db-files'
import { openReadableCopy } from './readable-copy'
import { TableReader } from './row-reader'
import { setAside } from './set-aside'
import { tableLabel } from './table-labels'

export interface RestoreOptions {
  dataDir: string
  fileName?: string
  /** The backup's file name, as `listBackups` gives it. */
  name: string
  nativeBinding?: string
  now: () => Date
}

/**
 * What was recorded after a backup and must survive its restore: money spent is spent whatever
 * file is restored. Append-only tables (rows after the backup's last one), the month totals
 * (the larger of each), calls under way, and the ledger's clock (the later one). Raw paid
 * answers the backup does not have are kept too.
 */
const APPENDED = ['ledger_charges', 'api_call_logs', 'balance_snapshots', 'billing_cycle_changes']
const LEDGER_TABLES = [...APPENDED, 'usage_counters', 'quota_reservations', 'ledger_clock']

/**
 * Puts a backup in place of the database: the current file is moved aside
 * (`<file>.replaced-<stamp>`, never deleted), the backup is copied in and migrated, and the
 * usage ledger and audit log recorded since the backup are carried over from the file it
 * replaced, as far as that file can be read. Lists, notes and the cache are as the backup has
 * them. The database must be closed.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const backup = listBackups(options.dataDir).find((b) => b.name === options.name)
  if (backup === undefined) {
    throw new AppError('NOT_FOUND', 'That backup is no longer in the backups folder.')
  }
  const fileName = options.fileName ?? DATABASE_FILE
  const path = join(options.dataDir, fileName)
  const staged = `${path}.restoring`
  removeScratchDatabase(staged)
  try {
    copyFileSync(join(backupsDir(options.dataDir), backup.name), staged)
    checkCopy(staged, staged, options.nativeBinding)
    syncFile(staged)
  } catch (err) {
    removeScratchDatabase(staged)
    if (err instanceof AppError && err.code === 'STORAGE') {
      throw new AppError(
        'STORAGE',
        `The backup from ${backup.takenAt.slice(0, 10)} is damaged too. Try an older backup, or recover what can be read.`,
        { storage: 'damaged', backup: backup.name },
      )
    }
    throw err
  }
  const keptAt = existsSync(path) ? setAside(path, 'replaced', options.now()) : null
  renameSync(staged, path)

  const opened = await openDatabase({
    dataDir: options.dataDir,
    fileName,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  })
  let carried: { table: string; rows: number; complete: boolean }[] = []
  try {
    if (keptAt !== null) carried = await carryForward(keptAt, opened.sqlite, options)
  } finally {
    await opened.close()
  }
  const complete =
    keptAt !== null &&
    LEDGER_TABLES.every((t) => carried.find((c) => c.table === t)?.complete ?? false)
  const day = backup.takenAt.slice(0, 10)
  const rows = carried.reduce((n, c) => n + c.rows, 0)
  return {
    restoredFrom: backup,
    keptAt,
    carriedForward: carried
      .filter((c) => c.rows > 0)
      .map((c) => ({ table: c.table, label: tableLabel(c.table), rows: c.rows })),
    ledger: {
      complete,
      message: complete
        ? 'The usage ledger and the audit log keep everything recorded since the backup: the meters show everything spent.'
        : `What was spent after ${day} could not all be read from the file the backup replaced, so the meters may show less than was really spent. Check your usage on the Modash and Clay dashboards before buying more.`,
    },
    summary:
      `Restored the backup from ${day}. Lists, notes and cached data are as they were then` +
      (rows > 0
        ? `; ${rows.toLocaleString('en-US')} usage and audit rows recorded since were kept.`
        : '.'),
  }
}

async function carryForward(
  keptAt: string,
  target: BetterSqlite3.Database,
  options: RestoreOptions,
): Promise<{ table: string; rows: number; complete: boolean }[]> {
  const work = mkdtempSync(join(options.dataDir, '.restore-'))
  const source = openReadableCopy(keptAt, work, options.nativeBinding)
  try {
    if (source.db === null) return []
    const from = source.db
    target.pragma('foreign_keys = OFF')
    const out: { table: string; rows: number; complete: boolean }[] = []
    for (const table of APPENDED) {
      const { last } = target
        .prepare(`SELECT coalesce(max(rowid), 0) AS last FROM ${table}`)
        .get() as {
        last: number
      }
      const c = await copyRows(from, target, table, { after: last })
      out.push({ table, rows: c.written, complete: !c.damaged && c.refused === 0 })
    }
    // Calls under way when the backup was taken were settled since (their charges came over
    // above); counting them again would charge twice.
    target.prepare('DELETE FROM quota_reservations').run()
    const reservations = await copyRows(from, target, 'quota_reservations')
    out.push({
      table: 'quota_reservations',
      rows: reservations.written,
      complete: !reservations.damaged && reservations.refused === 0,
    })
    out.push(mergeCounters(from, target), mergeClock(from, target))
    const purchases = await copyRows(from, target, 'purchases', { keepExisting: true })
    out.push({ table: 'purchases', rows: purchases.written, complete: !purchases.damaged })
    target.pragma('foreign_keys = ON')
    return out
  } finally {
    source.close()
    rmSync(work, { recursive: true, force: true })
  }
}

/** Month totals only grow: each column keeps the larger of the two files'. */
function mergeCounters(from: BetterSqlite3.Database, to: BetterSqlite3.Database) {
  const columns = [
    'month',
    'modash_discoveries_used',
    'modash_reports_used',
    'clay_enrichments_used',
    'modash_millicredits_used',
  ]
  const upsert = to.prepare(
    `INSERT INTO usage_counters (${columns.join(', ')}) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (month) DO UPDATE SET
       ${columns
         .slice(1)
         .map((c) => `${c} = max(${c}, excluded.${c})`)
         .join(', ')}`,
  )
  const reader = new TableReader(from, 'usage_counters', columns)
  for (const row of reader.rows()) upsert.run(row)
  // Merged into existing months, not rows added: not listed as carried over.
  return { table: 'usage_counters', rows: 0, complete: !reader.damaged }
}

/** The ledger's high-water mark: the later of the two. */
function mergeClock(from: BetterSqlite3.Database, to: BetterSqlite3.Database) {
  const reader = new TableReader(from, 'ledger_clock', ['id', 'high_water_at'])
  const upsert = to.prepare(
    `INSERT INTO ledger_clock (id, high_water_at) VALUES (?, ?)
     ON CONFLICT (id) DO UPDATE SET high_water_at = max(high_water_at, excluded.high_water_at)`,
  )
  for (const row of reader.rows()) upsert.run(row)
  return { table: 'ledger_clock', rows: 0, complete: !reader.damaged }
}
