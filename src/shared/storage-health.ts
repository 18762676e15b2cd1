/**
 * What the renderer is told about the database file itself: whether it is damaged, the backups
 * kept of it, and what a recovery or a restore brought back. Channels `db:status`, `db:recover`
 * and `db:restore-backup`.
 */

/** Backup files are named after the day they were taken: `creator-desk-2026-11-20.sqlite`. */
export const BACKUP_NAME_PATTERN = /^creator-desk-\d{4}-\d{2}-\d{2}\.sqlite$/

export interface BackupInfo {
  /** The file name inside the data folder's `backups/`; what `db:restore-backup` takes. */
  name: string
  takenAt: string
  sizeBytes: number
}

export interface DbStatus {
  /** 'damaged' once damage was found, at start or while working, until recovered or restored. */
  state: 'ok' | 'damaged'
  /** What happened, in plain words (only when damaged). */
  problem?: string
  /** Where the database file is. */
  file: string
  /** Newest first. */
  backups: BackupInfo[]
}

/** One table of the damaged file, as recovery found it. */
export interface TableRecovery {
  table: string
  /** What the table holds, in the user's words. */
  label: string
  recovered: number
  /** Rows that could not be read; null when the table could not be read at all. */
  lost: number | null
  complete: boolean
}

/** Whether the usage meters still count everything that was spent. */
export interface LedgerOutcome {
  complete: boolean
  message: string
}

export interface RecoveryReport {
  /** Where the damaged file was moved; it is never deleted. */
  keptAt: string
  tables: TableRecovery[]
  ledger: LedgerOutcome
  /** One or two sentences for the top of the result. */
  summary: string
}

export interface RestoreReport {
  restoredFrom: BackupInfo
  /** Where the file it replaced was moved; it is never deleted. */
  keptAt: string | null
  /** Rows recorded after the backup that were brought over (the ledger and the audit log). */
  carriedForward: { table: string; label: string; rows: number }[]
  ledger: LedgerOutcome
  summary: string
}
