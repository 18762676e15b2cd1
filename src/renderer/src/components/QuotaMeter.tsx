import type { MeterUsage } from '../../../shared/domain'
import { formatDate } from '../lib/format'
import { METER_LABELS, meterFigures } from '../lib/quota-level'
import { useQuotaStore } from '../stores/quota-store'
import { TeamQuotaMeter } from './TeamQuotaMeter'

function MeterBar({ meter }: { meter: MeterUsage }) {
  const label = METER_LABELS[meter.meter]
  const { used, level, pct, text } = meterFigures(meter)
  return (
    <div className={`meter meter-${level}`} data-testid={`meter-${meter.meter}`} data-level={level}>
      <span className="meter-label">{label.name}</span>
      <div
        role="meter"
        aria-label={`${label.name} used this month`}
        aria-valuemin={0}
        aria-valuemax={meter.limit ?? used}
        aria-valuenow={used}
        aria-valuetext={`${text} ${label.units}`}
        className="meter-track"
      >
        <div className="meter-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="meter-text">{text}</span>
    </div>
  )
}

/** Always visible in the header: spend must be seen before it happens, not at month end. */
export function QuotaMeter() {
  const quota = useQuotaStore((s) => s.quota)
  const error = useQuotaStore((s) => s.error)
  if (!quota) {
    return <div className="quota quota-empty">{error ? 'Usage unavailable' : 'Loading usage…'}</div>
  }
  // Team mode: what counts is the team's quota, not this laptop's own ledger.
  if (quota.team) return <TeamQuotaMeter team={quota.team} resetsAt={quota.resetsAt} />
  const meters = quota.meters.filter(
    (m) => m.meter !== 'enrichment' || m.limit !== null || m.used > 0,
  )
  return (
    <section className="quota" aria-label="Monthly usage">
      {meters.map((m) => (
        <MeterBar key={m.meter} meter={m} />
      ))}
      <span className="quota-reset">Resets {formatDate(quota.resetsAt)}</span>
    </section>
  )
}
