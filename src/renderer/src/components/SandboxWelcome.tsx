import { useState } from 'react'
import { selectSandbox, useSettingsStore } from '../stores/settings-store'
import { useUiStore } from '../stores/ui-store'

const DISMISSED = 'creator-desk:sandbox-welcome-dismissed'

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED) === '1'
  } catch {
    return false
  }
}

/**
 * The first thing sandbox mode says: what it is, that nothing real is spent, and how to leave
 * it. Shown until dismissed; the Sandbox badge in the header stays as the reminder.
 */
export function SandboxWelcome() {
  const sandbox = useSettingsStore(selectSandbox)
  const loaded = useSettingsStore((s) => s.settings !== null || s.appInfo !== null)
  const navigate = useUiStore((s) => s.navigate)
  const [dismissed, setDismissed] = useState(wasDismissed)
  if (!loaded || !sandbox || dismissed) return null
  const dismiss = () => {
    setDismissed(true)
    try {
      localStorage.setItem(DISMISSED, '1')
    } catch {
      // Shown again next time: harmless.
    }
  }
  return (
    <section className="callout callout-info welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">You are in sandbox mode: sample creators, nothing real is spent</h2>
      <p>
        Modash and Clay are emulated on this computer, so try anything. To work with real creators,
        add your keys in Settings, then choose <strong>Leave sample data</strong> under “Data and
        mode”.
      </p>
      <div className="welcome-actions">
        <button type="button" onClick={() => navigate('settings')}>
          Open Settings
        </button>
        <button type="button" className="primary" onClick={dismiss}>
          Got it
        </button>
      </div>
    </section>
  )
}
