import { describe, expect, it } from 'vitest'
import { billingPeriod } from '../../../src/main/services/billing-period'

describe('billingPeriod', () => {
  it('uses calendar months with the default cycle day', () => {
    const p = billingPeriod(new Date('2026-11-24T10:00:00Z'), 1)
    expect(p.month).toBe('2026-11')
    expect(p.start.toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(p.end.toISOString()).toBe('2026-12-01T00:00:00.000Z')
  })

  it('starts the period on the cycle day and rolls back before it', () => {
    expect(billingPeriod(new Date('2026-11-20T00:00:00Z'), 15).month).toBe('2026-11')
    expect(billingPeriod(new Date('2026-12-14T23:59:59Z'), 15).month).toBe('2026-11')
    expect(billingPeriod(new Date('2026-11-14T23:59:59Z'), 15).month).toBe('2026-10')
    expect(billingPeriod(new Date('2026-11-15T00:00:00Z'), 15).start.toISOString()).toBe(
      '2026-11-15T00:00:00.000Z',
    )
  })

  it('crosses the year boundary', () => {
    const p = billingPeriod(new Date('2027-01-03T00:00:00Z'), 10)
    expect(p.month).toBe('2026-12')
    expect(p.end.toISOString()).toBe('2027-01-10T00:00:00.000Z')
  })

  it('refuses a cycle day outside 1..28', () => {
    for (const day of [0, 29, 31, 1.5, Number.NaN]) {
      expect(() => billingPeriod(new Date(), day)).toThrow(RangeError)
    }
  })
})
