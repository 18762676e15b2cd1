import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'

/** A file's SHA-256, or null when it does not exist. */
export function fileDigest(path: string): string | null {
  if (!existsSync(path)) return null
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/**
 * The database's bytes: the main file and its write-ahead log. The shared-memory index is left
 * out on purpose; readers write to it, and it holds no data.
 */
export function databaseDigest(dbPath: string): { db: string | null; wal: string | null } {
  return { db: fileDigest(dbPath), wal: fileDigest(`${dbPath}-wal`) }
}
