import { selectOffline, selectSandbox, useSettingsStore } from '../stores/settings-store'
import { useUiStore } from '../stores/ui-store'
import { JobIndicator } from '../screens/bulk/JobIndicator'
import { QuotaMeter } from './QuotaMeter'

export function Header() {
  const offline = useSettingsStore(selectOffline)
  const sandbox = useSettingsStore(selectSandbox)
  const setPaletteOpen = useUiStore((s) => s.setPaletteOpen)
  return (
    <header className="app-header">
      <span className="app-title">Creator Desk</span>
      <QuotaMeter />
      <JobIndicator />
      <div className="header-badges">
        {offline && (
          <span className="badge badge-offline" title="Only cached data is used; nothing is bought">
            Offline
          </span>
        )}
        {sandbox && (
          <span
            className="badge badge-sandbox"
            title="Providers are emulated; no real credits are spent"
          >
            Sandbox
          </span>
        )}
        <button
          type="button"
          className="ghost"
          onClick={() => setPaletteOpen(true)}
          aria-keyshortcuts="Control+K Meta+K"
        >
          Commands <kbd>Ctrl K</kbd>
        </button>
      </div>
    </header>
  )
}
