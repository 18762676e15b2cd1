import { sql } from 'kysely'
import type { Kysely, RawBuilder } from 'kysely'
import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'
import { bioTable } from '../db/migrations/002-search-indexes'
import type { Database } from '../db/schema'
import type { CreatorRow } from './creator-repository'

/**
 * Answers a search from creators already in the cache, for offline use and provider outages.
 * It applies what the cache can evaluate (basic stats, and report fields where a report was
 * bought) and names every filter it could not, so the UI can say the answer is approximate.
 * The indexes it leans on are described in migration 002.
 */

/** Above this many matches the count is reported as a floor ("10,000+"), not counted exactly. */
export const LOCAL_COUNT_CAP = 10_000

/** Filters the cache can evaluate; everything else in the filters goes to `unapplied`. */
const APPLIED_INFLUENCER = new Set([
  'followers',
  'engagementRate',
  'language',
  'gender',
  'bio',
  'keywords',
  'isVerified',
  'hasContactDetails',
  'engagements',
  'views',
])
const APPLIED_AUDIENCE = new Set(['credibility'])

export interface LocalPage {
  creators: CreatorRow[]
  /** Exact when `totalIsCapped` is false; otherwise `LOCAL_COUNT_CAP`, meaning "at least". */
  total: number
  totalIsCapped: boolean
  unapplied: string[]
}

export interface LocalSearchOptions {
  /**
   * Creator countries (ISO 3166-1 alpha-2, known from reports). Modash's `influencer.location`
   * names places by dictionary id, which the cache cannot translate offline, so that filter
   * stays unapplied; a caller that knows the codes passes them here.
   */
  countries?: readonly string[]
}

type Condition = RawBuilder<unknown>
type SortColumn = 'followers' | 'engagement_rate' | 'engagements'

export async function searchLocally(
  db: Kysely<Database>,
  platform: Platform,
  filters: SearchFilters,
  page: number,
  pageSize: number,
  options: LocalSearchOptions = {},
): Promise<LocalPage> {
  const unapplied = unappliedFilters(filters)
  const text = bioMatch(filters)
  const where = (plan: Plan) => [
    sql`c.platform = ${platform}`,
    ...filterConditions(filters, options, plan),
    ...(text.fallback === null ? [] : [text.fallback]),
  ]
  const order = orderBy(filters)
  const counted =
    text.match === null
      ? await pageByIndex(db, where, order, page, pageSize)
      : await pageByBioWords(db, platform, text.match, where('narrowest'), order, page, pageSize)
  return {
    creators: counted.creators,
    total: Math.min(counted.matches, LOCAL_COUNT_CAP),
    totalIsCapped: counted.matches > LOCAL_COUNT_CAP,
    unapplied,
  }
}

interface Counted {
  creators: CreatorRow[]
  matches: number
}

/**
 * How the page query may enter the table. `narrowest`: through whichever index the filters
 * narrow most, then sort the matches. `in-order`: only through an index that already runs in
 * sort order, walked until a page of matches is found.
 */
type Plan = 'narrowest' | 'in-order'

/** Up to this many matches, sorting them all is cheaper than walking an index in order. */
const SORT_AT_MOST = LOCAL_COUNT_CAP

/**
 * Without bio words the covering indexes do the work, and only the page's rows are read in
 * full. The count comes first, through the narrowest index, and stops past the cap (an exact
 * count of a million rows costs more than the page). It then picks the page's plan: a few
 * thousand matches are sorted outright; more are found soonest by walking in sort order.
 */
async function pageByIndex(
  db: Kysely<Database>,
  where: (plan: Plan) => Condition[],
  order: RawBuilder<unknown>,
  page: number,
  pageSize: number,
): Promise<Counted> {
  const counted = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM creators AS c WHERE ${sql.join(where('narrowest'), sql` AND `)}
      LIMIT ${sql.lit(LOCAL_COUNT_CAP + 1)})`.execute(db)
  const matches = Number(counted.rows[0]?.n ?? 0)
  if (matches <= LOCAL_COUNT_CAP && page * pageSize >= matches) return { creators: [], matches }
  const plan: Plan = matches <= SORT_AT_MOST ? 'narrowest' : 'in-order'
  const rows = await sql<CreatorRow>`
    SELECT c.* FROM creators AS c WHERE c.id IN (
      SELECT c.id FROM creators AS c WHERE ${sql.join(where(plan), sql` AND `)}
      ORDER BY ${order} ${limit(page, pageSize)})
    ORDER BY ${order}`.execute(db)
  return { creators: rows.rows, matches }
}

/**
 * With bio words the full-text index names the candidates (already narrowed to the platform),
 * each is checked against the other filters in a covering index, and one statement yields the
 * page and the count.
 */
async function pageByBioWords(
  db: Kysely<Database>,
  platform: Platform,
  match: string,
  conditions: Condition[],
  order: RawBuilder<unknown>,
  page: number,
  pageSize: number,
): Promise<Counted> {
  const table = sql.table(bioTable(platform))
  const from = sql`${table} JOIN creators AS c INDEXED BY creators_search_reported
    ON c.id = ${table}.rowid`
  const where = sql.join(
    [sql`${table} MATCH ${match}`, sql`c.has_detailed_profile = 1`, ...conditions],
    sql` AND `,
  )
  const hits = await sql<CreatorRow & { matches: number }>`
    WITH hits AS (
      SELECT c.id, count(*) OVER () AS matches
      FROM ${from} WHERE ${where} ORDER BY ${order} ${limit(page, pageSize)})
    SELECT c.*, hits.matches FROM hits JOIN creators AS c ON c.id = hits.id
    ORDER BY ${order}`.execute(db)
  const creators = hits.rows.map(({ matches: _matches, ...row }): CreatorRow => row)
  if (hits.rows.length > 0 || page === 0)
    return { creators, matches: Number(hits.rows[0]?.matches ?? 0) }
  // Past the last page the window has no row to report the count on.
  const counted = await sql<{
    n: number
  }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`.execute(db)
  return { creators, matches: Number(counted.rows[0]?.n ?? 0) }
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
 * The WHERE terms, written for a plan. For `in-order`, a term that could lead the planner into
 * another order (a range on a column other than the sort column, a set of values) is wrapped
 * so SQLite evaluates it but cannot use it as an index key: `+column` for a range; `coalesce`
 * for a set, so that the term does not imply NOT NULL either and open a partial index to a
 * full scan.
 */
