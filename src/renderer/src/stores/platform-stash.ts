import type { Platform } from '../../../shared/platforms'
import type { SearchState } from './search-store'
import { useSearchStore } from './search-store'
import { useSelectionStore } from './selection-store'
import { useSettingsStore } from './settings-store'

type Snapshot = Pick<
  SearchState,
  'rows' | 'query' | 'lastResult' | 'status' | 'error' | 'quickFilter'
>

/**
 * Results loaded on each platform tab, kept while another tab is shown: switching to TikTok and
 * back must not throw away 150 Instagram results (getting them again would be free, but slow and
 * surprising). Only what is on screen is kept; nothing is fetched.
 */
const stash = new Map<Platform, Snapshot>()

export function switchPlatform(next: Platform): void {
  const s = useSearchStore.getState()
  if (next === s.platform) return
  if (s.rows.length > 0 || s.lastResult !== null || s.error !== null) {
    stash.set(s.platform, {
      rows: s.rows,
      query: s.query,
      lastResult: s.lastResult,
      // A search still running answers into whatever tab is shown; the kept tab is settled.
      status: s.status === 'loading' || s.status === 'loading-more' ? 'done' : s.status,
      error: s.error,
      quickFilter: s.quickFilter,
    })
  } else stash.delete(s.platform)
  s.setPlatform(next)
  const kept = stash.get(next)
  if (kept) {
    useSearchStore.setState(kept)
    stash.delete(next)
  }
  useSelectionStore.getState().reset()
}

// Kept tabs answered the mode they were searched in: switching offline mode forgets them, as
// the shown tab's answer is (see `search-store.ts`).
useSettingsStore.subscribe((now, before) => {
  if (before.settings !== null && now.settings?.offline !== before.settings.offline) stash.clear()
})

/** For tests and "clear cache": forget every kept tab. */
export function clearPlatformStash(): void {
  stash.clear()
}
