import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { BACKUP_NAME_PATTERN } from '../../shared/storage-health'
import type { BackupInfo } from '../../shared/storage-health'
import { damagedDatabaseError, isDamage } from './damage'
import { removeScratchDatabase, syncFile } from './db-files'

export const BACKUP_FOLDER = 'backups'
/** A week of daily backups: damage noticed late can still be undone from before it began. */
export const BACKUPS_KEPT = 7
const DAY_MS = 24 * 60 * 60 * 1000
const PARTIAL = '.partial'

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUP_FOLDER)
}

/** `creator-desk-2026-11-20.sqlite`: the day it was taken (UTC). */
export function backupName(at: Date): string {
  return `creator-desk-${at.toISOString().slice(0, 10)}.sqlite`
}

/** The backups kept, newest first. A backup's time is its file's modification time. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[]
  try {
    names = readdirSync(backupsDir(dataDir))
  } catch {
    return []
  }
  return names
    .filter((name) => BACKUP_NAME_PATTERN.test(name))
    .map((name) => {
      const stat = statSync(join(backupsDir(dataDir), name))
      return { name, takenAt: stat.mtime.toISOString(), sizeBytes: stat.size }
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name))
}

/**
 * At most one backup a day: due when none was taken in the last 24 hours. A newest backup dated
 * more than a day ahead means the clock went back; waiting for it to catch up could mean no
 * backup for months, so one is due then too.
 */
export function isBackupDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir)[0]
  if (newest === undefined) return true
  const age = now.getTime() - Date.parse(newest.takenAt)
  return age >= DAY_MS || age <= -DAY_MS
}

/**
 * Copies the open database with SQLite's online backup API (page by page, between which the app
 * keeps working on the same connection), checks the copy in full, and only then gives it its
 * day's name, so a half-written or damaged copy never takes the place of a good backup. The copy
 * is switched to a rollback journal: a backup is one self-contained file. Keeps the newest
 * `BACKUPS_KEPT`. Throws the STORAGE "damaged" error when the copy, and so the database, is
 * damaged: the daily backup is also the full check of a database too large to check at start.
 */
export async function takeBackup(
  source: BetterSqlite3.Database,
  dataDir: string,
  now: Date,
  nativeBinding?: string,
): Promise<BackupInfo> {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  // Left by a backup interrupted by a crash or a quit.
  for (const name of readdirSync(dir)) {
    if (name.includes(PARTIAL)) rmSync(join(dir, name), { force: true })
  }
  const name = backupName(now)
  const partial = join(dir, name + PARTIAL)
  const final = join(dir, name)
  try {
    await source.backup(partial)
    checkCopy(partial, source.name, nativeBinding)
    syncFile(partial)
    renameSync(partial, final)
    utimesSync(final, now, now)
  } catch (err) {
    removeScratchDatabase(partial)
    throw err
  }
  pruneBackups(dataDir, BACKUPS_KEPT)
  const stat = statSync(final)
  return { name, takenAt: stat.mtime.toISOString(), sizeBytes: stat.size }
}

/** Deletes all but the newest `keep` backups (only files named as backups, nothing else). */
export function pruneBackups(dataDir: string, keep: number): void {
  for (const old of listBackups(dataDir).slice(keep)) {
    rmSync(join(backupsDir(dataDir), old.name), { force: true })
  }
}

/** A full check of a database copy; throws the "damaged" error for `databasePath` if it fails. */
export function checkCopy(copy: string, databasePath: string, nativeBinding?: string): void {
  const db = new BetterSqlite3(copy, {
    fileMustExist: true,
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  })
  try {
    db.pragma('journal_mode = DELETE')
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[]
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw damagedDatabaseError(databasePath)
  } catch (err) {
    throw isDamage(err) ? damagedDatabaseError(databasePath) : err
  } finally {
    db.close()
  }
}
