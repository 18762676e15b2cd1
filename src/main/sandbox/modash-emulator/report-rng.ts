import type { SandboxCreator } from '../dataset/generate-dataset'
import { createRng, deriveSeed } from '../dataset/prng'
import type { Rng } from '../dataset/prng'

/**
 * A generator for report-only figures (likers, audience types, reachability), seeded by the
 * creator and a label: the same creator always gets the same report, and adding a figure never
 * moves the dataset's own draws.
 */
export function reportRng(c: SandboxCreator, label: string): Rng {
  return createRng(deriveSeed(0, `${c.platform}:${c.userId}:${label}`))
}
