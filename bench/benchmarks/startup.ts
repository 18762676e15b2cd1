import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { DATABASE_FILE, openDatabase } from '../../src/main/db/database'
import { staticMigrationProvider } from '../../src/main/db/migrations'
import { offlineCore } from '../lib/bench-db'
import { bulkLoadCreators } from '../lib/bulk-load'
import { flag, inChild } from '../lib/child'
import type { BenchContext } from '../lib/context'
import { creatorRows } from '../lib/dataset'
import type { Section } from '../lib/report'
import { int, median, ms } from '../lib/stats'
import { tempDir } from '../lib/temp'

const TARGET_MS = 300
/** The longest the upgrade's shown progress may stand still. */
const STILL_TARGET_MS = 5000
const RUNS = 5

interface StartRun {
  /** `createCore`: open, check and apply migrations, settle the ledger. */
  openMs: number
  /** Until the first cached search has answered. */
  answerMs: number
}

/**
 * 5. Start-up on a database of a million creators, each run a fresh process (a warm OS file
 * cache, a cold SQLite one): `createCore` (open, migrate, settle the ledger) until a cached
 * search answers. Baseline: opening the file with better-sqlite3 and running one query. Also,
 * once: the upgrade of such a database from schema 001, and how often its progress was shown.
 */
export async function startupBench(ctx: BenchContext): Promise<Section> {
  const size = ctx.quick ? 10_000 : 1_000_000
  const database = await ctx.databases.creators(size)
  ctx.log(`start-up: ${int(size)} creators, ${RUNS} fresh processes`)
  const runs = Array.from({ length: RUNS }, () =>
    inChild<StartRun>('startup', { db: database.dir }),
  )
  const floor = Array.from({ length: RUNS }, () =>
    inChild<{ ms: number }>('startup-floor', { db: database.dir }),
  )
  ctx.log(`start-up: one-time upgrade of ${int(size)} creators from schema 001`)
  const upgrade = await upgradeFrom001(size)
  const answer = median(runs.map((r) => r.answerMs))
  return {
    id: 'startup',
    title: '5. Start-up',
    figures: [
      {
        measure: `${int(size)} creators: open + migrate + first cached search answered (median of ${RUNS}; max)`,
        value: `${ms(answer)}; ${ms(Math.max(...runs.map((r) => r.answerMs)))}`,
        baseline: `open + one query ${ms(median(floor.map((f) => f.ms)))}`,
        target: `< ${TARGET_MS} ms`,
        met: answer < TARGET_MS,
      },
      {
        measure: `${int(size)} creators: one-time upgrade from schema 001 to the latest schema`,
        value: `${ms(upgrade.ms)}; progress shown ${int(upgrade.reports)} times, never still for more than ${ms(upgrade.longestGapMs)}`,
        target: `progress shown while it runs (never still > ${STILL_TARGET_MS / 1000} s)`,
        met: upgrade.reports > 0 && upgrade.longestGapMs <= STILL_TARGET_MS,
      },
    ],
    notes: [
      `of the start-up, createCore took ${ms(median(runs.map((r) => r.openMs)))} (median).`,
      'the upgrade reports after every statement of every migration (`onProgress`); the Electron ' +
        'shell shows each report in a small window opened once the upgrade has run 0.4 s, the ' +
        'browser preview prints it in its terminal.',
    ],
    data: { runs, floor, upgrade },
  }
}

/** `--child=startup` */
export async function startupChild(args: readonly string[]): Promise<StartRun> {
  const start = performance.now()
  const core = await offlineCore(flag(args, 'db'))
  const openMs = performance.now() - start
  await core.creators.search({
    platform: 'instagram',
    filters: { influencer: { followers: { min: 10_000 } } },
    page: 0,
    cacheOnly: true,
  })
  const answerMs = performance.now() - start
  await core.close()
  return { openMs, answerMs }
}

/** `--child=startup-floor` */
export function startupFloorChild(args: readonly string[]): { ms: number } {
  const start = performance.now()
  const sqlite = new BetterSqlite3(join(flag(args, 'db'), DATABASE_FILE))
  sqlite
    .prepare(
      `SELECT * FROM creators WHERE platform = 'instagram' AND followers >= 10000
       ORDER BY followers DESC LIMIT 15`,
    )
    .all()
  const elapsed = performance.now() - start
  sqlite.close()
  return { ms: elapsed }
}

interface Upgrade {
  ms: number
  /** Progress reports the app received while it ran (what the shell shows). */
  reports: number
  /** The longest the shown progress stood still: from the start, between reports, to the end. */
  longestGapMs: number
}

/**
 * A database as schema 001 left it (migrated to 001 and nothing after, then filled with the same
 * creators), opened by the app, which upgrades it to the latest schema and reports its
 * progress as the shell would show it.
 */
async function upgradeFrom001(size: number): Promise<Upgrade> {
  const tmp = tempDir('upgrade')
  try {
    const sqlite = new BetterSqlite3(join(tmp.dir, DATABASE_FILE))
    sqlite.pragma('journal_mode = WAL')
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
    const migrated = await new Migrator({ db: old, provider: staticMigrationProvider }).migrateTo(
      '001-initial',
    )
    if (migrated.error !== undefined) throw new Error('schema 001', { cause: migrated.error })
    bulkLoadCreators(sqlite, creatorRows(size))
    await old.destroy()
    const at: number[] = []
    const start = performance.now()
    const opened = await openDatabase({
      dataDir: tmp.dir,
      onProgress: () => void at.push(performance.now() - start),
    })
    const elapsed = performance.now() - start
    await opened.close()
    const marks = [0, ...at, elapsed]
    const gaps = marks.slice(1).map((t, i) => t - (marks[i] as number))
    return { ms: elapsed, reports: at.length, longestGapMs: Math.max(...gaps) }
  } finally {
    tmp.remove()
  }
}
