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

  async function switchMode() {
    setBusy(true)
    const res = await call('app:set-mode', { mode: to })
    setBusy(false)
    setError(res.ok ? null : res.error)
    if (res.ok) announce(res.data.message)
  }

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void switchMode()}>
        {to === 'sandbox' ? 'Try with sample data' : 'Leave sample data'}
      </button>
      {error && <ErrorMessage error={error} />}
    </>
  )
}
