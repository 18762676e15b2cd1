import { statSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { storageProblem } from './storage-errors'

/**
 * A full `quick_check` reads every page, about 0.5 ms a megabyte with a warm cache. Up to this
 * size it runs at every start (a few hundred milliseconds at most); a larger file is checked in
 * full at start only before migrations write to it, and otherwise by the daily backup, which
 * checks its copy (see `backup.ts`), so start-up stays fast with a million creators.
 */
export const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024

/** The plain-words error for a damaged database file: what it means and what can be done. */
export function damagedDatabaseError(path: string): AppError {
  return new AppError(
    'STORAGE',
    "Creator Desk's database file is damaged, so it cannot be used as it is. Nothing in it has " +
      'been changed or deleted. Creator Desk can copy everything that is still readable into a ' +
      'new database (the damaged file is kept), or restore a backup.',
    { storage: 'damaged', file: path },
  )
}

/** True for an error that means the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB, or ours). */
export function isDamage(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'STORAGE' && err.details?.storage === 'damaged'
  return storageProblem(err) === 'damaged'
}

/**
 * Reads enough of the file to know it is sound before anything writes to it: the schema always
 * (a damaged header or first page fails here), and every page with `quick_check` when the file is
 * small enough or migrations are about to write. Throws SQLite's own error or, when the check
 * finds damage, the plain-words STORAGE error; the caller turns both into the latter.
 */
export function checkHealth(
  sqlite: BetterSqlite3.Database,
  path: string,
  options: { migrationsPending: boolean; fullCheckMaxBytes?: number },
): void {
  sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
  const limit = options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES
  if (!options.migrationsPending && fileSize(path) > limit) return
  // At most a few messages: one is enough to know, and they are SQLite's words, never shown.
  const rows = sqlite.pragma('quick_check(5)') as { quick_check: string }[]
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw damagedDatabaseError(path)
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
