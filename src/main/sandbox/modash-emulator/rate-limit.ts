import type { ModashRateLimit } from './types'

export type RateClass = 'search' | 'report' | 'users'

export const DEFAULT_RATES: Record<RateClass, number> = { search: 2, report: 2, users: 10 }

/**
 * A token bucket per API token and route class (Modash limits search and report by plan tier and
 * `/users` at a fixed 10 rps; dictionaries and user info are unlimited). The bucket starts full
 * so a client pacing itself at exactly the rate is not refused for network jitter.
 */
export class TokenRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly rates: Record<RateClass, number>
  private readonly burst: number | undefined

  constructor(
    limit: ModashRateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.rates = {
      search: limit.searchPerSecond ?? DEFAULT_RATES.search,
      report: limit.reportPerSecond ?? DEFAULT_RATES.report,
      users: limit.usersPerSecond ?? DEFAULT_RATES.users,
    }
    this.burst = limit.burst
    for (const rate of Object.values(this.rates))
      if (!(rate > 0)) throw new RangeError('rate limits must be positive')
    if (this.burst !== undefined && !(this.burst >= 1)) throw new RangeError('burst must be >= 1')
  }

  rate(cls: RateClass): number {
    return this.rates[cls]
  }

  /** True when the request may go ahead (and uses up a token). */
  take(token: string, cls: RateClass): boolean {
    const rate = this.rates[cls]
    const capacity = this.burst ?? Math.max(1, Math.ceil(rate))
    const key = `${cls}:${token}`
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}
