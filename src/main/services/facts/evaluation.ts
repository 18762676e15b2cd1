import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Platform } from '../../../shared/platforms'
import type { SearchFilters } from '../../../shared/search-filters'
import type { Database } from '../../db/schema'
import { audienceTermSql } from './audience-terms'
import { loadFilterSets } from './filter-sets'
import type { FilterSet } from './filter-sets'
import { filterTerms } from './filter-terms'
import type { Term, TermKey } from './filter-terms'
import { influencerTermSql } from './influencer-terms'
import { loadPlaces } from './places'
import { containingSets, creatorsOnPagesOf, locationIds, onPagesOf, proofsFor } from './proofs'
import type { Condition } from './sql-parts'
import { and, not, or } from './sql-parts'
import { columnRefs } from './term-context'
import type { Plan, SortColumn, TermContext } from './term-context'
import { words } from './words'

/**
 * A search as the cache can judge it, creator by creator: each filter is a known match, a
 * known miss, or unknown. Facts come from three places: the search profile (numbers every
 * cached creator has), the report (bought for some), and the pages bought (Modash applied
 * their filters, so each page proves them of its creators). A filter nothing in the cache can
 * ever decide is not applied at all, and named.
 */
export interface Evaluation {
  platform: Platform
  /** The filters that are applied, in key order. */
  keys: TermKey[]
  /** Filters the cache cannot evaluate for any creator; the answer ignores them. */
  neverEvaluable: TermKey[]
  /** Complete searches whose pages hold every match (see `proofs.ts`); the smallest first. */
  containedIn: FilterSet[]
  /** Whether the SQL reads report facts (`f`), so the query joins them. */
  readsFacts: boolean
  /**
   * Whether the bio's full-text index can lead a query (`Plan` 'from-words'): bio words are
   * asked for, and no bought page proves the bio filter, so only the index finds its matches.
   */
  fromWords: boolean
  /** The terms as SQL for a plan (see `term-context.ts`). */
  terms(plan: Plan, sorted: SortColumn): EvaluatedTerm[]
  /** Creators outside the smallest containing search: known not to match. Null if none. */
  outside: Condition | null
  /** Its opposite, the creators on that search's pages: the only ones that can match. */
  inside: Condition | null
  /**
   * Whether a set of creator ids should lead the 'narrowest' plan: the pages of a containing
   * search, or a filter read as one set of ids with the pages proving it (see `terms`). SQLite,
   * without statistics, takes the platform's equality for the narrowest way in otherwise.
   */
  idsLead: boolean
}

export interface EvaluatedTerm {
  key: TermKey
  match: Condition | null
  fail: Condition | null
}

export interface EvaluationOptions {
  /** Creator countries as ISO codes besides the location ids (the benchmark passes them). */
  countries?: readonly string[]
  now?: Date
}

/** Filters whose SQL reads only `creators` columns and bought pages, never report facts. */
const COLUMN_KEYS: ReadonlySet<TermKey> = new Set([
  'influencer.followers',
  'influencer.engagements',
  'influencer.views',
  'influencer.engagementRate',
  'influencer.isVerified',
  'influencer.language',
  'influencer.gender',
  'influencer.location',
  'influencer.bio',
  'influencer.relevance',
  'influencer.audienceRelevance',
  'audience.credibility',
])

/**
 * Filters on a report column with an index of its own (migration 002): with pages that prove
 * them too, the two ways of knowing are read as one set of ids (see `terms`).
 */
const INDEXED_MEMBERS: ReadonlySet<TermKey> = new Set([
  'influencer.language',
  'influencer.gender',
  'influencer.location',
])

/** Search-profile numbers: every cached creator has them, unless Modash sent none. */
export const BASIC_KEYS: ReadonlySet<TermKey> = new Set([
  'influencer.followers',
  'influencer.engagements',
  'influencer.views',
  'influencer.engagementRate',
  'influencer.isVerified',
])

