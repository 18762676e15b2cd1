import { useState } from 'react'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { formatDateTime } from '../../lib/format'
import { useQuotaStore } from '../../stores/quota-store'

/**
 * Shown when the ledger does not take the computer's clock at its word: spending is counted by
 * the time that surely passed, so a wrong date can neither open a new month nor reopen an old one.
 */
export function ClockNotice() {
  const clock = useQuotaStore((s) => s.quota?.clock ?? null)
  const refreshQuota = useQuotaStore((s) => s.refresh)
  const [error, setError] = useState<ErrorInfo | null>(null)
  if (!clock || clock.state === 'ok') return null

  async function confirm() {
    const res = await call('usage:confirm-clock', {})
    setError(res.ok ? null : res.error)
    await refreshQuota()
  }

  if (clock.state === 'behind') {
    return (
      <div role="status" className="callout callout-warn">
        <strong>The computer&apos;s clock is behind</strong>
        <p>
          It says {formatDateTime(clock.wallClock)}, earlier than spending Creator Desk already
          counted ({formatDateTime(clock.countingAt)}). Spending is counted at that later time until
          the clock catches up, so no month is used twice.
        </p>
      </div>
    )
  }
  return (
    <div role="alert" className="callout callout-warn">
      <strong>Paid lookups are paused: the computer&apos;s clock jumped ahead</strong>
      <p>
        It says {formatDateTime(clock.wallClock)}, but only the time up to{' '}
        {formatDateTime(clock.countingAt)} has surely passed since Creator Desk opened. That would
        start a new billing month early. If the date is right (for example the computer was asleep),
        confirm it; otherwise correct the computer&apos;s date and time.
      </p>
      <button type="button" onClick={() => void confirm()}>
        The date is right
      </button>
      {error && <ErrorMessage error={error} />}
    </div>
  )
}
