/**
 * Where an export goes, and what happens when a file of that name is already there. Nothing is
 * ever replaced unless a person chose to replace it.
 */
export interface ExportTarget {
  path: string
  /**
   * `replace`: the user picked this very file in the save dialog and confirmed replacing it.
   * `keep-both`: nobody was asked (the preview's export folder), so an existing file is left
   * alone and the export gets the next free name, `name (2).csv`.
   */
  ifExists: 'replace' | 'keep-both'
}
