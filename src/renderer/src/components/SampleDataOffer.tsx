import { useEffect } from 'react'
import { useKeysStore } from '../stores/keys-store'
import { useSettingsStore } from '../stores/settings-store'
import { ModeSwitchButton } from './ModeSwitchButton'

/** First launch without a Modash key: offer the sandbox instead of a search that cannot run. */
export function SampleDataOffer() {
  const mode = useSettingsStore((s) => s.appInfo?.mode)
  const keys = useKeysStore((s) => s.status)
  const loadKeys = useKeysStore((s) => s.load)

  useEffect(() => {
    if (keys === null) void loadKeys()
  }, [keys, loadKeys])

  if (mode !== 'real' || keys === null || keys.keys.modash.configured) return null
  return (
    <div className="panel" role="note" aria-label="No Modash key yet">
      <p>
        No Modash API key is set yet. Add your keys in Settings, or explore Creator Desk with sample
        data: emulated providers, nothing real is spent.
      </p>
      <ModeSwitchButton to="sandbox" />
    </div>
  )
}
