import type BetterSqlite3 from 'better-sqlite3'
import type { CreatorInsert } from './dataset'

const ROWS_PER_TRANSACTION = 50_000

/**
 * Test-data setup, not the thing measured: fills `creators` through one prepared INSERT in big
 * transactions. The table's secondary indexes are dropped first and rebuilt after (SQLite builds
 * an index from sorted data far faster than it maintains one row by row); the triggers stay, so
 * the bio search tables fill as they do in the app.
 */
export function bulkLoadCreators(
  sqlite: BetterSqlite3.Database,
  rows: Iterable<CreatorInsert>,
): number {
  const deferred = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE tbl_name = 'creators' AND type = 'index' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[]
  for (const d of deferred) sqlite.exec(`DROP INDEX "${d.name}"`)
  // A fresh file being filled: nothing to protect, so no journal; WAL again afterwards.
  const journal = sqlite.pragma('journal_mode', { simple: true }) as string
  sqlite.pragma('journal_mode = OFF')
  sqlite.pragma('synchronous = OFF')
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  sqlite.pragma('cache_size = -512000')

  let insert: BetterSqlite3.Statement | null = null
  let columns: (keyof CreatorInsert)[] = []
  let batch: CreatorInsert[] = []
  let count = 0
  const flush = sqlite.transaction((items: CreatorInsert[]) => {
    for (const row of items) insert?.run(columns.map((c) => row[c]))
  })
  for (const row of rows) {
    if (insert === null) {
      columns = Object.keys(row) as (keyof CreatorInsert)[]
      insert = sqlite.prepare(
        `INSERT INTO creators (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      )
    }
    batch.push(row)
    count += 1
    if (batch.length >= ROWS_PER_TRANSACTION) {
      flush(batch)
      batch = []
    }
  }
  flush(batch)

  for (const d of deferred) sqlite.exec(d.sql)
  sqlite.pragma(`journal_mode = ${journal}`)
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma(`cache_size = ${cacheSize}`)
  // No ANALYZE: the app gathers no planner statistics, so neither does its benchmark.
  return count
}
