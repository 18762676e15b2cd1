import type { BULK_CHANNELS } from '../../shared/bulk-contract'
import type { ExportResult } from '../../shared/domain'
import type { ChooseExportPath } from '../export/csv-export'
import { suggestedFileName } from '../export/csv-export'
import type { Handlers } from '../ipc/dispatch'
import type { Core } from '../services/core-types'
import type { CsvTable } from './table-csv'
import { writeTableCsv } from './table-csv'

type BulkHandlers = Pick<Handlers, keyof typeof BULK_CHANNELS>

/** The bulk-work channels, routed onto the core; the exports ask the shell where to save. */
export function bulkHandlers(deps: {
  core: Pick<Core, 'bulk'>
  choosePath: ChooseExportPath
  now: () => Date
}): BulkHandlers {
  const { bulk } = deps.core
  async function exportTable(
    label: string,
    table: CsvTable,
    bom: boolean | undefined,
  ): Promise<ExportResult | null> {
    const target = await deps.choosePath(suggestedFileName(label, deps.now()))
    if (target === null) return null
    return writeTableCsv(table, target, { bom: bom ?? false })
  }
  return {
    'bulk:check': (input) => bulk.check(input),
    'bulk:preview': (input) => bulk.preview(input),
    'bulk:start': (input) => bulk.start(input),
    'jobs:status': () => bulk.status(),
    'jobs:items': (input) => bulk.items(input),
    'jobs:control': (input) => bulk.control(input),
    'searches:history': (input) => bulk.history(input),
    'searches:open': (input) => bulk.open(input),
    'searches:save': (input) => bulk.save(input),
    'searches:saved': (input) => bulk.saved(input),
    'searches:forget': (input) => bulk.forget(input),
    'refresh:plan': (input) => bulk.refreshPlan(input),
    'refresh:start': (input) => bulk.refreshStart(input),
    'export:audit-csv': async (input) => {
      // The table is built (and its dates checked) before the save dialog asks anything; awaited,
      // so a core without a database refuses here too.
      const table = await Promise.resolve(bulk.auditTable(input))
      const span = input.from || input.to ? ` ${input.from ?? 'start'} to ${input.to ?? 'now'}` : ''
      return exportTable(`audit log${span}`, table, input.bom)
    },
    'export:usage-csv': async (input) =>
      exportTable('monthly usage', await Promise.resolve(bulk.usageTable()), input.bom),
    'export:client-spend-csv': async (input) =>
      exportTable(
        `spend by client ${input.month}`,
        await Promise.resolve(bulk.clientSpendTable(input)),
        input.bom,
      ),
  }
}
