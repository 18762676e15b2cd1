/**
 * A small seeded generator (mulberry32) so the sandbox dataset is identical for the same seed on
 * every machine and Node version; `Math.random` cannot be seeded.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number
  /** Uniform float in [min, max). */
  float(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** `count` distinct items in random order (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[]
  /** Standard normal (mean 0, sd 1). */
  normal(): number
  /** exp(N(mu, sigma)): the shape of follower counts and view counts. */
  logNormal(mu: number, sigma: number): number
  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list')
    return items[int(0, items.length - 1)] as T
  }
  const normal = (): number => {
    // Box–Muller; 1 - next() keeps the logarithm away from zero.
    const u = 1 - next()
    const v = next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      if (!(total > 0)) throw new RangeError('weights must sum to a positive number')
      let roll = next() * total
      for (const [item, w] of items) {
        roll -= w
        if (roll < 0) return item
      }
      return (items[items.length - 1] as readonly [T, number])[0]
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items]
      const out: T[] = []
      while (out.length < count && pool.length > 0) {
        out.push(pool.splice(int(0, pool.length - 1), 1)[0] as T)
      }
      return out
    },
    normal,
    logNormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    chars(alphabet, length) {
      // Joined once: `+=` in a loop leaves a rope of one-character strings per id.
      const codes: number[] = []
      for (let i = 0; i < length; i++) codes.push(alphabet.charCodeAt(int(0, alphabet.length - 1)))
      return String.fromCharCode(...codes)
    },
  }
}

/** Mixes a label into a seed so each platform gets its own independent stream. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0
  }
  return (h ^ (h >>> 16)) >>> 0
}
