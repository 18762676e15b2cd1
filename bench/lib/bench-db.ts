import BetterSqlite3 from 'better-sqlite3'
import { DATABASE_FILE, openDatabase } from '../../src/main/db/database'
import { registerSqlFunctions } from '../../src/main/db/sql-functions'
import { createCore } from '../../src/main/services/create-core'
import type { Clock } from '../../src/main/services/clock'
import { bulkLoadCreators } from './bulk-load'
import { creatorRows } from './dataset'
import { offlineClay, offlineModash } from './offline-providers'
import { timedSync } from './stats'
import { tempDir } from './temp'

export interface BenchDatabase {
  dir: string
  path: string
  size: number
}

/**
 * Databases of N seeded creators, migrated by the app and filled by the bulk loader, made once
 * per run and shared by the benchmarks that read them (search, export, start-up).
 */
export class BenchDatabases {
  private readonly made = new Map<number, BenchDatabase>()
  private readonly removers: (() => void)[] = []

  constructor(private readonly log: (message: string) => void) {}

  async creators(size: number): Promise<BenchDatabase> {
    const existing = this.made.get(size)
    if (existing) return existing
    const tmp = tempDir(`${size}`)
    this.removers.push(tmp.remove)
    const opened = await openDatabase({ dataDir: tmp.dir })
    const load = timedSync(() => bulkLoadCreators(opened.sqlite, creatorRows(size)))
    await opened.close()
    this.log(
      `  loaded ${size.toLocaleString('en-US')} creators in ${(load.ms / 1000).toFixed(1)} s`,
    )
    const made = { dir: tmp.dir, path: `${tmp.dir}/${DATABASE_FILE}`, size }
    this.made.set(size, made)
    return made
  }

  removeAll(): void {
    for (const remove of this.removers.splice(0)) remove()
    this.made.clear()
  }
}

/** The day the benchmarks' clocks stand on: inside the dataset's fetch dates, never "now". */
export const BENCH_NOW = '2026-06-15T12:00:00.000Z'

export const fixedClock: Clock = { now: () => new Date(BENCH_NOW) }

/** The app's core over a benchmark database, with providers that refuse every call. */
export function offlineCore(dir: string, clock: Clock = fixedClock) {
  return createCore({
    dataDir: dir,
    clock,
    modash: offlineModash,
    clay: offlineClay,
    clayRoutineId: () => null,
    defaultUserId: 'bench',
  })
}

/** A second connection to the same file, set up as `openDatabase` sets up the app's. */
export function rawConnection(path: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  registerSqlFunctions(sqlite)
  return sqlite
}
