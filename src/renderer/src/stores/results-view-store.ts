import { create } from 'zustand'
import type { CreatorSummary } from '../../../shared/domain'
import { emailState, reportAge } from '../lib/creator-status'
import type { SearchRow } from './search-store'
import { visibleRows } from './search-store'

/**
 * How the loaded results are shown: sorted by a column and narrowed by what is known of each
 * creator. All of it happens on the rows already loaded, so it is always free; the provider's own
 * sort (a paid search) is in the filter panel.
 */
export type ResultSortKey =
  | 'provider'
  | 'handle'
  | 'followers'
  | 'engagementRate'
  | 'country'
  | 'credibility'
  | 'audience'
  | 'report'
  | 'email'
  | 'lists'

export interface ResultFilters {
  email: 'any' | 'found' | 'not_found' | 'unknown'
  report: 'any' | 'owned' | 'none'
  lists: 'any' | 'on' | 'off'
}

export interface ResultsViewState {
  sortKey: ResultSortKey
  sortDir: 'asc' | 'desc'
  filters: ResultFilters
  /** Clicking a column: first by its natural direction, again to reverse, a third time to undo. */
  sortBy: (key: ResultSortKey) => void
  setFilter: (patch: Partial<ResultFilters>) => void
  /** The filter panel folded away, giving the results the whole width. */
  filtersHidden: boolean
  setFiltersHidden: (hidden: boolean) => void
  reset: () => void
}

export const initialResultsViewState = {
  sortKey: 'provider' as ResultSortKey,
  sortDir: 'desc' as const,
  filters: { email: 'any', report: 'any', lists: 'any' } as ResultFilters,
  filtersHidden: false,
}

/** Text columns read A→Z first; figures biggest first. */
const NATURAL: Record<ResultSortKey, 'asc' | 'desc'> = {
  provider: 'desc',
  handle: 'asc',
  followers: 'desc',
  engagementRate: 'desc',
  country: 'asc',
  credibility: 'desc',
  audience: 'desc',
  report: 'asc',
  email: 'asc',
  lists: 'desc',
}

export const useResultsViewStore = create<ResultsViewState>()((set, get) => ({
  ...initialResultsViewState,
  sortBy: (key) => {
    const { sortKey, sortDir } = get()
    if (key !== sortKey) return set({ sortKey: key, sortDir: NATURAL[key] })
    if (sortDir === NATURAL[key]) return set({ sortDir: sortDir === 'asc' ? 'desc' : 'asc' })
    set({ sortKey: 'provider', sortDir: 'desc' })
  },
  setFilter: (patch) => set({ filters: { ...get().filters, ...patch } }),
  setFiltersHidden: (filtersHidden) => set({ filtersHidden }),
  reset: () => set({ ...initialResultsViewState }),
}))

const EMAIL_ORDER = { found: 0, not_found: 2, unknown: 1 }

/** The value a column sorts by; null sorts last whatever the direction. */
function sortValue(c: CreatorSummary, key: ResultSortKey, now: Date): number | string | null {
  switch (key) {
    case 'provider':
      return null
    case 'handle':
      return (c.handle ?? c.fullName ?? '').toLowerCase() || null
    case 'followers':
      return c.followers
    case 'engagementRate':
      return c.engagementRate
    case 'country':
      return c.country ?? null
    case 'credibility':
      return c.credibility ?? null
    case 'audience':
      return c.topCountryShare ?? null
    case 'report':
      return reportAge(c, now)
    case 'email':
      return EMAIL_ORDER[emailState(c, now)]
    case 'lists':
      return c.lists?.length ?? 0
  }
}

function matches(c: CreatorSummary, f: ResultFilters, now: Date): boolean {
  if (f.email !== 'any' && emailState(c, now) !== f.email) return false
  if (f.report === 'owned' && !c.hasDetailedProfile) return false
  if (f.report === 'none' && c.hasDetailedProfile) return false
  const onAList = (c.lists?.length ?? 0) > 0
  if (f.lists === 'on' && !onAList) return false
  if (f.lists === 'off' && onAList) return false
  return true
}

export function isFiltered(f: ResultFilters): boolean {
  return f.email !== 'any' || f.report !== 'any' || f.lists !== 'any'
}

/**
 * The rows as the table shows them: the quick filter, the column filters, then the column sort
 * (stable, so equal values keep the provider's order). Keyboard actions read the same order.
 */
export function displayRows(
  rows: SearchRow[],
  quickFilter: string,
  view: Pick<ResultsViewState, 'sortKey' | 'sortDir' | 'filters'>,
  now: Date = new Date(),
): SearchRow[] {
  const shown = visibleRows(rows, quickFilter).filter((r) => matches(r.creator, view.filters, now))
  if (view.sortKey === 'provider') return shown
  const sign = view.sortDir === 'asc' ? 1 : -1
  const keyed = shown.map((row, index) => ({
    row,
    index,
    v: sortValue(row.creator, view.sortKey, now),
  }))
  keyed.sort((a, b) => {
    if (a.v === b.v) return a.index - b.index
    if (a.v === null) return 1
    if (b.v === null) return -1
    return (a.v < b.v ? -1 : 1) * sign
  })
  return keyed.map((k) => k.row)
}
