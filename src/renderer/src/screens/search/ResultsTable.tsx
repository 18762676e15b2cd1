import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useMemo, useRef } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { SampleDataOffer } from '../../components/SampleDataOffer'
import type { ResultSortKey } from '../../stores/results-view-store'
import { displayRows, isFiltered, useResultsViewStore } from '../../stores/results-view-store'
import { useSearchStore } from '../../stores/search-store'
import { useSelectionStore } from '../../stores/selection-store'
import { useSettingsStore } from '../../stores/settings-store'
import { useUiStore } from '../../stores/ui-store'
import { ROW_HEIGHT, ResultRow, rowId } from './ResultRow'
import { observeRectOrFallback } from './virtual-rows'

interface Column {
  label: string
  /** Read by screen readers where the visible label is short. */
  long?: string
  className: string
  sort?: ResultSortKey
  hidden?: true
}

const COLUMNS: Column[] = [
  { label: 'Picture', className: 'col-pic', hidden: true },
  { label: 'Creator', className: 'col-creator', sort: 'handle' },
  { label: 'Followers', className: 'col-num', sort: 'followers' },
  { label: 'ER', long: 'Engagement rate', className: 'col-num col-er', sort: 'engagementRate' },
  { label: 'Country', long: "Creator's country", className: 'col-loc', sort: 'country' },
  {
    label: 'Cred.',
    long: 'Audience credibility',
    className: 'col-num col-cred',
    sort: 'credibility',
  },
  { label: 'Audience', long: 'Top audience country', className: 'col-aud', sort: 'audience' },
  { label: 'Data', long: 'Data age', className: 'col-age' },
  { label: 'Report', className: 'col-report', sort: 'report' },
  { label: 'Email', className: 'col-email', sort: 'email' },
  { label: 'Lists', className: 'col-lists', sort: 'lists' },
]

const DEFAULT_MAX_AGE_DAYS = 30

function HeaderCell({ column }: { column: Column }) {
  const sortKey = useResultsViewStore((s) => s.sortKey)
  const sortDir = useResultsViewStore((s) => s.sortDir)
  const sortBy = useResultsViewStore((s) => s.sortBy)
  if (column.hidden) {
    return (
      <div role="columnheader" className={column.className}>
        <span className="visually-hidden">{column.label}</span>
      </div>
    )
  }
  if (!column.sort) {
    return (
      <div role="columnheader" className={column.className} title={column.long}>
        {column.label}
      </div>
    )
  }
  const key = column.sort
  const sorted = sortKey === key
  const dir = sorted ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <div role="columnheader" className={column.className} aria-sort={dir}>
      <button
        type="button"
        className="sort-button"
        onClick={() => sortBy(key)}
        title={`Sort the loaded results by ${(column.long ?? column.label).toLowerCase()} (free)`}
      >
        {column.long ? (
          <>
            <span aria-hidden="true">{column.label}</span>
            <span className="visually-hidden">{column.long}</span>
          </>
        ) : (
          column.label
        )}
        <span className="sort-mark" aria-hidden="true">
          {sorted ? (sortDir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  )
}

/** The header row: kept apart (and memoised) so a scroll, which re-renders the body, skips it. */
const ResultsHeader = memo(function ResultsHeader({ ids }: { ids: number[] }) {
  const selected = useSelectionStore((s) => s.selected)
  const setAll = useSelectionStore((s) => s.setAll)
  const allChecked = ids.length > 0 && ids.every((id) => selected.has(id))
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
        <div role="columnheader" className="col-check">
          <input
            type="checkbox"
            aria-label="Select all loaded results"
            checked={allChecked}
            onChange={(e) => setAll(ids, e.target.checked)}
          />
        </div>
        {COLUMNS.map((c) => (
          <HeaderCell key={c.label} column={c} />
        ))}
      </div>
    </div>
  )
})

export function ResultsTable() {
  const allRows = useSearchStore((s) => s.rows)
  const quickFilter = useSearchStore((s) => s.quickFilter)
  const status = useSearchStore((s) => s.status)
  const sortKey = useResultsViewStore((s) => s.sortKey)
  const sortDir = useResultsViewStore((s) => s.sortDir)
  const filters = useResultsViewStore((s) => s.filters)
  const maxAge = useSettingsStore((s) => s.settings?.reportMaxAgeDays ?? DEFAULT_MAX_AGE_DAYS)
  const rows = useMemo(
    () => displayRows(allRows, quickFilter, { sortKey, sortDir, filters }),
    [allRows, quickFilter, sortKey, sortDir, filters],
  )
  const ids = useMemo(() => rows.map((r) => r.creator.id), [rows])
  const idsRef = useRef(ids)
  idsRef.current = ids

  const selected = useSelectionStore((s) => s.selected)
  const activeIndex = useSelectionStore((s) => s.activeIndex)
  const toggle = useSelectionStore((s) => s.toggle)
  const setActive = useSelectionStore((s) => s.setActive)
  const openProfile = useUiStore((s) => s.openProfile)

  const bodyRef = useRef<HTMLDivElement>(null)
  // Only the rows in view (plus an overscan) exist in the DOM. The virtualizer re-renders this
  // component only when a row enters or leaves that window; the rows are memoised, so such a
  // render mounts the rows that entered and leaves the others alone.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => rows[index]?.creator.id ?? index,
    observeElementRect: observeRectOrFallback,
  })
  const items = virtualizer.getVirtualItems()

  // j/k move the cursor from anywhere; keep it on screen.
  useEffect(() => {
    if (activeIndex < rows.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, rows.length, virtualizer])

  const onToggle = useCallback(
    (id: number, shift: boolean) => toggle(id, idsRef.current, shift),
    [toggle],
  )
  const onOpen = useCallback((id: number) => openProfile(id), [openProfile])

  if (rows.length === 0) {
    if (status === 'loading') return null
    return allRows.length > 0 ? (
      <EmptyState
        title={
          isFiltered(filters)
            ? 'No loaded result matches these filters.'
            : 'No loaded result matches the quick filter.'
        }
      />
    ) : (
      <EmptyState title={status === 'done' ? 'No creators match these filters.' : 'No search yet.'}>
        {status !== 'done' && (
          <>
            <p className="muted">Set filters, then run a search. Repeating a search is free.</p>
            <SampleDataOffer />
          </>
        )}
      </EmptyState>
    )
  }

  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  const activeInWindow = activeIndex >= first && activeIndex <= last
  return (
    <div
      role="grid"
      aria-label="Search results"
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={activeInWindow ? rowId(activeIndex) : undefined}
      tabIndex={0}
      className="grid results-grid"
    >
      <ResultsHeader ids={ids} />
      <div ref={bodyRef} className="grid-body" data-testid="results-scroll">
        <div role="rowgroup" className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]!
            return (
              <ResultRow
                key={row.creator.id}
                row={row}
                index={item.index}
                top={item.start}
                checked={selected.has(row.creator.id)}
                active={item.index === activeIndex}
                maxReportAgeDays={maxAge}
                onToggle={onToggle}
                onActivate={setActive}
                onOpen={onOpen}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
