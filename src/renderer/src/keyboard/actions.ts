import { call } from '../api/call'
import { describeError } from '../errors/error-words'
import { plural } from '../lib/format'
import { useListsStore } from '../stores/lists-store'
import { useProfileStore } from '../stores/profile-store'
import { displayRows, useResultsViewStore } from '../stores/results-view-store'
import { useSearchStore } from '../stores/search-store'
import { useSelectionStore } from '../stores/selection-store'
import { useSettingsStore } from '../stores/settings-store'
import { useUiStore } from '../stores/ui-store'
import { QUICK_FILTER_ID } from '../screens/search/ResultsToolbar'

/**
 * What shortcuts and the command palette do. Each reads state at call time, so one function
 * serves a key press, a palette entry and a test alike.
 */

function currentRows() {
  const { rows, quickFilter } = useSearchStore.getState()
  return displayRows(rows, quickFilter, useResultsViewStore.getState())
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

/** Opens a list on the Lists screen. */
export function openList(listId: number): void {
  useUiStore.getState().navigate('lists')
  void useListsStore.getState().select(listId)
}

/**
 * Exports a list or the checked results as CSV (from the cache only: nothing is bought), with a
 * byte order mark so Excel reads every name right, and says where the file went.
 */
export async function exportCsv(
  target: { listId: number } | { creatorIds: number[] },
): Promise<void> {
  const ui = useUiStore.getState()
  ui.announce('Exporting…')
  const res = await call('export:csv', { ...target, bom: true })
  if (!res.ok) {
    const words = describeError(res.error)
    ui.announce(`Export failed: ${words.title}. ${words.detail}`)
    return
  }
  ui.announce(
    res.data === null
      ? 'Export cancelled.'
      : `Exported ${plural(res.data.rows, 'row')} to ${res.data.path}`,
  )
}

/** Offline on or off, from anywhere. */
export async function toggleOffline(): Promise<void> {
  const { settings, save } = useSettingsStore.getState()
  if (!settings) return
  const offline = !settings.offline
  if (await save({ offline })) {
    useUiStore
      .getState()
      .announce(offline ? 'Offline mode on: only cached data is used.' : 'Offline mode off.')
  }
}
