import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SCALE } from './scale'

/**
 * Each part reports what it did (requests fired, crashes survived, …). With
 * `RELIABILITY_FIGURES_DIR` set, the figures are written there as JSON for the README section;
 * otherwise they are dropped, so CI output stays quiet.
 */
export function recordFigures(part: string, figures: Record<string, number | string>): void {
  const dir = process.env.RELIABILITY_FIGURES_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, `${part}.json`),
    `${JSON.stringify({ part, scale: SCALE, ...figures }, null, 2)}\n`,
  )
}