export async function prepareEvaluation(
  db: Kysely<Database>,
  platform: Platform,
  filters: SearchFilters,
  options: EvaluationOptions = {},
): Promise<Evaluation> {
  const now = options.now ?? new Date()
  const countries = options.countries ?? []
  const terms = filterTerms(platform, filters)
  if (countries.length > 0 && !terms.some((t) => t.key === 'influencer.location'))
    terms.push({ key: 'influencer.location', value: [] })
  const sets = await loadFilterSets(db, platform)
  const places = await loadPlaces(db, locationIds([filters, ...sets.map((s) => s.filters)]))
  const interestNames = await loadNames(
    db,
    'interests',
    (filters.audience?.interests ?? []).map((i) => i.id),
  )
  const base = { platform, now, places, interestNames, countries }
  // A search-profile number is in every row; a page would only prove it where Modash sent
  // none, and testing pages there would keep SQLite off the number's index.
  const proofs = new Map(
    terms
      .filter((t) => !BASIC_KEYS.has(t.key))
      .map((t) => [t.key, creatorsOnPagesOf(platform, proofsFor(t, sets, places, now))]),
  )
  const probe = termSql(terms, { ...base, ...columnRefs('narrowest', 'followers') })
  const applied = terms.filter((t, i) => probe[i]!.fromFacts || proofs.get(t.key) != null)
  const containedIn = containingSets(platform, filters, sets, places).sort(
    (a, b) => a.results - b.results,
  )
  const smallest = containedIn[0]
  const inside = smallest === undefined ? null : onPagesOf(platform, [{ hash: smallest.hash }])
  return {
    platform,
    keys: applied.map((t) => t.key),
    neverEvaluable: terms.filter((t) => !applied.includes(t)).map((t) => t.key),
    containedIn,
    readsFacts: applied.some((t) => !COLUMN_KEYS.has(t.key)),
    fromWords:
      applied.some((t) => t.key === 'influencer.bio') &&
      words(filters.influencer?.bio ?? '').length > 0 &&
      proofs.get('influencer.bio') == null,
    outside: inside === null ? null : not(inside),
    inside,
    idsLead:
      inside !== null ||
      applied.some((t) => INDEXED_MEMBERS.has(t.key) && proofs.get(t.key) != null),
    terms(plan, sorted) {
      const ctx: TermContext = { ...base, ...columnRefs(plan, sorted) }
      const sqls = termSql(applied, ctx)
      return applied.map((t, i) => {
        const { match, fail } = sqls[i]!
        const onPages = proofs.get(t.key) ?? null
        if (onPages === null) return { key: t.key, match, fail }
        // A page proves a filter unless the facts say otherwise (they then win: a report
        // bought since may show the creator changed). What the facts say holds never fails.
        const unlessFails = (c: Condition) => (fail === null ? c : and([c, not(fail)]))
        if (match !== null && plan === 'narrowest' && INDEXED_MEMBERS.has(t.key)) {
          // One set of ids, what the column's index finds and what the pages hold: SQLite can
          // lead with it, where "column OR pages" would have it read every creator.
          const either = sql`c.id IN (SELECT c.id FROM creators AS c
            WHERE c.platform = ${platform} AND ${match} UNION ALL ${onPages})`
          return { key: t.key, match: unlessFails(either), fail }
        }
        const proven = unlessFails(sql`c.id IN (${onPages})`)
        return { key: t.key, match: or([match, proven].filter((c) => c !== null)), fail }
      })
    },
  }
}

function termSql(terms: readonly Term[], ctx: TermContext) {
  return terms.map((t) =>
    t.key.startsWith('influencer.')
      ? influencerTermSql(t as Extract<Term, { key: `influencer.${string}` }>, ctx)
      : audienceTermSql(t as Extract<Term, { key: `audience.${string}` }>, ctx),
  )
}

async function loadNames(
  db: Kysely<Database>,
  kind: string,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('dictionary_entries')
    .select(['id', 'name'])
    .where('kind', '=', kind)
    .where(
      'id',
      'in',
      ids.map((id) => String(id)),
    )
    .execute()
  return new Map(rows.map((r) => [Number(r.id), r.name]))
}

/**
 * The terms in the order a row should test them: the bio's, which calls into JavaScript, last,
 * so a creator another filter rules out never gets that far (SQLite tests the conditions of a
 * WHERE in the order written, stopping at the first that fails).
 */
export function cheapestFirst(terms: readonly EvaluatedTerm[]): EvaluatedTerm[] {
  return [
    ...terms.filter((t) => t.key !== 'influencer.bio'),
    ...terms.filter((t) => t.key === 'influencer.bio'),
  ]
}

/** The creator row joined to its report facts when the terms read them. */
export function creatorsFrom(readsFacts: boolean): Condition {
  return readsFacts
    ? sql`creators AS c LEFT JOIN creator_facts AS f ON f.creator_id = c.id`
    : sql`creators AS c`
}
