import type { UsageStats } from '../../../../shared/domain'
import { formatDate } from '../../lib/format'
import { useQuotaStore } from '../../stores/quota-store'

/** How many billing periods back the picker offers. */
const PERIODS = 12

/** "November 2026" for the billing month "2026-11" moved `back` months. */
export function monthName(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - back, 1))
  return d.toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/** "Nov 1, 2026 – Dec 1, 2026": the period a page of stats covers. */
export function periodWords(stats: UsageStats): string {
  if (!stats.periodStart || !stats.periodEnd) return stats.month
  // The end is the next period's first instant: the last day shown is the one before it.
  const last = new Date(Date.parse(stats.periodEnd) - 1).toISOString()
  return `${formatDate(stats.periodStart)} – ${formatDate(last)}`
}

/** This billing period or one of the twelve before it. */
export function PeriodPicker({
  monthsBack,
  setMonthsBack,
  stats,
}: {
  monthsBack: number
  setMonthsBack: (n: number) => void
  stats: UsageStats | null
}) {
  const month = useQuotaStore((s) => s.quota?.month) ?? stats?.month ?? null
  if (month === null) return null
  return (
    <div className="row period-picker">
      <label>
        Billing period
        <select value={monthsBack} onChange={(e) => setMonthsBack(Number(e.target.value))}>
          {Array.from({ length: PERIODS + 1 }, (_, n) => (
            <option key={n} value={n}>
              {monthName(month, n)}
              {n === 0 ? ' (this period)' : ''}
            </option>
          ))}
        </select>
      </label>
      {stats && <span className="muted">{periodWords(stats)}</span>}
    </div>
  )
}
