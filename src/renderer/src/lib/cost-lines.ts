import type { Meter, QuotaStatus } from '../../../shared/domain'
import { formatDate, formatInt } from './format'
import { METER_LABELS, findMeter, meterRemaining } from './quota-level'

/** The "what is left" line every paid confirmation shows next to its cost. */
export function remainingLine(quota: QuotaStatus | null, meter: Meter): string {
  const label = METER_LABELS[meter]
  const m = findMeter(quota, meter)
  if (!quota || !m) return `Remaining ${label.units}: unknown (usage could not be read).`
  const left = meterRemaining(m)
  if (left === null || m.limit === null) return `No monthly limit is set for ${label.units}.`
  return `${formatInt(left)} of ${formatInt(m.limit)} ${label.units} left this month (resets ${formatDate(quota.resetsAt)}).`
}
