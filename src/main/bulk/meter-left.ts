import type { MeterLeft } from '../../shared/bulk'
import type { QuotaStatus } from '../../shared/domain'

/** What is left of each monthly limit now: the limit less what was used and what calls in flight hold. */
export function meterLeft(quota: QuotaStatus): MeterLeft {
  const left = (meter: 'discovery' | 'report' | 'enrichment') => {
    const m = quota.meters.find((x) => x.meter === meter)
    if (!m || m.limit === null) return null
    return Math.max(0, m.limit - m.used - m.reserved)
  }
  return { report: left('report'), enrichment: left('enrichment'), discovery: left('discovery') }
}
