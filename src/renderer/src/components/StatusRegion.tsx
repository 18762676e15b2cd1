import { useEffect } from 'react'
import { useUiStore } from '../stores/ui-store'

const VISIBLE_MS = 6_000

/** One polite live region for outcomes of actions ("Added 3 creators", "Report bought"). */
export function StatusRegion() {
  const status = useUiStore((s) => s.status)
  const announce = useUiStore((s) => s.announce)
  useEffect(() => {
    if (status === '') return
    const timer = setTimeout(() => announce(''), VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [status, announce])
  return (
    <div className="status-region" role="status" aria-live="polite" data-testid="status-region">
      {status}
    </div>
  )
}
