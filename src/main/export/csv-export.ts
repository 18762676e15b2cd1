import type { ChannelInput } from '../../shared/ipc-contract'
import type { ExportResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { Core } from '../services/core-types'
import { writeOutreachCsv } from './csv-writer'
import type { ExportTarget } from './export-target'

/**
 * Asks where to save (Electron's save dialog, or a fixed folder in the preview), and whether an
 * existing file there may be replaced; null = cancel.
 */
export type ChooseExportPath = (suggestedName: string) => Promise<ExportTarget | null>

export interface CsvExportDeps {
  core: Pick<Core, 'creators' | 'lists'>
  choosePath: ChooseExportPath
  now: () => Date
}

/** The `export:csv` handler: name the file, ask where, stream the cached rows into it. */
export function createCsvExport(deps: CsvExportDeps) {
  return async (input: ChannelInput<'export:csv'>): Promise<ExportResult | null> => {
    let label = 'selection'
    if ('listId' in input) {
      const list = (await deps.core.lists.list()).find((l) => l.id === input.listId)
      // Checked before the dialog so the user is not asked where to save a list that is gone.
      if (!list) throw new AppError('NOT_FOUND', 'That list no longer exists.')
      label = list.name
    }
    const target = await deps.choosePath(suggestedFileName(label, deps.now()))
    if (target === null) return null
    const query = 'listId' in input ? { listId: input.listId } : { creatorIds: input.creatorIds }
    return writeOutreachCsv(deps.core.creators.outreachRows(query), target, {
      // On by default: without it Excel reads UTF-8 names ("—", accents) as garbage.
      bom: input.bom ?? true,
    })
  }
}

export function suggestedFileName(label: string, now: Date): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'export'
  return `creator-desk-${slug}-${now.toISOString().slice(0, 10)}.csv`
}
