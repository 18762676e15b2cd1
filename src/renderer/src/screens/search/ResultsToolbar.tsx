import { formatInt } from '../../lib/format'
import { hasMorePages, useSearchStore } from '../../stores/search-store'
import { useSelectionStore } from '../../stores/selection-store'
import { useUiStore } from '../../stores/ui-store'
import { useSearchLabels } from './use-search-labels'

export const QUICK_FILTER_ID = 'quick-filter'

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
