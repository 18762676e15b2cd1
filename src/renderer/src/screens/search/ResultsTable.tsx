import { useCallback, useEffect, useMemo, useRef } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { SampleDataOffer } from '../../components/SampleDataOffer'
import { useSearchStore, visibleRows } from '../../stores/search-store'
import { useSelectionStore } from '../../stores/selection-store'
import { useUiStore } from '../../stores/ui-store'
import { ROW_HEIGHT, ResultRow, rowId } from './ResultRow'
import { useVirtualWindow } from './use-virtual-window'

const COLUMNS = [
  { label: 'Picture', className: 'col-pic', hidden: true },
  { label: 'Handle', className: 'col-handle' },
  { label: 'Name', className: 'col-name' },
  { label: 'Followers', className: 'col-num' },
  { label: 'ER', className: 'col-num' },
  { label: 'Data age', className: 'col-age' },
  { label: 'Email', className: 'col-email' },
]

export function ResultsTable() {
  const allRows = useSearchStore((s) => s.rows)
  const quickFilter = useSearchStore((s) => s.quickFilter)
  const status = useSearchStore((s) => s.status)
  const rows = useMemo(() => visibleRows(allRows, quickFilter), [allRows, quickFilter])
  const ids = useMemo(() => rows.map((r) => r.creator.id), [rows])
  const idsRef = useRef(ids)
  idsRef.current = ids

  const selected = useSelectionStore((s) => s.selected)
  const activeIndex = useSelectionStore((s) => s.activeIndex)
  const toggle = useSelectionStore((s) => s.toggle)
  const setAll = useSelectionStore((s) => s.setAll)
  const setActive = useSelectionStore((s) => s.setActive)
  const openProfile = useUiStore((s) => s.openProfile)

  const bodyRef = useRef<HTMLDivElement>(null)
  const win = useVirtualWindow(bodyRef, rows.length, ROW_HEIGHT)
  const { scrollToIndex } = win

  // j/k move the cursor from anywhere; keep it on screen.
  useEffect(() => {
    if (activeIndex < rows.length) scrollToIndex(activeIndex)
  }, [activeIndex, rows.length, scrollToIndex])

  const onToggle = useCallback(
    (id: number, shift: boolean) => toggle(id, idsRef.current, shift),
    [toggle],
  )
  const onOpen = useCallback((id: number) => openProfile(id), [openProfile])

  if (rows.length === 0) {
    if (status === 'loading') return null
    return allRows.length > 0 ? (
      <EmptyState title="No loaded result matches the quick filter." />
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

  const allChecked = ids.length > 0 && ids.every((id) => selected.has(id))
  const activeInWindow = activeIndex >= win.start && activeIndex < win.end
  return (
    <div
      role="grid"
      aria-label="Search results"
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={activeInWindow ? rowId(activeIndex) : undefined}
      tabIndex={0}
      className="grid"
    >
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
            <div key={c.label} role="columnheader" className={c.className}>
              {'hidden' in c ? <span className="visually-hidden">{c.label}</span> : c.label}
            </div>
          ))}
        </div>
      </div>
      <div ref={bodyRef} className="grid-body" onScroll={win.onScroll} data-testid="results-scroll">
        <div role="rowgroup" className="grid-canvas" style={{ height: rows.length * ROW_HEIGHT }}>
          {rows.slice(win.start, win.end).map((row, i) => {
            const index = win.start + i
            return (
              <ResultRow
                key={row.creator.id}
                row={row}
                index={index}
                top={index * ROW_HEIGHT}
                checked={selected.has(row.creator.id)}
                active={index === activeIndex}
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
