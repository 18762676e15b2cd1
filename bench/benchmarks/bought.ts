import { join } from 'node:path'
import { DATABASE_FILE } from '../../src/main/db/database'
import { loadFilterSets } from '../../src/main/services/facts/filter-sets'
import { PLATFORMS } from '../../src/shared/platforms'
import { BENCH_SEED } from '../lib/dataset'
import { offlineCore, rawConnection } from '../lib/bench-db'
import { addBoughtSearches } from '../lib/bought-searches'
import type { BenchContext } from '../lib/context'
import type { Figure, Section } from '../lib/report'
import { searchQueries } from '../lib/search-queries'
import { int, ms, percentiles, ratio } from '../lib/stats'
import type { Percentiles } from '../lib/stats'
import { tempDir } from '../lib/temp'

/**
 * 1b. Cached search in a cache that holds its bought searches. Every cached creator reached the
 * cache on a page of some search, and offline answers read every bought search of the platform
 * (what its pages prove, whether it is complete); the cached-search benchmark's files hold none,
 * so this one measures what they cost: the same file copied, thousands of bought searches added
 * (their pages hold the creators that match them), the same seeded searches through the service
 * on both files, interleaved. No SQL floor here: a hand-written search knows nothing of pages.
 * Also the first search after a purchase, which reads the bought searches again.
 */
export async function boughtBench(ctx: BenchContext): Promise<Section> {
  const size = ctx.quick ? 10_000 : 100_000
  const bought = ctx.quick ? 300 : 3_000
  const count = ctx.quick ? 50 : 200
  const database = await ctx.databases.creators(size)
  const copy = tempDir('bought')
  try {
    const source = rawConnection(database.path)
    const target = join(copy.dir, DATABASE_FILE)
    source.prepare('VACUUM INTO ?').run(target)
    source.close()
    const filled = rawConnection(target)
    const added = addBoughtSearches(filled, bought, BENCH_SEED + 7)
    filled.close()
    ctx.log(
      `bought: ${int(size)} creators, ${int(added.searches)} bought searches (${int(added.pages)} pages)`,
    )
    const plain = await offlineCore(database.dir)
    const withPages = await offlineCore(copy.dir)
    try {
      const queries = searchQueries(count, BENCH_SEED)
      const run = (core: typeof plain, q: (typeof queries)[number]) =>
        core.creators.search({ platform: q.platform, filters: q.filters, page: 0, cacheOnly: true })
      // One unmeasured pass: SQLite's caches, and the bought searches read once.
      for (const q of queries) {
        await run(plain, q)
        await run(withPages, q)
      }
      const samples = { plain: [] as number[], withPages: [] as number[] }
      for (const [i, q] of queries.entries()) {
        const order =
          i % 2 === 0 ? (['plain', 'withPages'] as const) : (['withPages', 'plain'] as const)
        for (const which of order) {
          const start = performance.now()
          await run(which === 'plain' ? plain : withPages, q)
          samples[which].push(performance.now() - start)
        }
      }
      const rereads: number[] = []
      for (const platform of PLATFORMS) {
        for (let i = 0; i < (ctx.quick ? 3 : 10); i++) {
          // A purchase written (and taken back): the bought searches must be read again.
          withPages.sqlite.prepare('UPDATE change_counters SET value = value + 1').run()
          const start = performance.now()
          await loadFilterSets(withPages.deps.db, platform)
          rereads.push(performance.now() - start)
        }
      }
      return report(
        size,
        added,
        percentiles(samples.withPages),
        percentiles(samples.plain),
        percentiles(rereads),
      )
    } finally {
      await plain.close()
      await withPages.close()
    }
  } finally {
    copy.remove()
  }
}

function report(
  size: number,
  added: { searches: number; pages: number },
  withPages: Percentiles,
  plain: Percentiles,
  rereads: Percentiles,
): Section {
  const figures: Figure[] = [
    {
      measure: `${int(size)} creators and ${int(added.searches)} bought searches (${int(added.pages)} pages): service \`creators.search({ cacheOnly })\`, p50 / p95 / p99`,
      value: `${ms(withPages.p50)} / ${ms(withPages.p95)} / ${ms(withPages.p99)} (${ratio(withPages.p95 / plain.p95)} at p95)`,
      baseline: `the same file without bought searches ${ms(plain.p50)} / ${ms(plain.p95)} / ${ms(plain.p99)}`,
    },
    {
      measure: `${int(size)} creators: the bought searches of a platform read again, as the first search after a purchase does (p50 / max)`,
      value: `${ms(rereads.p50)} / ${ms(rereads.max)}`,
    },
  ]
  return {
    id: 'bought',
    title: '1b. Cached search with bought searches',
    figures,
    notes: [
      'each bought search is a seeded search without its bio words; its pages (one to eight) hold ' +
        'the matching creators, most followers first.',
      'the bought searches are kept in memory until a page, a result or a purchase is written ' +
        '(migration 008 counts the writes); the second line is what a search pays when they were.',
    ],
    data: { size, added, withPages, plain, rereads },
  }
}
