/** Latency summary of one series of samples, in milliseconds. */
export interface Percentiles {
  n: number
  p50: number
  p95: number
  p99: number
  mean: number
  max: number
}

/** Nearest-rank percentiles: with 200 samples, p99 is the second slowest, not an interpolation. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    mean: sorted.length === 0 ? 0 : sum / sorted.length,
    max: sorted[sorted.length - 1] ?? 0,
  }
}

export function median(samples: readonly number[]): number {
  return percentiles(samples).p50
}

/** Milliseconds an async step takes, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

export function timedSync<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

/** Rounds for JSON: enough digits to compare runs, not float noise. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

export function ms(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`
}

export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`
}
