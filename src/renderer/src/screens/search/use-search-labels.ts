import { useMemo } from 'react'
import { draftToFilters } from '../../lib/filter-draft'
import { nextPageLabel, searchButtonLabel } from '../../lib/search-cost'
import { searchKey } from '../../lib/search-key'
import { selectOffline, useSettingsStore } from '../../stores/settings-store'
import type { SearchState } from '../../stores/search-store'
import { useSearchStore } from '../../stores/search-store'

export interface SearchLabels {
  search: string
  next: string
  cacheOnly: boolean
}

type Inputs = Pick<SearchState, 'draft' | 'platform' | 'known' | 'query' | 'cacheOnly'>

/** Prices the two buttons from what main already holds for the exact same request. */
export function computeSearchLabels(s: Inputs, offline: boolean): SearchLabels {
  const cacheOnly = s.cacheOnly || offline
  const built = draftToFilters(s.draft, s.platform)
  const key = built.filters ? searchKey(s.platform, built.filters, 0) : null
  const nextKey = s.query ? searchKey(s.query.platform, s.query.filters, s.query.page + 1) : null
  return {
    search: searchButtonLabel({ cacheOnly, known: key ? s.known[key] : undefined }),
    next: nextPageLabel({ cacheOnly, known: nextKey ? s.known[nextKey] : undefined }),
    cacheOnly,
  }
}

export function useSearchLabels(): SearchLabels {
  const draft = useSearchStore((s) => s.draft)
  const platform = useSearchStore((s) => s.platform)
  const known = useSearchStore((s) => s.known)
  const query = useSearchStore((s) => s.query)
  const cacheOnly = useSearchStore((s) => s.cacheOnly)
  const offline = useSettingsStore(selectOffline)
  return useMemo(
    () => computeSearchLabels({ draft, platform, known, query, cacheOnly }, offline),
    [draft, platform, known, query, cacheOnly, offline],
  )
}
