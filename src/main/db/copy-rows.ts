import BetterSqlite3 from 'better-sqlite3'
import { quoteName, TableReader } from './row-reader'

/** Rows written per transaction; between batches the event loop gets a turn (IPC, timers). */
const BATCH = 1000

export interface CopiedTable {
  /** Rows written to the new file. */
  written: number
  /** Rows read but refused by the new file (garbage that breaks a constraint). */
  refused: number
  /** What the damaged table said it held (often read from an index), or null if unknown. */
  expected: number | null
  /** Something could not be read. */
  damaged: boolean
}

export interface CopyOptions {
  /** Only rows with a rowid greater than this. */
  after?: number
  /** Empty the target table before the first row read (rows its migration put there). */
  replaceRows?: boolean
  /** Rows whose key the target already has are left as they are, and not counted as refused. */
  keepExisting?: boolean
}

/** The columns both files have: a newer schema's extra columns keep their defaults. */
function sharedColumns(
  from: BetterSqlite3.Database,
  to: BetterSqlite3.Database,
  table: string,
): string[] {
  const names = (db: BetterSqlite3.Database) =>
    (db.pragma(`table_info(${quoteName(table)})`) as { name: string }[]).map((c) => c.name)
  const target = new Set(names(to))
  return names(from).filter((c) => target.has(c))
}

/**
 * Copies one table row by row from a possibly damaged file into a sound one, keeping every row
 * that can be read (see `TableReader`) and its rowid, so ids and the links between tables stay.
 * The target must have foreign-key checks off: rows arrive table by table.
 */
export async function copyRows(
  from: BetterSqlite3.Database,
  to: BetterSqlite3.Database,
  table: string,
  options: CopyOptions = {},
): Promise<CopiedTable> {
  let columns: string[]
  try {
    columns = sharedColumns(from, to, table)
  } catch (err) {
    if (!(err instanceof BetterSqlite3.SqliteError)) throw err
    return { written: 0, refused: 0, expected: null, damaged: true }
  }
  const reader = new TableReader(from, table, columns)
  const expected = options.after === undefined ? reader.count() : null
  const insert = to.prepare(
    `INSERT ${options.keepExisting ? 'OR IGNORE ' : ''}INTO ${quoteName(table)} ` +
      `(${columns.map(quoteName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  )
  const result: CopiedTable = { written: 0, refused: 0, expected, damaged: false }
  let cleared = !options.replaceRows
  const write = to.transaction((rows: unknown[][]) => {
    if (!cleared) {
      to.prepare(`DELETE FROM ${quoteName(table)}`).run()
      cleared = true
    }
    for (const row of rows) {
      try {
        result.written += insert.run(row).changes
      } catch (err) {
        if (!(err instanceof BetterSqlite3.SqliteError)) throw err
        result.refused++
      }
    }
  })
  let batch: unknown[][] = []
  for (const row of reader.rows(options.after)) {
    batch.push(row)
    if (batch.length < BATCH) continue
    write(batch)
    batch = []
    await new Promise((resolve) => setImmediate(resolve))
  }
  if (batch.length > 0) write(batch)
  result.damaged = reader.damaged
  return result
}
