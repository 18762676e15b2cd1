import { sql } from 'kysely'
import type { Kysely, RawBuilder } from 'kysely'
import type { Platform } from '../../shared/platforms'
import type { SearchFilters, SortField } from '../../shared/search-filters'
import type { Database } from '../db/schema'
import type { CreatorRow } from './creator-repository'
import { cheapestFirst, creatorsFrom, prepareEvaluation } from './facts/evaluation'
import type { Evaluation, EvaluationOptions } from './facts/evaluation'
import type { TermKey } from './facts/filter-terms'
import type { Condition } from './facts/sql-parts'
import { and, platformIs, truth } from './facts/sql-parts'
import { failsAny, mayMatch } from './facts/may-match'
import type { MayMatch } from './facts/may-match'
import type { Plan, SortColumn } from './facts/term-context'

/**
 * Answers a search from creators already in the cache, for offline use, "cache only" and
 * provider outages, and says exactly how far the answer goes. Each filter is judged per
 * creator from what the cache knows (`facts/evaluation.ts`): the answer lists the creators
 * known to match every filter, in the order asked for; counts those that may match (no filter
 * known to fail, some unknown) and names the unknown filters; and names the filters the cache
 * can never evaluate, which it does not apply. The indexes it leans on are described in
 * migrations 002 and 005.
 */

/** Above this many matches the count is reported as a floor ("10,000+"), not counted exactly. */
export const LOCAL_COUNT_CAP = 10_000

export interface LocalPage {
  /** Known matches, in the order asked for. */
  creators: CreatorRow[]
  /** Known matches in all; exact when `totalIsCapped` is false, else "at least". */
  total: number
  totalIsCapped: boolean
  mayMatch: MayMatch
  /** Filters the cache cannot evaluate for any creator: not applied, named. */
  neverEvaluable: TermKey[]
  /** The sort asked for, when the cache cannot order by it (followers order is used). */
  orderNotApplied: SortField | null
  /**
   * Searches fetched to their last page that contain this one: every creator that can match
   * is on their pages (so no other creator is counted as "may match").
   */
  containedIn: string[]
}

export interface LocalSearchOptions extends EvaluationOptions {
  /** The search already judged (`prepareEvaluation`), when the caller needed it first. */
  evaluation?: Evaluation
}

export async function searchLocally(
  db: Kysely<Database>,
  platform: Platform,
  filters: SearchFilters,
  page: number,
  pageSize: number,
  options: LocalSearchOptions = {},
): Promise<LocalPage> {
  const evaluation = options.evaluation ?? (await prepareEvaluation(db, platform, filters, options))
  const sorted = sortColumn(filters)
  // Inside a complete search the set is small: order it exactly as Modash does, ties included.
  const exactOrder = evaluation.containedIn.length > 0
  const order = orderBy(sorted, filters.sort?.direction ?? 'desc', exactOrder)
  const known = (plan: Plan) => [
    platformIs(platform, plan === 'from-words' || (plan === 'narrowest' && evaluation.idsLead)),
    ...(evaluation.inside === null ? [] : [evaluation.inside]),
    ...cheapestFirst(evaluation.terms(plan, sorted)).map((t) => t.match ?? sql`0`),
  ]
  const counted = await pageOfMatches(db, { evaluation, where: known, order, page, pageSize })
  return {
    creators: counted.creators,
    total: Math.min(counted.matches, LOCAL_COUNT_CAP),
    totalIsCapped: counted.matches > LOCAL_COUNT_CAP,
    mayMatch: await mayMatch(db, evaluation),
    neverEvaluable: evaluation.neverEvaluable,
    orderNotApplied: sortField(filters) === null ? (filters.sort?.field ?? null) : null,
    containedIn: evaluation.containedIn.map((s) => s.hash),
  }
}

/** Every cached creator of the platform, judged: for tests and diagnostics. */
export async function classifyCreators(
  db: Kysely<Database>,
  platform: Platform,
  filters: SearchFilters,
  options: LocalSearchOptions = {},
): Promise<Map<number, 'match' | 'fail' | 'unknown'>> {
  const evaluation = await prepareEvaluation(db, platform, filters, options)
  const terms = evaluation.terms('narrowest', 'followers')
  const fail = failsAny(evaluation, terms)
  const rows = await sql<{ id: number; match: number; fail: number }>`
    SELECT c.id, ${truth(and(terms.map((t) => t.match ?? sql`0`)))} AS match,
      ${truth(fail)} AS fail
    FROM ${creatorsFrom(evaluation.readsFacts)} WHERE c.platform = ${platform}`.execute(db)
  return new Map(
    rows.rows.map((r) => [r.id, r.fail ? 'fail' : r.match ? 'match' : 'unknown'] as const),
  )
}

