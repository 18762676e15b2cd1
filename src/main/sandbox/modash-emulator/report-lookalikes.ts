import type { SandboxCreator } from '../dataset/generate-dataset'
import type { DatasetIndex } from './dataset-index'

/** How many lookalikes a report lists; live reports carry a handful. */
export const REPORT_LOOKALIKES = 3

/**
 * Creators like this one for the report's `lookalikes`: same platform and niche, nearest in
 * audience size (on a log scale, so 10k is as near 20k as 1M is to 2M), ties by id so the list
 * never changes between calls.
 */
export function lookalikesOf(index: DatasetIndex, c: SandboxCreator): SandboxCreator[] {
  const size = Math.log(c.followers)
  return index
    .creators(c.platform)
    .filter((x) => x !== c && x.niche === c.niche)
    .map((x) => ({ x, d: Math.abs(Math.log(x.followers) - size) }))
    .sort((a, b) => a.d - b.d || (a.x.userId < b.x.userId ? -1 : 1))
    .slice(0, REPORT_LOOKALIKES)
    .map(({ x }) => x)
}
