import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { openDatabase } from '../../src/main/db/database'
import type { Database } from '../../src/main/db/schema'
import { upsertBasicProfiles } from '../../src/main/services/creator-repository'
import { PLATFORMS } from '../../src/shared/platforms'
import type { Platform } from '../../src/shared/platforms'
import { floorUpsert, rate } from '../lib/ingest-floor'
import type { Profiled, Rate } from '../lib/ingest-floor'
import type { BenchContext } from '../lib/context'
import { BENCH_SEED, searchProfileOf, variantStream } from '../lib/dataset'
import type { Figure, Section } from '../lib/report'
import { int } from '../lib/stats'
import { tempDir } from '../lib/temp'

const TARGET_ROWS_PER_SECOND = 50_000
const FETCHED_AT = '2026-06-01T00:00:00.000Z'
/** Pages a path writes in one turn before the other path's turn. */
const TURN_PAGES = 50

/**
 * 4. Ingest through the app's real write path, `upsertBasicProfiles`, each batch in a
 * transaction as the search service writes a bought page:
 * - search pages: 15 profiles a page, a third of them already cached (pages overlap);
 * - an import of 100,000 creators, new; then the same 100,000 again with new numbers and a
 *   tenth renamed (handles move between accounts), which is the update path.
 * The baseline writes the same rows with two prepared statements per row (free the handle,
 * INSERT … ON CONFLICT, both prepared once and kept) in the same transactions: no query
 * building. Pages alternate between the app and the floor in blocks of 50; the imports run one
 * after the other.
 */
export async function ingestBench(ctx: BenchContext): Promise<Section> {
  const importSize = ctx.quick ? 10_000 : 100_000
  const pageCount = ctx.quick ? 300 : 3_000
  const profiles = profilesFor(importSize, 'import')
  ctx.log(`ingest: ${int(pageCount)} search pages, ${int(importSize)}-creator import`)

  // Pages go to the app and to the floor in turns, each on its own file, so a noisy neighbour
  // slows both alike; which goes first alternates too. A turn is a block of pages, not one: page
  // by page, each path would find the caches (the CPU's and SQLite's) just filled by the other,
  // which is no app's working day.
  const { pages, floorPages } = await withDb((db) =>
    withRaw(async (sqlite) => {
      let appMs = 0
      let floorMs = 0
      let rows = 0
      const app = async (block: Paged[]) => {
        for (const page of block) {
          const start = performance.now()
          await db.transaction().execute((trx) =>
            upsertBasicProfiles(
              trx,
              page.platform,
              page.items.map((x) => x.profile),
              FETCHED_AT,
            ),
          )
          appMs += performance.now() - start
        }
      }
      const floor = (block: Paged[]) => {
        for (const page of block) floorMs += floorUpsert(sqlite, page.items, FETCHED_AT).ms
      }
      const all = pagesOf(pageCount)
      for (let n = 0; n * TURN_PAGES < all.length; n++) {
        const block = all.slice(n * TURN_PAGES, (n + 1) * TURN_PAGES)
        if (n % 2 === 0) {
          await app(block)
          floor(block)
        } else {
          floor(block)
          await app(block)
        }
        rows += block.reduce((sum, page) => sum + page.items.length, 0)
      }
      return { pages: rate(rows, appMs), floorPages: rate(rows, floorMs) }
    }),
  )

  const imported = await withDb(async (db) => {
    const first = await importAll(db, profiles, FETCHED_AT)
    const again = await importAll(db, renamed(profiles), '2026-06-02T00:00:00.000Z')
    return { first, again }
  })

  const floor = await withRaw((sqlite) => ({
    first: floorUpsert(sqlite, profiles, FETCHED_AT),
    again: floorUpsert(sqlite, renamed(profiles), '2026-06-02T00:00:00.000Z'),
  }))
  const line = (measure: string, r: Rate, base: Rate, atLeast: 'floor' | number): Figure => ({
    measure,
    value: `${int(r.perSecond)} rows/s (${int(r.rows)} rows in ${Math.round(r.ms)} ms)`,
    baseline: `prepared statements per row ${int(base.perSecond)} rows/s`,
    target: atLeast === 'floor' ? '≥ the floor' : `≥ ${int(atLeast)} rows/s`,
    met: r.perSecond >= (atLeast === 'floor' ? base.perSecond : atLeast),
  })
  return {
    id: 'ingest',
    title: '4. Ingest',
    figures: [
      line(
        `search pages (${int(pageCount)} pages of 15, a transaction each)`,
        pages,
        floorPages,
        'floor',
      ),
      line(
        `import of ${int(importSize)} new creators`,
        imported.first,
        floor.first,
        TARGET_ROWS_PER_SECOND,
      ),
      line(
        `the same ${int(importSize)} again, updated, a tenth renamed`,
        imported.again,
        floor.again,
        TARGET_ROWS_PER_SECOND,
      ),
    ],
    notes: [
      'through `upsertBasicProfiles` on a migrated database with every search index and trigger in place: ' +
        'one kept prepared statement a row, straight on the connection (a handle freed only when taken).',
    ],
    data: { pages, imported, floor },
  }
}

