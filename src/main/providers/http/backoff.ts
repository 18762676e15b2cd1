export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Delay before the first retry; doubled each time (Modash recommends 1 s, 2 s, 4 s…). */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 }

/** Delay before retry number `retry` (1-based), honouring a server's `Retry-After` when given. */
export function backoffDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | null,
): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxDelayMs)
  return Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs)
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds; null when absent or bad. */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs)
}
