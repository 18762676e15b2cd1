import { useEffect, useState } from 'react'
import type { UsageStats } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { AuditLogTable } from './AuditLogTable'
import { BalancePanel } from './BalancePanel'
import { ClockNotice } from './ClockNotice'
import { DailyUsageChart } from './DailyUsageChart'
import { UsageSummary } from './UsageSummary'

export function UsageScreen() {
  const [stats, setStats] = useState<UsageStats | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  useEffect(() => {
    let live = true
    void call('usage:stats', {}).then((res) => {
      if (!live) return
      setStats(res.ok ? res.data : null)
      setError(res.ok ? null : res.error)
    })
    return () => {
      live = false
    }
  }, [])
  return (
    <div className="usage-screen">
      <h1>Usage</h1>
      <ClockNotice />
      {error && <ErrorMessage error={error} />}
      {!stats && !error && <Spinner label="Loading usage…" />}
      {stats && (
        <>
          <UsageSummary stats={stats} />
          <DailyUsageChart daily={stats.daily} />
        </>
      )}
      <BalancePanel />
      <AuditLogTable />
    </div>
  )
}