function filterConditions(
  filters: SearchFilters,
  options: LocalSearchOptions,
  plan: Plan,
): Condition[] {
  const out: Condition[] = []
  const sorted = sortColumn(filters)
  const key = (column: string) => sql.ref(`c.${column}`)
  const free = plan === 'narrowest'
  const scanned = (column: string) =>
    free || column === sorted ? key(column) : sql`+${key(column)}`
  const member = (column: string) => (free ? key(column) : sql`coalesce(${key(column)}, '')`)
  const f = filters.influencer ?? {}
  const range = (column: string, r: { min?: number; max?: number } | undefined) => {
    if (r?.min !== undefined) out.push(sql`${scanned(column)} >= ${r.min}`)
    if (r?.max !== undefined) out.push(sql`${scanned(column)} <= ${r.max}`)
  }
  range('followers', f.followers)
  range('engagements', f.engagements)
  range('average_views', f.views)
  range('engagement_rate', { min: f.engagementRate })
  range('credibility', { min: filters.audience?.credibility })
  if (f.language !== undefined) out.push(sql`c.language = ${f.language}`)
  if (f.gender === 'MALE' || f.gender === 'FEMALE') out.push(sql`c.gender = ${f.gender}`)
  if (f.gender === 'KNOWN') out.push(sql`${member('gender')} IN ('FEMALE', 'MALE')`)
  if (f.isVerified !== undefined) out.push(sql`c.is_verified = ${f.isVerified ? 1 : 0}`)
  const email = f.hasContactDetails?.find((c) => c.contactType === 'email')
  if (email?.filterAction === 'must') out.push(sql`c.email_found = 1`)
  if (email?.filterAction === 'not') out.push(sql`c.email_found = 0`)
  const countries = [...new Set((options.countries ?? []).map((c) => c.toUpperCase()))]
  if (countries.length === 1) out.push(sql`c.country = ${countries[0]}`)
  if (countries.length > 1) out.push(sql`${member('country')} IN (${sql.join(countries)})`)
  return out
}

/**
 * Bio words (and caption keywords, which the cache only knows from the bio) as an FTS5 query:
 * each text is a phrase whose last word may be the start of a longer one, so "vegan chef"
 * matches "Vegan chefs in Lyon" but not "vegetarian chef". Text with no letters or digits has
 * no words to look up; it is matched as a substring instead.
 */
function bioMatch(filters: SearchFilters): { match: string | null; fallback: Condition | null } {
  const texts = [filters.influencer?.bio, filters.influencer?.keywords].filter(
    (t): t is string => t !== undefined,
  )
  const phrases = texts.filter((t) => /[\p{L}\p{N}]/u.test(t))
  const literal = texts.filter((t) => !/[\p{L}\p{N}]/u.test(t))
  const match = phrases.length === 0 ? null : phrases.map((t) => `"${ftsPhrase(t)}"*`).join(' AND ')
  const fallback =
    literal.length === 0
      ? null
      : sql.join(
          literal.map((t) => sql`c.bio LIKE ${`%${escapeLike(t)}%`} ESCAPE '\\'`),
          sql` AND `,
        )
  return { match, fallback }
}

/** Quotes doubled; control characters (a NUL ends an FTS5 string early) become word breaks. */
function ftsPhrase(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ').replace(/"/g, '""')
}

function orderBy(filters: SearchFilters): RawBuilder<unknown> {
  const column = sql.ref(`c.${sortColumn(filters)}`)
  return filters.sort?.direction === 'asc' ? sql`${column} ASC, c.id` : sql`${column} DESC, c.id`
}

function sortColumn(filters: SearchFilters): SortColumn {
  switch (filters.sort?.field) {
    case 'engagementRate':
      return 'engagement_rate'
    case 'engagements':
      return 'engagements'
    default:
      return 'followers'
  }
}

export function unappliedFilters(filters: SearchFilters): string[] {
  const out: string[] = []
  for (const key of Object.keys(filters.influencer ?? {})) {
    if (!APPLIED_INFLUENCER.has(key)) out.push(`influencer.${key}`)
  }
  const gender = filters.influencer?.gender
  if (gender === 'UNKNOWN') out.push('influencer.gender')
  for (const key of Object.keys(filters.audience ?? {})) {
    if (!APPLIED_AUDIENCE.has(key)) out.push(`audience.${key}`)
  }
  return out.sort()
}

/** `%` and `_` typed by the user are text, not wildcards. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}
