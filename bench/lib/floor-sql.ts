import type BetterSqlite3 from 'better-sqlite3'
import type { Platform } from '../../src/shared/platforms'
import type { InfluencerFilter } from '../../src/shared/search-filters'
import { words } from '../../src/main/services/facts/words'
import { floorMayMatchSql, readMayMatch } from './floor-may-match'
import type { FloorMayMatch } from './floor-may-match'

/**
 * The floor: each benchmark search as hand-written, prepared SQL statements on the same file
 * and indexes, returning what the app's answer holds: the page and the capped total (one
 * statement), and how many more may match, filter by filter (`floor-may-match.ts`). Whatever
 * the app spends beyond this (validation, canonical filters, query building, the audit row,
 * mapping) is its overhead.
 */
export interface FloorSearch {
  platform: Platform
  influencer: InfluencerFilter
  /** None or one: the benchmark's searches name at most one country. */
  countries: readonly string[]
  pageSize: number
}

const CAP = 10_001

export class SqlFloor {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  /**
   * Prepared ahead so the timed call is only binding and stepping, as a hand-tuned app would.
   * The plan is chosen here too, from the count local search would find first: the floor is
   * the single statement written for this search's plan, with nothing left to decide.
   */
  prepare(search: FloorSearch): FloorRun {
    const probe = floorSql(search, 'narrowest')
    const matches = (this.sqlite.prepare(probe.text).all(probe.params) as { total: number }[])[0]
    const plan =
      search.influencer.bio === undefined && (matches?.total ?? 0) >= CAP ? 'in-order' : 'narrowest'
    const { text, params } = floorSql(search, plan)
    const statement = this.statement(text)
    const may = floorMayMatchSql(search)
    const mayStatement = may.sql === null ? null : this.statement(may.sql.text)
    return {
      page: () => {
        const rows = statement.all(params) as { total: number }[]
        return { rows: rows.length, total: Math.min(rows[0]?.total ?? 0, CAP - 1) }
      },
      mayMatch: () => readMayMatch(mayStatement, may.sql?.params ?? [], may.keys),
    }
  }

  private statement(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text)
    if (statement === undefined) {
      statement = this.sqlite.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }
}

/** The two statements of a search's floor: the page with its total, and "may match". */
export interface FloorRun {
  page: () => { rows: number; total: number }
  mayMatch: () => FloorMayMatch
}

/**
 * As local search writes it (the floor gets the same plan, not a worse one): when the page is
 * to be found by walking the follower order, the page part wraps the terms that would steer
 * SQLite off it; the count part may use any index.
 */
function floorSql(
  s: FloorSearch,
  plan: 'narrowest' | 'in-order',
): { text: string; params: unknown[] } {
  const walk = plan === 'in-order'
  const page: string[] = ['c.platform = ?']
  const count: string[] = ['c.platform = ?']
  const params: unknown[] = [s.platform]
  const add = (pageTerm: string, countTerm: string, ...values: unknown[]) => {
    page.push(pageTerm)
    count.push(countTerm)
    params.push(...values)
  }
  const f = s.influencer
  if (f.followers?.min !== undefined) add('c.followers >= ?', 'c.followers >= ?', f.followers.min)
  if (f.followers?.max !== undefined) add('c.followers <= ?', 'c.followers <= ?', f.followers.max)
  if (f.engagementRate !== undefined)
    add(`${walk ? '+' : ''}c.engagement_rate >= ?`, 'c.engagement_rate >= ?', f.engagementRate)
  if (f.language !== undefined) add('c.language = ?', 'c.language = ?', f.language)
  if (f.gender === 'MALE' || f.gender === 'FEMALE') add('c.gender = ?', 'c.gender = ?', f.gender)
  if (f.gender === 'KNOWN') {
    const gender = walk ? "coalesce(c.gender, '')" : 'c.gender'
    add(`${gender} IN ('FEMALE', 'MALE')`, "c.gender IN ('FEMALE', 'MALE')")
  }
  if (s.countries.length === 1) add('c.country = ?', 'c.country = ?', s.countries[0])
  const p = page.join(' AND ')
  const w = count.join(' AND ')
  if (f.bio === undefined) {
    return {
      text: `SELECT c.*, (SELECT count(*) FROM (SELECT 1 FROM creators AS c WHERE ${w} LIMIT ${CAP})) AS total
        FROM creators AS c WHERE c.id IN (
          SELECT c.id FROM creators AS c WHERE ${p} ORDER BY c.followers DESC, c.id LIMIT ${s.pageSize})
        ORDER BY c.followers DESC, c.id`,
      params: [...params, ...params],
    }
  }
  const table = `creators_bio_${s.platform}`
  return {
    text: `WITH hits AS (
        SELECT c.id, c.followers, count(*) OVER () AS n
        FROM ${table} JOIN creators AS c INDEXED BY creators_search_reported ON c.id = ${table}.rowid
        WHERE ${table} MATCH ? AND c.has_detailed_profile = 1
          AND cd_has_words(coalesce(c.bio, '') || ' ' || coalesce(c.full_name, ''), ?) = 1 AND ${w}
        ORDER BY c.followers DESC, c.id LIMIT ${s.pageSize})
      SELECT c.*, hits.n AS total FROM hits JOIN creators AS c ON c.id = hits.id
      ORDER BY hits.followers DESC, c.id`,
    // Whole words of the bio or name, as Modash matches them: the index narrows, the function
    // decides (`db/sql-functions.ts`).
    params: [
      words(f.bio)
        .map((w) => `"${w.replace(/"/g, '""')}"`)
        .join(' OR '),
      words(f.bio).join(' '),
      ...params,
    ],
  }
}
