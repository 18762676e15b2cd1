import BetterSqlite3 from 'better-sqlite3'

/** Rowids run over the safe integers; the app's own start at 1. */
const FIRST = Number.MIN_SAFE_INTEGER
const LAST = Number.MAX_SAFE_INTEGER

/** A scan that returned rowids out of order has walked into garbage. */
class OutOfOrder extends Error {}

/**
 * Errors that mean "this part of the file cannot be read": SQLite's (corrupt, not a database,
 * malformed schema, a garbage length too big) and garbage rowids. Anything else is a bug of ours
 * and is thrown.
 */
function isReadError(err: unknown): boolean {
  return (
    err instanceof BetterSqlite3.SqliteError ||
    err instanceof OutOfOrder ||
    err instanceof RangeError
  )
}

export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Reads every row of one table of a possibly damaged database, in rowid order, stepping over
 * what cannot be read. A full scan is tried first; where it fails, the reader looks for the next
 * rowid it can read from (seeking by rowid goes around a damaged leaf page through its parent),
 * first close by, then in doubling steps, and narrows back with a binary search so that no
 * readable page after the damage is skipped. `damaged` tells whether anything failed.
 */
export class TableReader {
  damaged = false

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  /** Rows (the given columns, in order) with a rowid greater than `after`. */
  *rows(after: number = FIRST): Generator<unknown[]> {
    const list = ['rowid', ...this.columns].map(quoteName).join(', ')
    let scan: BetterSqlite3.Statement<[number], unknown[]>
    let probe: BetterSqlite3.Statement<[number], unknown[]>
    try {
      const sql = `SELECT ${list} FROM ${quoteName(this.table)}`
      scan = this.db.prepare<[number], unknown[]>(`${sql} WHERE rowid >= ? ORDER BY rowid`).raw()
      probe = this.db
        .prepare<[number], unknown[]>(`${sql} WHERE rowid >= ? ORDER BY rowid LIMIT 1`)
        .raw()
    } catch (err) {
      if (!isReadError(err)) throw err
      this.damaged = true
      return
    }
    // The next rowid to read from. Scans and probes seek with `rowid >= x`, never `> x - 1`:
    // a seek to the last rowid of a damaged leaf would land in it and fail.
    let from = after === FIRST ? FIRST : after + 1
    for (;;) {
      let read = false
      try {
        for (const row of scan.iterate(from)) {
          const rowid = row[0] as number
          if (typeof rowid !== 'number' || rowid < from) throw new OutOfOrder()
          from = rowid + 1
          read = true
          yield row.slice(1)
        }
        return
      } catch (err) {
        if (!isReadError(err)) throw err
        this.damaged = true
        // A scan that failed before its first row must not restart at the same place.
        const next = this.nextReadable(probe, read ? from - 1 : from)
        if (next === null) return
        from = next
      }
    }
  }

  /** How many rows the table says it has (often read from an index), or null if unknown. */
  count(): number | null {
    try {
      const row = this.db.prepare(`SELECT count(*) AS n FROM ${quoteName(this.table)}`).get() as {
        n: number
      }
      return row.n
    } catch (err) {
      if (!isReadError(err)) throw err
      return null
    }
  }

  /** The smallest rowid after `bad` a read can start from, or null when nothing after reads. */
  private nextReadable(
    probe: BetterSqlite3.Statement<[number], unknown[]>,
    bad: number,
  ): number | null {
    /** The rowid a read starting at `x` gets to, 'end' past the last row, 'bad' if it fails. */
    const startAt = (x: number): number | 'end' | 'bad' => {
      try {
        const row = probe.get(x)
        return row === undefined ? 'end' : (row[0] as number)
      } catch (err) {
        if (!isReadError(err)) throw err
        return 'bad'
      }
    }
    let step = 1
    for (;;) {
      const x = Math.min(bad + step, LAST)
      const found = startAt(x)
      if (found === 'bad') {
        if (x >= LAST) return null
        bad = x
        step *= 2
        continue
      }
      // Readable from x on: the smallest readable start between the last failure and x.
      let lo = bad
      let hi = x
      let best = found
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2)
        const at = startAt(mid)
        if (at === 'bad') lo = mid
        else {
          hi = mid
          best = at
        }
      }
      return best === 'end' ? null : best
    }
  }
}
