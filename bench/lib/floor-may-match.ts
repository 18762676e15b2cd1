import type BetterSqlite3 from 'better-sqlite3'
import { words } from '../../src/main/services/facts/words'
import type { FloorSearch } from './floor-sql'

/**
 * The floor of the rest of a local answer: how many creators may match (no filter known to
 * fail, some filter not known to hold), capped at 1,001, with how many each filter leaves open.
 * One hand-written, prepared statement in the words a careful hand would use: each filter's
 * "known to hold" and "known to fail" as the cache's columns say them, the creators missing a
 * search-profile number counted apart (through their partial index) from the rest, for whom a
 * number filter must hold and can lead the way in. The app's own answer must equal this one.
 */
export interface FloorMayMatch {
  count: number
  /** Per filter (the app's name for it): creators it leaves open, where any. */
  unknown: Map<string, number>
}

interface Sql {
  text: string
  params: unknown[]
}

interface FloorTerm {
  /** The app's name for the filter (`TermKey`), to compare the answers by. */
  key: string
  /** A search-profile number: known for every creator Modash sent it for. */
  basic: boolean
  match: Sql
  fail: Sql
}

const CAP = 1_001
const REPORTED = 'c.has_detailed_profile = 1'
/** The WHERE of migration 005's `creators_basic_gaps`, word for word, so SQLite uses it. */
const BASIC_GAPS = `(c.followers IS NULL OR c.engagement_rate IS NULL OR c.engagements IS NULL OR c.is_verified IS NULL OR (c.platform <> 'instagram' AND c.average_views IS NULL))`
const NO_BASIC_GAPS = `c.followers IS NOT NULL AND c.engagement_rate IS NOT NULL AND c.engagements IS NOT NULL AND c.is_verified IS NOT NULL AND (c.platform = 'instagram' OR c.average_views IS NOT NULL)`

const q = (text: string, ...params: unknown[]): Sql => ({ text, params })

function join(parts: readonly Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) }
}

/** The benchmark's filters as known-to-hold and known-to-fail conditions. */
export function floorTerms(s: FloorSearch): FloorTerm[] {
  const f = s.influencer
  const terms: FloorTerm[] = []
  const { min, max } = f.followers ?? {}
  if (min !== undefined || max !== undefined) {
    const bounds = [
      ...(min === undefined ? [] : [q('c.followers >= ?', min)]),
      ...(max === undefined ? [] : [q('c.followers <= ?', max)]),
    ]
    const outside = [
      ...(min === undefined ? [] : [q('c.followers < ?', min)]),
      ...(max === undefined ? [] : [q('c.followers > ?', max)]),
    ]
    terms.push({
      key: 'influencer.followers',
      basic: true,
      match: join(bounds, ' AND '),
      fail: join(outside, ' OR '),
    })
  }
  if (f.engagementRate !== undefined)
    terms.push({
      key: 'influencer.engagementRate',
      basic: true,
      match: q('c.engagement_rate >= ?', f.engagementRate),
      fail: q('c.engagement_rate < ?', f.engagementRate),
    })
  if (f.language !== undefined)
    terms.push({
      key: 'influencer.language',
      basic: false,
      match: q('c.language = ?', f.language),
      fail: q(`${REPORTED} AND c.language <> ?`, f.language),
    })
  if (f.gender === 'MALE' || f.gender === 'FEMALE')
    terms.push({
      key: 'influencer.gender',
      basic: false,
      match: q('c.gender = ?', f.gender),
      fail: q(`${REPORTED} AND c.gender <> ?`, f.gender),
    })
  if (f.gender === 'KNOWN')
    terms.push({
      key: 'influencer.gender',
      basic: false,
      match: q("c.gender IN ('FEMALE', 'MALE')"),
      fail: q("c.gender = 'UNKNOWN'"),
    })
  const country = s.countries[0]
  if (country !== undefined)
    terms.push({
      key: 'influencer.location',
      basic: false,
      match: q('c.country = ?', country),
      fail: q(`${REPORTED} AND (c.country IS NULL OR c.country <> ?)`, country),
    })
  if (f.bio !== undefined) {
    const wanted = words(f.bio)
    const table = `creators_bio_${s.platform}`
    const anyWord = wanted.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')
    // Only a creator with a report has a known bio; only such a one is tested in JavaScript.
    const exact = `CASE WHEN ${REPORTED} THEN cd_has_words(coalesce(c.bio, '') || ' ' || coalesce(c.full_name, ''), ?) END`
    terms.push({
      key: 'influencer.bio',
      basic: false,
      match: q(
        `c.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?) AND ${exact} = 1`,
        anyWord,
        wanted.join(' '),
      ),
      fail: q(`${exact} = 0`, wanted.join(' ')),
    })
  }
  return terms
}

/** The statement and its filters' names; no statement when the search has no filter. */
export function floorMayMatchSql(s: FloorSearch): { sql: Sql | null; keys: string[] } {
  const terms = floorTerms(s)
  const keys = terms.map((t) => t.key)
  if (terms.length === 0) return { sql: null, keys }
  const other = terms.filter((t) => !t.basic)
  const gaps = part(s, terms, [q(BASIC_GAPS), noneFails(terms), notAllMatch(terms)])
  if (other.length === 0) return { sql: gaps, keys }
  const rest = part(s, terms, [
    q(NO_BASIC_GAPS),
    ...terms.filter((t) => t.basic).map((t) => t.match),
    noneFails(other),
    notAllMatch(other),
  ])
  return { sql: join([gaps, rest], ' UNION ALL '), keys }
}

function part(s: FloorSearch, terms: readonly FloorTerm[], where: readonly Sql[]): Sql {
  // The WHERE rules out every known failure, so "open" is "not known to hold".
  const open = terms.map((t, i) => ({
    ...t.match,
    text: `NOT coalesce((${t.match.text}), 0) AS u${i}`,
  }))
  const sums = terms.map((_, i) => `sum(u${i}) AS u${i}`)
  const inner = join([q('SELECT 1 AS one'), ...open], ', ')
  const filter = join([q('c.platform = ?', s.platform), ...where], ' AND ')
  return {
    text: `SELECT ${['count(*) AS n', ...sums].join(', ')} FROM (${inner.text} FROM creators AS c WHERE ${filter.text} LIMIT ${CAP})`,
    params: [...inner.params, ...filter.params],
  }
}

const noneFails = (terms: readonly FloorTerm[]): Sql => {
  const any = join(
    terms.map((t) => ({ ...t.fail, text: `(${t.fail.text})` })),
    ' OR ',
  )
  return { ...any, text: `NOT coalesce((${any.text}), 0)` }
}

const notAllMatch = (terms: readonly FloorTerm[]): Sql => {
  const all = join(
    terms.map((t) => ({ ...t.match, text: `(${t.match.text})` })),
    ' AND ',
  )
  return { ...all, text: `NOT coalesce((${all.text}), 0)` }
}

/** Runs the statement (none: nothing may match) and adds up its parts. */
export function readMayMatch(
  statement: BetterSqlite3.Statement | null,
  params: unknown[],
  keys: readonly string[],
): FloorMayMatch {
  const rows = (statement?.all(params) ?? []) as Record<string, number | null>[]
  const n = rows.reduce((sum, r) => sum + Number(r.n ?? 0), 0)
  const unknown = new Map<string, number>()
  keys.forEach((key, i) => {
    const open = rows.reduce((sum, r) => sum + Number(r[`u${i}`] ?? 0), 0)
    if (open > 0) unknown.set(key, (unknown.get(key) ?? 0) + open)
  })
  return { count: Math.min(n, CAP - 1), unknown }
}
