import { useState } from 'react'
import type { BalanceReconciliation } from '../../../../shared/domain'
import { formatCredits } from '../../../../shared/credits'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { formatDate, formatDateTime, formatInt } from '../../lib/format'
import { useQuotaStore } from '../../stores/quota-store'

/**
 * The Modash balance beside the app's own ledger: what is left on the account, and what was spent
 * on it outside this app (a teammate, another tool). Reading it is free; the app reads it at start
 * and whenever the user asks.
 */
export function BalancePanel() {
  const stored = useQuotaStore((s) => s.quota?.balance ?? null)
  const refreshQuota = useQuotaStore((s) => s.refresh)
  const [checked, setChecked] = useState<BalanceReconciliation | null>(null)
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  // What the user just asked for wins over the status loaded before it.
  const balance = checked ?? stored

  async function check() {
    setChecking(true)
    const res = await call('usage:reconcile', {})
    if (res.ok) setChecked(res.data)
    setError(res.ok ? null : res.error)
    setChecking(false)
    // The header meter and paid-call confirmations read the balance from the quota status.
    await refreshQuota()
  }

  return (
    <section className="panel" aria-labelledby="balance-heading">
      <h2 id="balance-heading">Modash balance</h2>
      {balance ? <BalanceFacts balance={balance} /> : <p className="muted">Loading the balance…</p>}
      <button type="button" onClick={() => void check()} disabled={checking}>
        {checking ? 'Checking…' : 'Check balance'}
      </button>
      {error && <ErrorMessage error={error} />}
    </section>
  )
}

function BalanceFacts({ balance }: { balance: BalanceReconciliation }) {
  const known = balance.balanceMilliCredits !== null
  return (
    <dl className="stats">
      <div>
        <dt>Credits left</dt>
        <dd>
          {known ? (
            <>
              {formatCredits(balance.balanceMilliCredits ?? 0)} credits
              <span className="muted"> (read {formatDateTime(balance.readAt)})</span>
            </>
          ) : (
            'Unknown'
          )}
        </dd>
      </div>
      {balance.state === 'unknown' && (
        <div>
          <dt>Why it is unknown</dt>
          <dd>
            {known
              ? `The latest check failed: ${balance.unknownReason ?? 'no reason given.'} The figure above is the last one read.`
              : (balance.unknownReason ?? 'The balance has not been read yet.')}
          </dd>
        </div>
      )}
      {known && (
        <div>
          <dt>Spent outside this app</dt>
          <dd>{outsideSpendLine(balance)}</dd>
        </div>
      )}
      {known && (
        <div>
          <dt>Enough for</dt>
          <dd>{coversLine(balance)}</dd>
        </div>
      )}
    </dl>
  )
}

function outsideSpendLine(b: BalanceReconciliation): string {
  const since = formatDate(b.since)
  if (b.outsideSpendMilliCredits === 0) return `Nothing since ${since}.`
  return `${formatCredits(b.outsideSpendMilliCredits)} credits spent outside this app since ${since} (by a teammate or another tool on the same account).`
}

function coversLine(b: BalanceReconciliation): string {
  if (!b.fresh || b.covers === null) {
    return 'Read more than an hour ago, so it no longer limits paid lookups. Check it again before spending a lot.'
  }
  return `About ${formatInt(b.covers.discovery)} discovery results or ${formatInt(b.covers.report)} reports, after what this app has spent since the reading. Paid lookups stop there even below your monthly limits.`
}
