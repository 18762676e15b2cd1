/** What the crash test and the process it kills agree on. */
export interface CrashChildConfig {
  dataDir: string
  modashBaseUrl: string
  clayBaseUrl: string
  modashToken: string
  clayKey: string
  routine: string
  seed: number
  /** The child's clock: fixed, so every run counts into the same billing month. */
  now: string
}

/** Creators per bulk batch: one batch is one transaction, so it is all there or not at all. */
export const BULK_SIZE = 1000
export const BULK_BATCHES = 12
export const BULK_PREFIX = 'bulk-'