/** One bought page: its platform and its profiles. */
interface Paged {
  platform: Platform
  items: Profiled[]
}

/** Pages of 15: ten creators new to the cache and five from an earlier page (searches overlap). */
function pagesOf(count: number): Paged[] {
  const stream = profilesFor(count * 10 + 30, 'pages')
  const byPlatform = PLATFORMS.map((p) => stream.filter((x) => x.platform === p))
  return Array.from({ length: count }, (_, n) => {
    const platform = PLATFORMS[n % PLATFORMS.length] ?? 'instagram'
    const mine = byPlatform[n % PLATFORMS.length] ?? []
    const k = Math.floor(n / PLATFORMS.length) * 10 + 10
    return { platform, items: [...mine.slice(k, k + 10), ...mine.slice(k - 10, k - 5)] }
  })
}

function profilesFor(count: number, label: string): Profiled[] {
  const next = variantStream(BENCH_SEED, label)
  return Array.from({ length: count }, (_, k) => {
    const v = next(k)
    return { platform: v.platform, profile: searchProfileOf(v) }
  })
}

/** New numbers for everyone; every tenth creator takes the handle of the one before it. */
function renamed(items: Profiled[]): Profiled[] {
  return items.map((x, i) => {
    const followers = Math.round((x.profile.followers ?? 0) * 1.01)
    const previous = items[i - 3]
    const username =
      i % 10 === 0 && previous && previous.platform === x.platform
        ? previous.profile.username
        : x.profile.username
    return { platform: x.platform, profile: { ...x.profile, followers, username } }
  })
}

async function importAll(db: Kysely<Database>, items: Profiled[], at: string): Promise<Rate> {
  const start = performance.now()
  await db.transaction().execute(async (trx) => {
    for (const platform of new Set(items.map((x) => x.platform))) {
      const mine = items.filter((x) => x.platform === platform).map((x) => x.profile)
      await upsertBasicProfiles(trx, platform, mine, at)
    }
  })
  return rate(items.length, performance.now() - start)
}

async function withDb<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const tmp = tempDir('ingest')
  const opened = await openDatabase({ dataDir: tmp.dir })
  try {
    return await fn(opened.db)
  } finally {
    await opened.close()
    tmp.remove()
  }
}

async function withRaw<T>(fn: (sqlite: BetterSqlite3.Database) => T | Promise<T>): Promise<T> {
  const tmp = tempDir('ingest-floor')
  const opened = await openDatabase({ dataDir: tmp.dir })
  try {
    return await fn(opened.sqlite)
  } finally {
    await opened.close()
    tmp.remove()
  }
}
