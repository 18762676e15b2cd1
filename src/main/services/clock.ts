/** Injected wherever time matters, so tests can step across the 30-day line and month ends. */
export interface Clock {
  now(): Date
  /**
   * Milliseconds from a clock that only moves forward, at the pace of real time, whatever the
   * computer's date is set to (the process's monotonic clock). The quota ledger checks the wall
   * clock against it to notice a date that leaps while the app runs. Test clocks leave it out:
   * a clock moved by hand is its own truth.
   */
  monotonicMs?(): number
}

export const systemClock: Clock = { now: () => new Date(), monotonicMs: () => performance.now() }

export const DAY_MS = 86_400_000

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString()
}

/** Whole days between two instants, rounded down; never negative. */
export function ageInDays(fromIso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / DAY_MS))
}
