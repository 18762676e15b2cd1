import { create } from 'zustand'

/**
 * Two different things: the checked creators (for bulk actions) and the active row (the keyboard
 * cursor that j/k move and Enter opens).
 */
export interface SelectionState {
  selected: ReadonlySet<number>
  anchorId: number | null
  activeIndex: number
  /** Checks/unchecks one row; with `shift`, applies the same to the range from the last click. */
  toggle: (id: number, orderedIds: readonly number[], shift: boolean) => void
  setAll: (ids: readonly number[], checked: boolean) => void
  setActive: (index: number) => void
  move: (delta: number, rowCount: number) => void
  reset: () => void
}

export const initialSelectionState = {
  selected: new Set<number>() as ReadonlySet<number>,
  anchorId: null,
  activeIndex: 0,
}

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  ...initialSelectionState,
  toggle: (id, orderedIds, shift) => {
    const { selected, anchorId } = get()
    const next = new Set(selected)
    const checked = !selected.has(id)
    const from = anchorId === null ? -1 : orderedIds.indexOf(anchorId)
    const to = orderedIds.indexOf(id)
    if (shift && from >= 0 && to >= 0) {
      const [lo, hi] = from < to ? [from, to] : [to, from]
      for (let i = lo; i <= hi; i++) {
        const rowId = orderedIds[i]
        if (rowId === undefined) continue
        if (checked) next.add(rowId)
        else next.delete(rowId)
      }
    } else if (checked) next.add(id)
    else next.delete(id)
    set({ selected: next, anchorId: id })
  },
  setAll: (ids, checked) =>
    set({ selected: checked ? new Set(ids) : new Set<number>(), anchorId: null }),
  setActive: (activeIndex) => set({ activeIndex }),
  move: (delta, rowCount) => {
    if (rowCount <= 0) return
    const next = Math.min(rowCount - 1, Math.max(0, get().activeIndex + delta))
    set({ activeIndex: next })
  },
  reset: () => set({ selected: new Set<number>(), anchorId: null, activeIndex: 0 }),
}))
