import type { Clock } from '../../src/main/services/clock'

/** A clock the replay moves to each action's moment; the app reads it like the system clock. */
export class SettableClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t)
  }
  set(ms: number): void {
    this.t = ms
  }
}
