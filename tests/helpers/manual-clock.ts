import type { Clock } from '../../src/main/services/clock'
import { DAY_MS } from '../../src/main/services/clock'

/** A clock tests move by hand, across the 30-day line or a month end. */
export class ManualClock implements Clock {
  private t: number
  constructor(iso = '2026-11-10T12:00:00.000Z') {
    this.t = Date.parse(iso)
  }
  now(): Date {
    return new Date(this.t)
  }
  set(iso: string): void {
    this.t = Date.parse(iso)
  }
  advanceDays(days: number): void {
    this.t += days * DAY_MS
  }
  advanceMs(ms: number): void {
    this.t += ms
  }
}
