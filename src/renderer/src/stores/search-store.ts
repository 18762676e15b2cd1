import { create } from 'zustand'
import type { CreatorSummary, DataSource, SearchResult } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import type { Platform } from '../../../shared/platforms'
import type { SearchFilters } from '../../../shared/search-filters'
import { MAX_PAGE, PAGE_SIZE } from '../../../shared/search-filters'
import { call } from '../api/call'
import type { AudienceDraft } from '../lib/audience-draft'
import type { FilterDraft } from '../lib/filter-draft'
import { draftToFilters, emptyDraft } from '../lib/filter-draft'
import { searchKey } from '../lib/search-key'
import { useQuotaStore } from './quota-store'
import { useSelectionStore } from './selection-store'
import { useSettingsStore } from './settings-store'

export interface SearchRow {
  creator: CreatorSummary
  /** Bought by this search rather than answered from the cache. */
  fresh: boolean
}

interface ActiveQuery {
  platform: Platform
  filters: SearchFilters
  page: number
}

export interface SearchState {
  platform: Platform
  draft: FilterDraft
  cacheOnly: boolean
  problems: string[]
  rows: SearchRow[]
  query: ActiveQuery | null
  lastResult: SearchResult | null
  status: 'idle' | 'loading' | 'loading-more' | 'done' | 'error'
  error: ErrorInfo | null
  /** searchKey → where that page last came from, to price a repeat honestly. */
  known: Record<string, DataSource>
  quickFilter: string
  setPlatform: (platform: Platform) => void
  updateDraft: (patch: Partial<FilterDraft>) => void
  updateAudience: (patch: Partial<AudienceDraft>) => void
  resetDraft: () => void
  setCacheOnly: (cacheOnly: boolean) => void
  /** Offline mode was switched: the shown answer was given under the other mode. */
  modeChanged: () => void
  setQuickFilter: (text: string) => void
  search: () => Promise<void>
  nextPage: () => Promise<void>
}

export const initialSearchState = {
  platform: 'instagram' as Platform,
  draft: emptyDraft,
  cacheOnly: false,
  problems: [] as string[],
  rows: [] as SearchRow[],
  query: null,
  lastResult: null,
  status: 'idle' as const,
  error: null,
  known: {} as Record<string, DataSource>,
  quickFilter: '',
}

export const effectiveCacheOnly = (cacheOnly: boolean): boolean =>
  cacheOnly || (useSettingsStore.getState().settings?.offline ?? false)

export function hasMorePages(s: Pick<SearchState, 'lastResult' | 'query'>): boolean {
  if (!s.lastResult || !s.query) return false
  return (s.query.page + 1) * PAGE_SIZE < s.lastResult.total && s.query.page < MAX_PAGE
}

/** Results and banner gone: what is shown must answer the filters and mode now set. */
const noAnswer = {
  rows: [] as SearchRow[],
  query: null,
  lastResult: null,
  status: 'idle' as const,
  error: null,
}

/**
 * Bumped whenever the filters or the mode change and at every search, so an answer that comes
 * back after either is dropped instead of shown under settings it does not answer.
 */
let generation = 0

export const useSearchStore = create<SearchState>()((set, get) => {
  async function run(query: ActiveQuery, append: boolean): Promise<void> {
    const cacheOnly = effectiveCacheOnly(get().cacheOnly)
    const mine = ++generation
    set({ status: append ? 'loading-more' : 'loading', error: null })
    const res = await call('creators:search', {
      ...query,
      ...(cacheOnly ? { cacheOnly: true } : {}),
    })
    if (!cacheOnly) void useQuotaStore.getState().refresh()
    if (mine !== generation) return
    if (!res.ok) {
      set({ status: 'error', error: res.error })
      return
    }
    const key = searchKey(query.platform, query.filters, query.page)
    const fresh = res.data.source === 'provider'
    const incoming = res.data.creators.map((creator) => ({ creator, fresh }))
    const rows = append ? mergeRows(get().rows, incoming) : incoming
    if (!append) useSelectionStore.getState().reset()
    set({
      rows,
      query,
      lastResult: res.data,
      status: 'done',
      known: { ...get().known, [key]: res.data.source },
    })
  }

  /** Drops the shown answer (and any on its way) for one that matches what is now set. */
  function forget(): void {
    generation += 1
    if (get().query === null && get().lastResult === null && get().status !== 'loading') return
    useSelectionStore.getState().reset()
    set(noAnswer)
  }

  /** A draft that asks for another search makes the shown results old. */
  function setDraft(draft: FilterDraft): void {
    const { query, platform } = get()
    const built = draftToFilters(draft, platform).filters
    const same =
      query !== null &&
      built !== null &&
      searchKey(platform, built, 0) === searchKey(query.platform, query.filters, 0)
    if (!same) forget()
    set({ draft, problems: [] })
  }

  return {
    ...initialSearchState,
    setPlatform: (platform) =>
      set({ platform, rows: [], query: null, lastResult: null, status: 'idle', error: null }),
    updateDraft: (patch) => setDraft({ ...get().draft, ...patch }),
    updateAudience: (patch) =>
      setDraft({ ...get().draft, audience: { ...get().draft.audience, ...patch } }),
    resetDraft: () => setDraft(emptyDraft),
    setCacheOnly: (cacheOnly) => {
      if (cacheOnly !== get().cacheOnly) forget()
      set({ cacheOnly })
    },
    modeChanged: () => forget(),
    setQuickFilter: (quickFilter) => set({ quickFilter }),
    search: async () => {
      const { draft, platform } = get()
      const built = draftToFilters(draft, platform)
      if (!built.filters) {
        set({ problems: built.problems })
        return
      }
      set({ problems: [] })
      await run({ platform, filters: built.filters, page: 0 }, false)
    },
    nextPage: async () => {
      const s = get()
      if (!s.query || !hasMorePages(s) || s.status === 'loading-more') return
      await run({ ...s.query, page: s.query.page + 1 }, true)
    },
  }
})

// Offline mode switched (Settings, or another window): what is shown answered the other mode.
useSettingsStore.subscribe((now, before) => {
  if ((now.settings?.offline ?? false) === (before.settings?.offline ?? false)) return
  if (before.settings === null) return
  useSearchStore.getState().modeChanged()
})

function mergeRows(existing: SearchRow[], incoming: SearchRow[]): SearchRow[] {
  const seen = new Set(existing.map((r) => r.creator.id))
  return [...existing, ...incoming.filter((r) => !seen.has(r.creator.id))]
}

/** Rows after the free, local quick filter (handle or name contains the text). */
export function visibleRows(rows: SearchRow[], quickFilter: string): SearchRow[] {
  const q = quickFilter.trim().toLowerCase()
  if (q === '') return rows
  return rows.filter(
    (r) =>
      (r.creator.handle ?? '').toLowerCase().includes(q) ||
      (r.creator.fullName ?? '').toLowerCase().includes(q),
  )
}
