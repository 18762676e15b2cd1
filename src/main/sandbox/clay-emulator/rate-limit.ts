import type { ClayRateLimit } from './types'

/** A token bucket per API key: `burst` requests at once, refilled at `perSecond`. */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly limit: ClayRateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1))
      throw new RangeError('rateLimit needs perSecond > 0 and burst >= 1')
  }

  /** Null when the request may go ahead; otherwise the whole seconds to wait (at least 1). */
  take(apiKey: string): number | null {
    const now = this.now()
    const bucket = this.buckets.get(apiKey) ?? { tokens: this.limit.burst, at: now }
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    )
    bucket.at = now
    this.buckets.set(apiKey, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return null
    }
    // Retry-After is whole seconds, so round up: a client that waits that long gets in.
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond))
  }
}
