import type { BenchDatabases } from './bench-db'

/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** Small sizes: proves every benchmark runs, in well under a minute; figures are indicative. */
  quick: boolean
  log: (message: string) => void
  databases: BenchDatabases
}
