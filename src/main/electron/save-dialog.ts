import { join } from 'node:path'
import { dialog } from 'electron'
import type { BrowserWindow, SaveDialogOptions } from 'electron'
import type { ChooseExportPath } from '../export/csv-export'

/** The export destination, asked with the system's save dialog over our window. */
export function saveDialogChooser(options: {
  window: () => BrowserWindow | null
  defaultDir: () => string
}): ChooseExportPath {
  return async (suggestedName) => {
    const dialogOptions: SaveDialogOptions = {
      title: 'Export to CSV',
      defaultPath: join(options.defaultDir(), suggestedName),
      filters: [{ name: 'CSV (comma-separated)', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const window = options.window()
    const result = window
      ? await dialog.showSaveDialog(window, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions)
    // The dialog asked before letting the user pick an existing file (showOverwriteConfirmation),
    // so replacing it is the user's choice; the writer still never writes through a link there.
    return result.canceled || !result.filePath
      ? null
      : { path: result.filePath, ifExists: 'replace' }
  }
}
