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
   * Column references for the query plan (see `local-search.ts`): `range` for a range test,
   * `member` for a set test. When the page is found by walking the sort order, terms on other
   * columns are written so SQLite cannot pick them as the way in.
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

/** Plan-aware column references (see `TermContext`). */
export function columnRefs(
  walkInOrder: boolean,
  sorted: SortColumn,
): Pick<TermContext, 'range' | 'member'> {
  return {
    range: (column) => (!walkInOrder || column === sorted ? col(column) : sql`+${col(column)}`),
    member: (column) => (walkInOrder ? sql`coalesce(${col(column)}, '')` : col(column)),
  }
}
