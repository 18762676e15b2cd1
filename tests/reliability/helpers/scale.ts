/**
 * How hard the reliability suite pushes. `RELIABILITY_SCALE=full` (`npm run test:reliability`) is
 * the run whose figures the README reports; the default, `ci`, runs every part smaller so the
 * whole suite stays within a minute on a small CI machine.
 */
export type ReliabilityScale = 'ci' | 'full'

export const SCALE: ReliabilityScale = process.env.RELIABILITY_SCALE === 'full' ? 'full' : 'ci'

const SIZES = {
  ci: {
    loadRounds: 3,
    loadRequestsPerRound: 240,
    crashRuns: 12,
    fuzzRunsPerChannel: 60,
    testTimeoutMs: 60_000,
  },
  full: {
    loadRounds: 20,
    loadRequestsPerRound: 1000,
    crashRuns: 120,
    fuzzRunsPerChannel: 1500,
    testTimeoutMs: 480_000,
  },
} as const

export const SIZE = SIZES[SCALE]
