import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DATABASE_FILE, openDatabase } from '../../src/main/db/database'
import { offlineCore } from '../lib/bench-db'
import { flag, inChild } from '../lib/child'
import type { BenchContext } from '../lib/context'
import type { Section } from '../lib/report'
import { int, median, ms } from '../lib/stats'
import { tempDir } from '../lib/temp'

const TARGET_MS = 300
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
 * once: the upgrade of such a database from the previous schema, which builds the new indexes.
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
  const upgrade = await upgradeFrom001(database.path)
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
        measure: `${int(size)} creators: one-time upgrade from schema 001 (builds the search indexes)`,
        value: ms(upgrade),
      },
    ],
    notes: [`of the start-up, createCore took ${ms(median(runs.map((r) => r.openMs)))} (median).`],
    data: { runs, floor, upgradeMs: upgrade },
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

/**
 * A copy of the database taken back to schema 001 (the search indexes, bio tables and their
 * triggers dropped, the old indexes restored), then opened by the app, which migrates it.
 */
async function upgradeFrom001(path: string): Promise<number> {
  const tmp = tempDir('upgrade')
  try {
    copyFileSync(path, join(tmp.dir, DATABASE_FILE))
    const sqlite = new BetterSqlite3(join(tmp.dir, DATABASE_FILE))
    const objects = sqlite
      .prepare(
        `SELECT type, name FROM sqlite_master WHERE name LIKE 'creators_search_%'
         OR name LIKE 'creators_bio_%' AND type IN ('trigger', 'table')`,
      )
      .all() as { type: string; name: string }[]
    for (const o of objects.filter((x) => x.type === 'trigger'))
      sqlite.exec(`DROP TRIGGER ${o.name}`)
    for (const o of objects.filter((x) => x.type === 'index')) sqlite.exec(`DROP INDEX ${o.name}`)
    for (const o of objects.filter(
      (x) => x.type === 'table' && !/_(data|idx|config|docsize|content)$/.test(x.name),
    ))
      sqlite.exec(`DROP TABLE ${o.name}`)
    sqlite.exec(`CREATE INDEX creators_platform_followers ON creators (platform, followers);
      CREATE INDEX creators_modash_creator_id ON creators (provider_id);
      DELETE FROM kysely_migration WHERE name <> '001-initial';`)
    sqlite.close()
    const start = performance.now()
    const opened = await openDatabase({ dataDir: tmp.dir })
    const elapsed = performance.now() - start
    await opened.close()
    return elapsed
  } finally {
    tmp.remove()
  }
}
