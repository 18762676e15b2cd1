import { useState } from 'react'
import { call } from '../api/call'
import { useUiStore } from '../stores/ui-store'
import { ErrorMessage } from './ErrorMessage'
import type { ErrorInfo } from '../../../shared/errors'

/**
 * Switches between sample data and the user's own. Main remembers the choice and restarts into
 * it (each mode has its own database), so this only asks and reports what happens next.
 */
export function ModeSwitchButton({ to }: { to: 'sandbox' | 'real' }) {
  const announce = useUiStore((s) => s.announce)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [busy, setBusy] = useState(false)
  // How to finish the switch stays on screen: a restart by hand takes steps to follow.
  const [next, setNext] = useState<string | null>(null)

  async function switchMode() {
    setBusy(true)
    const res = await call('app:set-mode', { mode: to })
    setBusy(false)
    setError(res.ok ? null : res.error)
    if (res.ok) {
      if (res.data.restarting) announce(res.data.message)
      setNext(res.data.restarting ? null : res.data.message)
    }
  }

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void switchMode()}>
        {to === 'sandbox' ? 'Try with sample data' : 'Leave sample data'}
      </button>
      {next && (
        <p role="status" className="callout callout-info mode-next">
          {next}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </>
  )
}
