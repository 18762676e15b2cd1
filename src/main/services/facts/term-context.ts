import { sql } from 'kysely'
import type { Platform } from '../../../shared/platforms'
import type { Place } from './places'
import type { Condition } from './sql-parts'
import { col } from './sql-parts'

/** What a filter term needs to become SQL. */
export interface TermContext {
  platform: Platform
  now: Date
  /** Modash location ids the cache can place. */
  places: ReadonlyMap<number, Place>
  /** Interest ids the cache knows the names of (audience interests are named in reports). */
  interestNames: ReadonlyMap<number, string>
  /** Creator countries given as ISO codes besides the location ids (the benchmark's way). */
  countries: readonly string[]
  /**
   * Column references for the query plan (see `Plan`): `range` for a range test, `member` for
   * a set test, each written so SQLite can or cannot pick it as the way in.
   */
  range: (column: string) => Condition
  member: (column: string) => Condition
}

/** What the cache can say about one filter, as SQL over a creator row `c` and its facts `f`. */
export interface TermSql {
  /** Known to hold; NULL or false otherwise. Null: never known from the facts. */
  match: Condition | null
  /** Known not to hold. Null: never known from the facts. */
  fail: Condition | null
  /** Whether facts can decide it for some creator; if not, only bought pages can. */
  fromFacts: boolean
}

export type SortColumn = 'followers' | 'engagement_rate' | 'engagements'

/**
 * How a query finds its creators (see `local-search.ts`); SQLite has no statistics to choose by,
 * so the terms are written to leave it one way in:
 * - `narrowest`: any index a term can use;
 * - `in-order`: the sort column's index, walked in order (a page of many matches);
 * - `from-words`: the bio's full-text index, whose hits are never more than the creators with a
 *   report; a range on another column would otherwise look narrower to SQLite than it is.
 */
export type Plan = 'narrowest' | 'in-order' | 'from-words'

/** Plan-aware column references (see `TermContext`). */
export function columnRefs(plan: Plan, sorted: SortColumn): Pick<TermContext, 'range' | 'member'> {
  const indexable = (column: string) =>
    plan === 'narrowest' || (plan === 'in-order' && column === sorted)
  return {
    range: (column) => (indexable(column) ? col(column) : sql`+${col(column)}`),
    member: (column) => (plan === 'narrowest' ? col(column) : sql`coalesce(${col(column)}, '')`),
  }
}
