import { useEffect, useState } from 'react'
import type { UsageStats } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { UsageExports } from '../bulk/ExportButtons'
import { AuditLogTable } from './AuditLogTable'
import { BalancePanel } from './BalancePanel'
import { ClientSpendPanel } from './ClientSpendPanel'
import { ClockNotice } from './ClockNotice'
import { DailyUsageChart } from './DailyUsageChart'
import { PeriodPicker, periodWords } from './PeriodPicker'
import { UsageSummary } from './UsageSummary'

export function UsageScreen() {
  const [stats, setStats] = useState<UsageStats | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [monthsBack, setMonthsBack] = useState(0)
  useEffect(() => {
    let live = true
    void call('usage:stats', monthsBack === 0 ? {} : { monthsBack }).then((res) => {
      if (!live) return
      setStats(res.ok ? res.data : null)
      setError(res.ok ? null : res.error)
    })
    return () => {
      live = false
    }
  }, [monthsBack])
  return (
    <div className="usage-screen">
      <h1>Usage</h1>
      <ClockNotice />
      {error && <ErrorMessage error={error} />}
      <PeriodPicker monthsBack={monthsBack} setMonthsBack={setMonthsBack} stats={stats} />
      {!stats && !error && <Spinner label="Loading usage…" />}
      {stats && (
        <>
          <UsageSummary stats={stats} />
          <DailyUsageChart
            daily={stats.daily}
            title={monthsBack === 0 ? undefined : `Usage per day, ${periodWords(stats)}`}
          />
        </>
      )}
      <BalancePanel />
      <ClientSpendPanel />
      <AuditLogTable />
      <UsageExports />
    </div>
  )
}
