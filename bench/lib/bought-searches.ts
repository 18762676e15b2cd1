import type BetterSqlite3 from 'better-sqlite3'
import { canonicalFilters, filtersHash } from '../../src/main/services/filters-canonical'
import type { InfluencerFilter } from '../../src/shared/search-filters'
import { PAGE_SIZE } from '../../src/shared/search-filters'
import { BENCH_NOW } from './bench-db'
import { searchQueries } from './search-queries'

/**
 * Bought searches for a benchmark cache, as the app would have stored them: every cached
 * creator came to the cache on a page of some search, so a real cache holds thousands of them,
 * and offline answers read them all (what each page proves, which searches are complete). Each
 * search here is one of the benchmark's seeded searches without its bio words (the one filter
 * the rows cannot be checked against); its pages hold the creators that match it, most
 * followers first, as Modash would rank them, one to eight pages deep.
 */
export interface BoughtSearches {
  searches: number
  pages: number
}

export function addBoughtSearches(
  sqlite: BetterSqlite3.Database,
  count: number,
  seed: number,
): BoughtSearches {
  const set = sqlite.prepare(
    'INSERT OR IGNORE INTO search_filter_sets (platform, filters_hash, filters_json) VALUES (?, ?, ?)',
  )
  const page = sqlite.prepare(`INSERT OR IGNORE INTO search_pages (platform, filters_hash, page,
    total, is_exact_match, fetched_at) VALUES (?, ?, ?, ?, 1, ?) RETURNING id`)
  const result = sqlite.prepare(
    'INSERT INTO search_page_results (search_page_id, position, creator_id) VALUES (?, ?, ?)',
  )
  const purchase = sqlite.prepare(`INSERT INTO purchases (id, purchase_key, kind, provider,
    context_json, response_json, units, millicredits, http_status, bought_at, stored_at)
    VALUES (?, ?, 'search', 'modash', '{}', NULL, ?, ?, 200, ?, ?)`)
  let pages = 0
  sqlite.transaction(() => {
    searchQueries(count, seed).forEach((q, n) => {
      // Every filter but the bio, which the rows cannot be checked against without its words.
      const { bio: _bio, ...influencer } = q.filters.influencer ?? {}
      const country = q.country
      const canonical = canonicalFilters({ influencer })
      const hash = filtersHash(q.platform, canonical)
      const depth = 1 + (n % 8)
      const ids = matching(sqlite, q.platform, influencer, country, depth * PAGE_SIZE)
      if (ids.length === 0) return
      set.run(q.platform, hash, JSON.stringify(canonical))
      const matches = total(sqlite, q.platform, influencer, country)
      for (let p = 0; p * PAGE_SIZE < ids.length; p++) {
        const row = page.get(q.platform, hash, p, matches, BENCH_NOW)
        if (row === undefined) continue
        const onPage = ids.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE)
        onPage.forEach((id, i) => result.run((row as { id: number }).id, i, id))
        const key = `search:${q.platform}:${hash}:${p}`
        purchase.run(`bench-${key}`, key, onPage.length, onPage.length * 100, BENCH_NOW, BENCH_NOW)
        pages += 1
      }
    })
  })()
  const searches = sqlite.prepare('SELECT count(*) AS n FROM search_filter_sets').get() as {
    n: number
  }
  return { searches: searches.n, pages }
}

function where(
  influencer: InfluencerFilter,
  country: string | null,
): { sql: string; params: (number | string)[] } {
  const parts = ['platform = ?']
  const params: (number | string)[] = []
  const add = (part: string, value?: number | string) => {
    parts.push(part)
    if (value !== undefined) params.push(value)
  }
  if (influencer.followers?.min !== undefined) add('followers >= ?', influencer.followers.min)
  if (influencer.followers?.max !== undefined) add('followers <= ?', influencer.followers.max)
  if (influencer.engagementRate !== undefined)
    add('engagement_rate >= ?', influencer.engagementRate)
  if (influencer.language !== undefined) add('language = ?', influencer.language)
  if (influencer.gender === 'KNOWN') add("gender IN ('FEMALE', 'MALE')")
  else if (influencer.gender !== undefined) add('gender = ?', influencer.gender)
  if (country !== null) add('country = ?', country)
  return { sql: parts.join(' AND '), params }
}

function matching(
  sqlite: BetterSqlite3.Database,
  platform: string,
  influencer: InfluencerFilter,
  country: string | null,
  limit: number,
): number[] {
  const w = where(influencer, country)
  return sqlite
    .prepare(`SELECT id FROM creators WHERE ${w.sql} ORDER BY followers DESC, id LIMIT ?`)
    .pluck()
    .all(platform, ...w.params, limit) as number[]
}

/** Modash's total for the search: every match in the cache (an index-sized total otherwise). */
function total(
  sqlite: BetterSqlite3.Database,
  platform: string,
  influencer: InfluencerFilter,
  country: string | null,
) {
  const w = where(influencer, country)
  const row = sqlite
    .prepare(`SELECT count(*) AS n FROM creators WHERE ${w.sql}`)
    .get(platform, ...w.params) as { n: number }
  return row.n
}
