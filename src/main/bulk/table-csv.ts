import { BOM, exportRecord } from '../export/csv-text'
import { writeExclusively } from '../export/exclusive-file'
import type { ExportTarget } from '../export/export-target'

/** A CSV table: the header, then rows pulled as the disk takes them. */
export interface CsvTable {
  header: string[]
  rows: AsyncIterable<string[]>
}

/**
 * Writes a table as the outreach export writes its rows (`export/csv-writer.ts`): RFC 4180 with
 * CRLF, each cell through the same guard (direction controls stripped, formulas made inert),
 * written the way every export is (`writeExclusively`), so a failed export leaves nothing half
 * written.
 */
export async function writeTableCsv(
  table: CsvTable,
  target: ExportTarget,
  options: { bom?: boolean } = {},
): Promise<{ path: string; rows: number }> {
  let written = 0
  async function* text(): AsyncGenerator<string> {
    yield (options.bom ? BOM : '') + exportRecord(table.header)
    for await (const row of table.rows) {
      written += 1
      yield exportRecord(row)
    }
  }
  const path = await writeExclusively(target, text())
  return { path, rows: written }
}

/** Milli-credits as credits with three decimals, in integer arithmetic: "12.340". */
export function creditsText(milliCredits: number): string {
  const sign = milliCredits < 0 ? '-' : ''
  const abs = Math.abs(milliCredits)
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`
}
