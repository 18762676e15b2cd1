import type { Meter, QuotaStatus } from '../../../shared/domain'
import { formatDate, formatInt } from './format'
import { METER_LABELS, findMeter, meterRemaining } from './quota-level'

/** The "what is left" line every paid confirmation shows next to its cost. */
export function remainingLine(quota: QuotaStatus | null, meter: Meter): string {
  const label = METER_LABELS[meter]
  const m = findMeter(quota, meter)
  if (!quota || !m) return `Remaining ${label.units}: unknown (usage could not be read).`
  const left = meterRemaining(m)
  const line =
    left === null || m.limit === null
      ? `No monthly limit is set for ${label.units}.`
      : `${formatInt(left)} of ${formatInt(m.limit)} ${label.units} left this month (resets ${formatDate(quota.resetsAt)}).`
  // A recent Modash balance can allow less than the local limit: paid calls stop at the lower.
  const covers = meter === 'enrichment' ? null : (quota.balance.covers?.[meter] ?? null)
  if (covers === null || (left !== null && m.limit !== null && covers >= left)) return line
  return `${line} The Modash balance covers only ${formatInt(covers)} ${covers === 1 ? label.unit : label.units}.`
}
