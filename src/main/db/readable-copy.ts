import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { repairHeader } from './header-repair'

export interface ReadableCopy {
  /** Null when not even the list of tables could be read. */
  db: BetterSqlite3.Database | null
  /** True when the copy only opened after its header was rewritten. */
  headerRepaired: boolean
  close(): void
}

/**
 * Opens a scratch copy of a database file (and its WAL, which may hold the newest rows) for
 * reading what is left of it. A copy, because the original is kept exactly as it was, and
 * because reading a WAL and repairing a header both need to write beside the file.
 */
export function openReadableCopy(
  path: string,
  workDir: string,
  nativeBinding?: string,
): ReadableCopy {
  const scratch = join(workDir, 'damaged.sqlite')
  copyFileSync(path, scratch)
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${scratch}-wal`)
  const open = (): BetterSqlite3.Database | null => {
    let db: BetterSqlite3.Database | null = null
    try {
      db = new BetterSqlite3(scratch, {
        fileMustExist: true,
        ...(nativeBinding === undefined ? {} : { nativeBinding }),
      })
      const { n } = db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
        .get() as { n: number }
      if (n > 0) return db
    } catch {
      // Not readable as it is; the caller may repair the header and try again.
    }
    db?.close()
    return null
  }
  let db = open()
  let headerRepaired = false
  if (db === null) {
    const pageSize = repairHeader(scratch, () => {
      const probe = open()
      probe?.close()
      return probe !== null
    })
    if (pageSize !== null) {
      db = open()
      headerRepaired = db !== null
    }
  }
  return {
    db,
    headerRepaired,
    close: () => {
      if (db?.open) db.close()
    },
  }
}
