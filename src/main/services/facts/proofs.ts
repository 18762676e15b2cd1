import { sql } from 'kysely'
import type { Platform } from '../../../shared/platforms'
import type { SearchFilters } from '../../../shared/search-filters'
import type { FilterSet } from './filter-sets'
import { filterTerms } from './filter-terms'
import type { Term, TermKey } from './filter-terms'
import { implies } from './implies'
import type { Place } from './places'
import type { Condition } from './sql-parts'

const DAY_MS = 86_400_000

/** Pages that prove one filter of their creators: bought with filters that imply it. */
export interface Proof {
  hash: string
  /** Only pages bought at or after this instant prove it (a "posted within" window ages). */
  fetchedAfter?: string
}

export function proofsFor(
  term: Term,
  sets: readonly FilterSet[],
  places: ReadonlyMap<number, Place>,
  now: Date,
): Proof[] {
  const out: Proof[] = []
  for (const set of sets) {
    const theirs = set.terms.find((t) => t.key === term.key)
    if (theirs === undefined) continue
    if (term.key === 'influencer.lastposted' && theirs.key === 'influencer.lastposted') {
      // "Posted within n days" when bought is "within n + d days" d days later.
      const slack = term.value - theirs.value
      if (slack < 0) continue
      out.push({
        hash: set.hash,
        fetchedAfter: new Date(now.getTime() - slack * DAY_MS).toISOString(),
      })
      continue
    }
    if (implies(theirs, term, places)) out.push({ hash: set.hash })
  }
  return out
}

/** The ids of the creators on a page of one of these searches, as a subquery; null if none. */
export function creatorsOnPagesOf(platform: Platform, proofs: readonly Proof[]): Condition | null {
  if (proofs.length === 0) return null
  const plain = proofs.filter((p) => p.fetchedAfter === undefined).map((p) => p.hash)
  const timed = proofs.filter((p) => p.fetchedAfter !== undefined)
  const which = [
    ...(plain.length > 0 ? [sql`p.filters_hash IN (${sql.join(plain)})`] : []),
    ...timed.map((p) => sql`(p.filters_hash = ${p.hash} AND p.fetched_at >= ${p.fetchedAfter})`),
  ]
  return sql`SELECT r.creator_id FROM search_pages AS p
    JOIN search_page_results AS r ON r.search_page_id = p.id
    WHERE p.platform = ${platform} AND (${sql.join(which, sql` OR `)})`
}

/** Creators on a page of one of these searches (a pages-and-results subquery). */
export function onPagesOf(platform: Platform, proofs: readonly Proof[]): Condition | null {
  const ids = creatorsOnPagesOf(platform, proofs)
  return ids === null ? null : sql`c.id IN (${ids})`
}

/** Filters whose truth drifts with time: a search bought earlier cannot contain today's matches. */
const DRIFTING: ReadonlySet<TermKey> = new Set(['influencer.lastposted'])

/**
 * Searches fetched to their last page that every match of `filters` also matches: each of
 * their filters is implied by one of `filters` (same calculation method, nothing that drifts).
 * Every creator that matched `filters` when they were bought is then on their pages.
 */
export function containingSets(
  platform: Platform,
  filters: SearchFilters,
  sets: readonly FilterSet[],
  places: ReadonlyMap<number, Place>,
): FilterSet[] {
  const mine = filterTerms(platform, filters)
  if (mine.some((t) => DRIFTING.has(t.key))) return []
  const method = filters.calculationMethod ?? 'median'
  return sets.filter((set) => {
    if (!set.complete || (set.filters.calculationMethod ?? 'median') !== method) return false
    return set.terms.every((theirs) => {
      if (DRIFTING.has(theirs.key)) return false
      const own = mine.find((t) => t.key === theirs.key)
      return own !== undefined && implies(own, theirs, places)
    })
  })
}

/** Every location id the filters and the searches name, to place them all in one read. */
export function locationIds(filters: readonly SearchFilters[]): number[] {
  const ids = new Set<number>()
  for (const f of filters) {
    for (const id of f.influencer?.location ?? []) ids.add(id)
    for (const item of f.audience?.location ?? []) ids.add(item.id)
  }
  return [...ids]
}
