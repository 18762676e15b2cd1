/**
 * The billing month a moment falls in, for a cycle that starts on `cycleDay` (1–28, UTC). With
 * cycle day 15, 2026-11-20 and 2026-12-14 are both in "2026-11"; 2026-11-14 is in "2026-10".
 */
export interface BillingPeriod {
  month: string
  start: Date
  end: Date
}

export function billingPeriod(at: Date, cycleDay: number): BillingPeriod {
  if (!Number.isInteger(cycleDay) || cycleDay < 1 || cycleDay > 28) {
    throw new RangeError('cycleDay must be an integer from 1 to 28')
  }
  let year = at.getUTCFullYear()
  let month = at.getUTCMonth()
  if (at.getUTCDate() < cycleDay) {
    month -= 1
    if (month < 0) {
      month = 11
      year -= 1
    }
  }
  const start = new Date(Date.UTC(year, month, cycleDay))
  const end = new Date(Date.UTC(year, month + 1, cycleDay))
  return { month: `${year}-${String(month + 1).padStart(2, '0')}`, start, end }
}
