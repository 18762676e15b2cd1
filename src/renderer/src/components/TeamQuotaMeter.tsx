import { useEffect } from 'react'
import type { TeamMeterUsage, TeamQuota } from '../../../shared/domain'
import { formatDate, formatDateTime, formatInt } from '../lib/format'
import { METER_LABELS, meterFigures, quotaLevel } from '../lib/quota-level'
import { useQuotaStore } from '../stores/quota-store'

/** Teammates spend without this window knowing: in team mode the header asks again this often. */
export const TEAM_QUOTA_REFRESH_MS = 20_000

function TeamMeterBar({ meter }: { meter: TeamMeterUsage }) {
  const label = METER_LABELS[meter.meter]
  const { used, level, pct, text } = meterFigures(meter)
  const mineUsed = meter.mine.used + meter.mine.reserved
  const mine =
    meter.mine.cap === null
      ? `yours ${formatInt(mineUsed)}`
      : `yours ${formatInt(mineUsed)} / ${formatInt(meter.mine.cap)}`
  const mineLevel = quotaLevel(mineUsed, meter.mine.cap)
  return (
    <div className={`meter meter-${level}`} data-testid={`meter-${meter.meter}`} data-level={level}>
      <span className="meter-label">{label.name}</span>
      <div
        role="meter"
        aria-label={`${label.name} used by the team this month`}
        aria-valuemin={0}
        aria-valuemax={meter.limit ?? used}
        aria-valuenow={used}
        aria-valuetext={`${text} ${label.units} for the team, ${mine}`}
        className="meter-track"
      >
        <div className="meter-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="meter-text">{text}</span>
      <span className={`meter-mine meter-mine-${mineLevel}`} data-testid={`mine-${meter.meter}`}>
        ({mine})
      </span>
    </div>
  )
}

/** The header meter in team mode: the team's quota, and this manager's share of it. */
export function TeamQuotaMeter({ team, resetsAt }: { team: TeamQuota; resetsAt: string }) {
  const refresh = useQuotaStore((s) => s.refresh)
  useEffect(() => {
    const timer = setInterval(() => void refresh(), TEAM_QUOTA_REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])
  const meters = team.meters.filter(
    (m) => m.meter !== 'enrichment' || m.limit !== null || m.used > 0,
  )
  return (
    <section className="quota quota-team" aria-label="Monthly usage">
      <span className="quota-team-badge" title={`Signed in to the team database as ${team.user}`}>
        Team
      </span>
      {team.state === 'unreachable' && (
        <span className="quota-stale" title={team.reason}>
          Team database unreachable: last known values
          {team.readAt ? ` (${formatDateTime(team.readAt)})` : ''}
        </span>
      )}
      {meters.map((m) => (
        <TeamMeterBar key={m.meter} meter={m} />
      ))}
      <span className="quota-reset">Resets {formatDate(team.resetsAt ?? resetsAt)}</span>
    </section>
  )
}
