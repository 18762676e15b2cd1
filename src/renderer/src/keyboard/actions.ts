import { useProfileStore } from '../stores/profile-store'
import { useSearchStore, visibleRows } from '../stores/search-store'
import { useSelectionStore } from '../stores/selection-store'
import { useUiStore } from '../stores/ui-store'
import { QUICK_FILTER_ID } from '../screens/search/ResultsToolbar'

/**
 * What shortcuts and the command palette do. Each reads state at call time, so one function
 * serves a key press, a palette entry and a test alike.
 */

function currentRows() {
  const { rows, quickFilter } = useSearchStore.getState()
  return visibleRows(rows, quickFilter)
}

/** The creator an action applies to: the open profile, else the cursor row in the results. */
export function targetCreatorId(): number | null {
  const profileId = useUiStore.getState().profileId
  if (profileId !== null) return profileId
  return currentRows()[useSelectionStore.getState().activeIndex]?.creator.id ?? null
}

export function focusQuickFilter(): void {
  useUiStore.getState().navigate('search')
  // The search screen may only mount on this render; focus once it has.
  setTimeout(() => document.getElementById(QUICK_FILTER_ID)?.focus(), 0)
}

export function moveCursor(delta: number): void {
  if (useUiStore.getState().screen !== 'search') return
  useSelectionStore.getState().move(delta, currentRows().length)
}

export function openCursor(): void {
  const row = currentRows()[useSelectionStore.getState().activeIndex]
  if (row) useUiStore.getState().openProfile(row.creator.id)
}

export function toggleCursorCheck(): void {
  const rows = currentRows()
  const row = rows[useSelectionStore.getState().activeIndex]
  if (row)
    useSelectionStore.getState().toggle(
      row.creator.id,
      rows.map((r) => r.creator.id),
      false,
    )
}

export function addToList(): void {
  const selected = useSelectionStore.getState().selected
  const ui = useUiStore.getState()
  if (ui.profileId === null && selected.size > 0) return ui.openAddToList([...selected])
  const id = targetCreatorId()
  ui.openAddToList(id === null ? [] : [id])
}

function withProfile(intent: 'report' | 'email'): void {
  const ui = useUiStore.getState()
  const profile = useProfileStore.getState()
  if (ui.profileId !== null && profile.detail?.creator.id === ui.profileId) {
    void (intent === 'report' ? profile.requestReport() : profile.findEmail())
    return
  }
  const id = targetCreatorId()
  if (id === null) return ui.announce('Choose a creator first.')
  ui.openProfile(id, intent)
}

export const requestReport = (): void => withProfile('report')
export const findEmail = (): void => withProfile('email')
