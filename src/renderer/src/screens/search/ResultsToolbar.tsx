import { formatInt } from '../../lib/format'
import { ResultsBulkActions } from '../bulk/BulkActions'
import type { ResultFilters } from '../../stores/results-view-store'
import { isFiltered, useResultsViewStore } from '../../stores/results-view-store'
import { hasMorePages, useSearchStore } from '../../stores/search-store'
import { useSelectionStore } from '../../stores/selection-store'
import { useUiStore } from '../../stores/ui-store'
import { useSearchLabels } from './use-search-labels'

export const QUICK_FILTER_ID = 'quick-filter'

const FILTERS: {
  key: keyof ResultFilters
  label: string
  options: [string, string][]
}[] = [
  {
    key: 'email',
    label: 'Email',
    options: [
      ['any', 'Any'],
      ['found', 'Found'],
      ['not_found', 'Not found'],
      ['unknown', 'Not looked up'],
    ],
  },
  {
    key: 'report',
    label: 'Report',
    options: [
      ['any', 'Any'],
      ['owned', 'Owned'],
      ['none', 'Not owned'],
    ],
  },
  {
    key: 'lists',
    label: 'Lists',
    options: [
      ['any', 'Any'],
      ['on', 'On a list'],
      ['off', 'On no list'],
    ],
  },
]

/** Narrows the loaded rows by what is known of each creator; free, nothing is fetched. */
function RowFilters() {
  const filters = useResultsViewStore((s) => s.filters)
  const setFilter = useResultsViewStore((s) => s.setFilter)
  return (
    <fieldset className="row-filters">
      <legend className="visually-hidden">Show loaded results by what is known (free)</legend>
      {FILTERS.map((f) => (
        <label key={f.key}>
          {f.label}
          <select value={filters[f.key]} onChange={(e) => setFilter({ [f.key]: e.target.value })}>
            {f.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {isFiltered(filters) && (
        <button
          type="button"
          className="ghost"
          onClick={() => setFilter({ email: 'any', report: 'any', lists: 'any' })}
        >
          Show all
        </button>
      )}
    </fieldset>
  )
}

export function ResultsToolbar() {
  const quickFilter = useSearchStore((s) => s.quickFilter)
  const setQuickFilter = useSearchStore((s) => s.setQuickFilter)
  const selected = useSelectionStore((s) => s.selected)
  const clear = useSelectionStore((s) => s.reset)
  const openAddToList = useUiStore((s) => s.openAddToList)
  return (
    <div className="results-toolbar">
      <label className="quick-filter">
        Filter loaded results (free)
        <input
          id={QUICK_FILTER_ID}
          type="search"
          value={quickFilter}
          placeholder="Handle or name — press /"
          aria-keyshortcuts="/"
          onChange={(e) => setQuickFilter(e.target.value)}
        />
      </label>
      <RowFilters />
      <span className="selection-count" aria-live="polite">
        {selected.size > 0 ? `${formatInt(selected.size)} selected` : ''}
      </span>
      <button
        type="button"
        disabled={selected.size === 0}
        onClick={() => openAddToList([...selected])}
        aria-keyshortcuts="s"
      >
        Add to list
      </button>
      <ResultsBulkActions />
      {selected.size > 0 && (
        <button type="button" className="ghost" onClick={clear}>
          Clear selection
        </button>
      )}
    </div>
  )
}

export function NextPageBar() {
  const labels = useSearchLabels()
  const more = useSearchStore(hasMorePages)
  const status = useSearchStore((s) => s.status)
  const nextPage = useSearchStore((s) => s.nextPage)
  if (!more) return null
  return (
    <div className="next-page">
      <button type="button" disabled={status === 'loading-more'} onClick={() => void nextPage()}>
        {status === 'loading-more' ? 'Loading next page…' : labels.next}
      </button>
    </div>
  )
}
