import { AppError } from '../../shared/errors'

/** What went wrong with the local database, in the words the user is given. */
export type StorageProblem = 'locked' | 'full' | 'damaged' | 'read_only' | 'io'

const PROBLEM_BY_CODE: Record<string, StorageProblem> = {
  SQLITE_BUSY: 'locked',
  SQLITE_LOCKED: 'locked',
  SQLITE_FULL: 'full',
  SQLITE_CORRUPT: 'damaged',
  SQLITE_NOTADB: 'damaged',
  SQLITE_READONLY: 'read_only',
  SQLITE_IOERR: 'io',
  SQLITE_CANTOPEN: 'io',
}

const WORDS: Record<StorageProblem, string> = {
  locked:
    'the database is locked by another program (another copy of Creator Desk, a backup or sync tool)',
  full: 'the disk is full',
  damaged: 'the database file is damaged',
  read_only: 'the database file cannot be written (it is read-only)',
  io: 'the disk could not be read or written',
}

/** The storage problem behind a SQLite error (better-sqlite3's `code`, extended codes too). */
export function storageProblem(err: unknown): StorageProblem | null {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, …) share their primary's meaning.
  const primary = code.split('_').slice(0, 2).join('_')
  return PROBLEM_BY_CODE[primary] ?? null
}

export function describeStorageProblem(problem: StorageProblem): string {
  return WORDS[problem]
}

/** A typed, plain-words STORAGE error for a SQLite failure; null when `err` is not one. */
export function toStorageError(err: unknown, what: string): AppError | null {
  if (err instanceof AppError) return null
  const problem = storageProblem(err)
  if (problem === null) return null
  return new AppError('STORAGE', `${what}: ${WORDS[problem]}.`, { storage: problem })
}
