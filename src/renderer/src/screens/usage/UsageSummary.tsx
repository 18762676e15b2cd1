import type { UsageStats } from '../../../../shared/domain'
import { formatCredits } from '../../../../shared/credits'
import { formatDate, formatInt } from '../../lib/format'
import { METER_LABELS } from '../../lib/quota-level'

export function UsageSummary({ stats }: { stats: UsageStats }) {
  const hitRate = `${(stats.cacheHitPerMille / 10).toFixed(1)}%`
  const exhaustion = stats.projectedExhaustion
  const past = (stats.monthsBack ?? 0) > 0
  return (
    <dl className="stats">
      {stats.modashMilliCredits !== undefined && (
        <div>
          <dt>Modash credits spent</dt>
          <dd>{formatCredits(stats.modashMilliCredits)} credits</dd>
        </div>
      )}
      <div>
        <dt>Cache hit rate</dt>
        <dd>
          {hitRate}
          <span className="muted">
            {' '}
            ({formatInt(stats.cacheHits)} hits, {formatInt(stats.providerCalls)} provider calls)
          </span>
        </dd>
      </div>
      <div>
        <dt>The cache saved you</dt>
        <dd>
          {formatInt(stats.savedDiscoveryResults)} discovery results,{' '}
          {formatInt(stats.savedReports)} reports, {formatInt(stats.savedEnrichments)} email lookups
          {stats.savedMilliCredits !== undefined && (
            <span className="muted">
              {' '}
              ({formatCredits(stats.savedMilliCredits)} Modash credits)
            </span>
          )}
        </dd>
      </div>
      {!past && (
        <div>
          <dt>Projected exhaustion</dt>
          <dd>
            {exhaustion
              ? `${METER_LABELS[exhaustion.meter].name} run out around ${formatDate(exhaustion.date)} at the current pace`
              : 'Not this period at the current pace'}
          </dd>
        </div>
      )}
    </dl>
  )
}
