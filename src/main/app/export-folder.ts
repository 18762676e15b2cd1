import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ChooseExportPath } from '../export/csv-export'

/** Where exports go when there is no save dialog to ask (the browser preview): a fixed folder. */
export function exportFolder(dir: string): ChooseExportPath {
  return async (suggestedName) => {
    await mkdir(dir, { recursive: true })
    return join(dir, suggestedName)
  }
}
