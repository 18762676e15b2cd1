import { sql } from 'kysely'
import type { Meter, QuotaStatus, UsageStats } from '../../shared/domain'
import type { ChannelInput } from '../../shared/ipc-contract'
import type { ApiLogger } from './api-logger'
import { billingPeriod } from './billing-period'
import { clientSpend } from './client-spend'
import { DAY_MS } from './clock'
import { MILLI_PER_REPORT, MILLI_PER_RESULT } from './modash-prices'
import type { CoreDeps } from './core-deps'
import type { UsageService } from './core-types'
import { reconcileBalance } from './reconciliation'

/** Which meter an audit-log action charges. */
const ACTION_METER: Record<string, Meter> = {
  search: 'discovery',
  report: 'report',
  'enrich-start': 'enrichment',
  enrich: 'enrichment',
}

export function createUsageService(deps: CoreDeps, logger: ApiLogger): UsageService {
  return {
    quota: () => deps.ledger.status(),
    log: (query: ChannelInput<'usage:log'>) => logger.page(query),
    clientSpend: (query) => clientSpend(deps.db, query.month),
    stats: (query) => usageStats(deps, query?.monthsBack ?? 0),
    reconcile: () => reconcileBalance(deps),
    confirmClock: () => deps.ledger.confirmClock(),
  }
}

/** Per-day spend, cache effectiveness and the projected run-out date, from the audit log. */
async function usageStats(deps: CoreDeps, monthsBack: number): Promise<UsageStats> {
  // The ledger's period and instant, not the raw clock's: a clock set back or a changed cycle
  // day must show the same period the limits are checked against.
  const quota = await deps.ledger.status()
  const now = new Date(quota.clock.countingAt)
  let period = {
    month: quota.month,
    start: new Date(quota.periodStart),
    end: new Date(quota.resetsAt),
  }
  // Periods before this one, by the cycle day set now; each ends where the next began.
  if (monthsBack > 0) {
    const { billingCycleDay } = await deps.settings.get()
    for (let i = 0; i < monthsBack; i++) {
      const before = billingPeriod(new Date(period.start.getTime() - 1), billingCycleDay)
      period = { month: before.month, start: before.start, end: period.start }
    }
  }
  const rows = await sql<{
    day: string
    action: string
    units: number
    saved: number
    hits: number
    calls: number
    milli: number
  }>`
    SELECT substr(created_at, 1, 10) AS day, action,
      sum(CASE WHEN cache_hit = 0 AND provider = 'modash' THEN cost_millicredits ELSE 0 END) AS milli,
      sum(CASE WHEN cache_hit = 0 THEN cost_units ELSE 0 END) AS units,
      sum(saved_units) AS saved,
      sum(cache_hit) AS hits,
      sum(CASE WHEN cache_hit = 0 AND action IN ('search', 'report', 'enrich-start') THEN 1 ELSE 0 END) AS calls
    FROM api_call_logs
    WHERE created_at >= ${period.start.toISOString()} AND created_at < ${period.end.toISOString()}
    GROUP BY day, action`.execute(deps.db)

  const days = new Map<string, UsageStats['daily'][number]>()
  for (
    let t = period.start.getTime();
    t <= now.getTime() && t < period.end.getTime();
    t += DAY_MS
  ) {
    const day = new Date(t).toISOString().slice(0, 10)
    days.set(day, { day, discovery: 0, report: 0, enrichment: 0 })
  }
  const saved = { discovery: 0, report: 0, enrichment: 0 }
  let hits = 0
  let calls = 0
  let milli = 0
  for (const r of rows.rows) {
    const meter = ACTION_METER[r.action]
    hits += r.hits
    calls += r.calls
    milli += r.milli
    if (!meter) continue
    saved[meter] += r.saved
    const day = days.get(r.day)
    if (day) day[meter] += r.units
  }
  const lookups = hits + calls
  return {
    month: period.month,
    daily: [...days.values()],
    cacheHitPerMille: lookups === 0 ? 0 : Math.round((hits * 1000) / lookups),
    cacheHits: hits,
    providerCalls: calls,
    savedDiscoveryResults: saved.discovery,
    savedReports: saved.report,
    savedEnrichments: saved.enrichment,
    projectedExhaustion: monthsBack === 0 ? projectExhaustion(quota, now, period) : null,
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    monthsBack,
    modashMilliCredits: milli,
    savedMilliCredits: saved.discovery * MILLI_PER_RESULT + saved.report * MILLI_PER_REPORT,
  }
}

function projectExhaustion(
  quota: QuotaStatus,
  now: Date,
  period: { start: Date; end: Date },
): UsageStats['projectedExhaustion'] {
  const elapsed = Math.max(now.getTime() - period.start.getTime(), DAY_MS)
  let soonest: UsageStats['projectedExhaustion'] = null
  for (const m of quota.meters) {
    if (m.limit === null || m.used === 0) continue
    const perMs = m.used / elapsed
    const runsOutAt = now.getTime() + Math.max(0, m.limit - m.used) / perMs
    if (runsOutAt >= period.end.getTime()) continue
    if (soonest === null || runsOutAt < Date.parse(soonest.date)) {
      soonest = { meter: m.meter, date: new Date(runsOutAt).toISOString() }
    }
  }
  return soonest
}
