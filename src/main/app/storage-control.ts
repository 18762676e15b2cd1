import { AppError } from '../../shared/errors'
import type { DbStatus, RecoveryReport, RestoreReport } from '../../shared/storage-health'

/** What the `db:*` channels call: the data session (`data-session.ts`) in the app. */
export interface StorageControl {
  status(): Promise<DbStatus>
  recover(): Promise<RecoveryReport>
  restoreBackup(name: string): Promise<RestoreReport>
}

/**
 * For a handler table built over a bare core, without a data session (tests, benchmarks): the
 * channels exist but say plainly that this setup cannot do it.
 */
export const storageUnavailable: StorageControl = {
  status: () => Promise.reject(unavailable()),
  recover: () => Promise.reject(unavailable()),
  restoreBackup: () => Promise.reject(unavailable()),
}

function unavailable(): AppError {
  return new AppError('PRECONDITION', 'Database recovery and backups are not available here.')
}
