import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { BASIC_KEYS, cheapestFirst, creatorsFrom } from './evaluation'
import type { EvaluatedTerm, Evaluation } from './evaluation'
import type { TermKey } from './filter-terms'
import type { Condition } from './sql-parts'
import { and, not, platformIs, truth } from './sql-parts'

/**
 * Past this many, "may match" is reported as a floor ("1,000+"): the number is there to say the
 * answer is not complete, and counting further would read that many more rows for nothing.
 */
export const MAY_MATCH_CAP = 1_000

export interface MayMatch {
  /** Creators no filter rules out but some filter cannot be told for (see `capped`). */
  count: number
  capped: boolean
  /** The filters unknown for them, with how many of the counted creators each leaves open. */
  unknownFilters: { filter: TermKey; creators: number }[]
}

/**
 * A creator missing a search-profile number: the WHERE of the partial index
 * `creators_basic_gaps` (migration 005) in the same words, which SQLite needs to use it.
 */
const BASIC_GAPS = sql`(c.followers IS NULL OR c.engagement_rate IS NULL OR c.engagements IS NULL OR c.is_verified IS NULL OR (c.platform <> 'instagram' AND c.average_views IS NULL))`
const NO_BASIC_GAPS = sql`c.followers IS NOT NULL AND c.engagement_rate IS NOT NULL AND c.engagements IS NOT NULL AND c.is_verified IS NOT NULL AND (c.platform = 'instagram' OR c.average_views IS NOT NULL)`

/**
 * Creators that may match: no filter known to fail, not every filter known to hold. Counted in
 * two disjoint parts so that indexes do the narrowing: creators missing a search-profile number
 * (a few; the partial index finds them), and the rest, for whom those numbers are known, so a
 * filter on them must hold and is written as the index-friendly condition it is.
 */
export async function mayMatch(db: Kysely<Database>, evaluation: Evaluation): Promise<MayMatch> {
  const terms = evaluation.terms('narrowest', 'followers')
  if (terms.length === 0 && evaluation.outside === null)
    return { count: 0, capped: false, unknownFilters: [] }
  const basic = terms.filter((t) => BASIC_KEYS.has(t.key))
  const other = cheapestFirst(terms.filter((t) => !BASIC_KEYS.has(t.key)))
  const gaps = await countPart(db, evaluation, terms, [
    BASIC_GAPS,
    not(failsAny(evaluation, cheapestFirst(terms))),
    not(and(cheapestFirst(terms).map(matchOf))),
  ])
  const rest =
    other.length === 0 && evaluation.outside === null
      ? null
      : await countPart(db, evaluation, terms, [
          NO_BASIC_GAPS,
          ...basic.map(matchOf),
          not(failsAny(evaluation, other)),
          not(and(other.map(matchOf))),
        ])
  const n = gaps.n + (rest?.n ?? 0)
  return {
    count: Math.min(n, MAY_MATCH_CAP),
    capped: n > MAY_MATCH_CAP,
    unknownFilters: terms
      .map((t, i) => ({
        filter: t.key,
        creators: (gaps.unknown[i] ?? 0) + (rest?.unknown[i] ?? 0),
      }))
      .filter((u) => u.creators > 0),
  }
}

async function countPart(
  db: Kysely<Database>,
  evaluation: Evaluation,
  terms: readonly EvaluatedTerm[],
  where: readonly Condition[],
): Promise<{ n: number; unknown: number[] }> {
  // Every counted creator has no filter known to fail (the WHERE says so), so a filter is
  // unknown for it exactly when it is not known to match: the fail need not be tested again.
  const unknown = terms.map((t, i) => sql`${not(matchOf(t))} AS ${sql.ref(`u${i}`)}`)
  const sums = terms.map((_, i) => sql`sum(${sql.ref(`u${i}`)}) AS ${sql.ref(`u${i}`)}`)
  // Only creators on a containing search's pages can match: they are the way in (the WHERE
  // rules out the others again through `failsAny`, as it must without one). The filters' own
  // sets of ids (`Evaluation.idsLead`) cannot lead here: they hold known matches, not these.
  const inside = evaluation.inside === null ? [] : [evaluation.inside]
  const result = await sql<Record<string, number>>`
    SELECT ${sql.join([sql`count(*) AS n`, ...sums])} FROM (
      SELECT ${sql.join([sql`1 AS one`, ...unknown])}
      FROM ${creatorsFrom(evaluation.readsFacts)}
      WHERE ${sql.join([platformIs(evaluation.platform, evaluation.inside !== null), ...inside, ...where], sql` AND `)}
      LIMIT ${sql.lit(MAY_MATCH_CAP + 1)})`.execute(db)
  const row = result.rows[0] ?? {}
  return { n: Number(row.n ?? 0), unknown: terms.map((_, i) => Number(row[`u${i}`] ?? 0)) }
}

const matchOf = (t: EvaluatedTerm): Condition => t.match ?? sql`0`

/** Some filter known to fail, or outside a complete search that contains this one. */
export function failsAny(evaluation: Evaluation, terms: readonly EvaluatedTerm[]): Condition {
  const fails = terms.flatMap((t) => (t.fail === null ? [] : [truth(t.fail)]))
  if (evaluation.outside !== null) fails.push(truth(evaluation.outside))
  return fails.length === 0 ? sql`0` : sql`(${sql.join(fails, sql` OR `)})`
}
