/**
 * Spaces calls to at most `perSecond` starts a second (Modash: ~2 rps for search and report).
 * Callers await `acquire()` before each request; slots are handed out in call order.
 */
export class RateLimiter {
  private readonly intervalMs: number
  private nextSlot = 0

  constructor(
    perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(perSecond > 0)) throw new RangeError('perSecond must be positive')
    this.intervalMs = 1000 / perSecond
  }

  async acquire(): Promise<void> {
    const now = this.now()
    const slot = Math.max(now, this.nextSlot)
    this.nextSlot = slot + this.intervalMs
    const wait = slot - now
    if (wait > 0) await sleep(wait)
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
