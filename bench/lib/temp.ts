import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A scratch folder per benchmark database, removed when the run ends (or fails). */
export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `creator-desk-bench-${label}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
