import { z } from 'zod'
import { BACKUP_NAME_PATTERN } from './storage-health'
import type { DbStatus, RecoveryReport, RestoreReport } from './storage-health'

/**
 * The database-file channels, spread into `CHANNELS` (`ipc-contract.ts`): damage, recovery and
 * daily backups. They answer even when the database is damaged and nothing else can.
 */
export const STORAGE_CHANNELS = {
  /** Whether the database file is sound, and the daily backups kept of it. */
  'db:status': z.strictObject({}),
  /** A new database from what can be read of a damaged one; the damaged file is kept aside. */
  'db:recover': z.strictObject({}),
  /** A daily backup put in place of the database; the file it replaces is kept aside. */
  'db:restore-backup': z.strictObject({
    /** A name `db:status` listed; a pattern, so no path can be smuggled in. */
    name: z.string().max(64).regex(BACKUP_NAME_PATTERN, 'not a backup name'),
  }),
} as const

export type StorageChannel = keyof typeof STORAGE_CHANNELS

export interface StorageChannelResults {
  'db:status': DbStatus
  'db:recover': RecoveryReport
  'db:restore-backup': RestoreReport
}