/** One page of a search: what it is judged by, the SQL of a plan, its order and position. */
interface PageAsk {
  evaluation: Evaluation
  where: (plan: Plan) => Condition[]
  order: RawBuilder<unknown>
  page: number
  pageSize: number
}

interface Counted {
  creators: CreatorRow[]
  matches: number
}

/** Up to this many matches, sorting them all is cheaper than walking an index in order. */
const SORT_AT_MOST = LOCAL_COUNT_CAP

/**
 * The count comes first, through the narrowest index, and stops past the cap (an exact count of
 * a million rows costs more than the page). It then picks the page's plan: a few thousand
 * matches are sorted outright; more are found soonest by walking the sort order, with the terms
 * on other columns written so SQLite cannot take them as the way in (see `term-context.ts`).
 * Only the page's rows are read in full. Bio words take another way (`pageFromWords`).
 */
async function pageOfMatches(db: Kysely<Database>, ask: PageAsk): Promise<Counted> {
  const { evaluation, where, order, page, pageSize } = ask
  if (evaluation.fromWords) return pageFromWords(db, ask)
  const from = creatorsFrom(evaluation.readsFacts)
  const matches = await countMatches(db, from, where('narrowest'))
  if (matches <= LOCAL_COUNT_CAP && page * pageSize >= matches) return { creators: [], matches }
  const plan: Plan = matches > SORT_AT_MOST ? 'in-order' : 'narrowest'
  const rows = await sql<CreatorRow>`
    SELECT c.* FROM creators AS c WHERE c.id IN (
      SELECT c.id FROM ${from} WHERE ${sql.join(where(plan), sql` AND `)}
      ORDER BY ${order} ${limit(page, pageSize)})
    ORDER BY ${order}`.execute(db)
  return { creators: rows.rows, matches }
}

/**
 * With bio words, the full-text index leads (`Plan` 'from-words'): its hits are never more than
 * the creators with a report, so they are all judged, counted and sorted in one pass, the page
 * and the count from the same statement. Past the last page no row carries the count, so it is
 * then counted alone.
 */
async function pageFromWords(db: Kysely<Database>, ask: PageAsk): Promise<Counted> {
  const { evaluation, where, order, page, pageSize } = ask
  const from = creatorsFrom(evaluation.readsFacts)
  const conditions = where('from-words')
  const rows = await sql<CreatorRow & { matches: number }>`
    SELECT c.*, hits.matches FROM creators AS c JOIN (
      SELECT c.id, count(*) OVER () AS matches FROM ${from}
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY ${order} ${limit(page, pageSize)}) AS hits ON hits.id = c.id
    ORDER BY ${order}`.execute(db)
  const first = rows.rows[0]
  if (first === undefined)
    return { creators: [], matches: page === 0 ? 0 : await countMatches(db, from, conditions) }
  return {
    creators: rows.rows.map(({ matches: _, ...creator }) => creator),
    matches: first.matches,
  }
}

/** Matches up to one past the cap: the cap is all a count past it needs to say. */
async function countMatches(
  db: Kysely<Database>,
  from: Condition,
  conditions: Condition[],
): Promise<number> {
  const counted = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM ${from} WHERE ${sql.join(conditions, sql` AND `)}
      LIMIT ${sql.lit(LOCAL_COUNT_CAP + 1)})`.execute(db)
  return Number(counted.rows[0]?.n ?? 0)
}

/**
 * Written into the SQL, not bound: with a bound LIMIT the planner cannot tell a page of 50 from
 * a million rows, and sorts every match instead of walking an index in order.
 */
function limit(page: number, pageSize: number): RawBuilder<unknown> {
  if (!Number.isSafeInteger(page) || page < 0 || !Number.isSafeInteger(pageSize) || pageSize < 1)
    throw new RangeError('page and page size must be whole numbers')
  return sql`LIMIT ${sql.lit(pageSize)} OFFSET ${sql.lit(page * pageSize)}`
}

/**
 * The requested order. Ties go by id, which walks the indexes in order; inside a complete search
 * they go as Modash's do (followers, most first, then id), so a page answered from it is the
 * page Modash would send.
 */
function orderBy(column: SortColumn, direction: 'asc' | 'desc', exact: boolean) {
  const key = sql.ref(`c.${column}`)
  const dir = direction === 'asc' ? sql`ASC` : sql`DESC`
  return exact ? sql`${key} ${dir}, c.followers DESC, c.provider_id` : sql`${key} ${dir}, c.id`
}

const SORT_COLUMNS: Partial<Record<SortField, SortColumn>> = {
  followers: 'followers',
  engagementRate: 'engagement_rate',
  engagements: 'engagements',
}

function sortField(filters: SearchFilters): SortColumn | null {
  return SORT_COLUMNS[filters.sort?.field ?? 'followers'] ?? null
}

function sortColumn(filters: SearchFilters): SortColumn {
  return sortField(filters) ?? 'followers'
}
