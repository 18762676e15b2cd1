import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ChooseExportPath } from '../export/csv-export'

/**
 * Where exports go when there is no save dialog to ask (the browser preview): a fixed folder.
 * Nobody is asked about replacing a file there, so nothing is replaced: two lists whose names
 * slug alike ("Q4 Launch", "q4/launch!!") end up side by side as "… (2).csv".
 */
export function exportFolder(dir: string): ChooseExportPath {
  return async (suggestedName) => {
    await mkdir(dir, { recursive: true })
    return { path: join(dir, basename(suggestedName)), ifExists: 'keep-both' }
  }
}
