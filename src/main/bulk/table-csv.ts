import { rm } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import { openTempBeside, placeBeside, placeReplacing } from '../export/exclusive-file'
import type { ExportTarget } from '../export/export-target'
import { neutraliseFormula } from '../export/formula-guard'

/** A CSV table: the header, then rows pulled as the disk takes them. */
export interface CsvTable {
  header: string[]
  rows: AsyncIterable<string[]>
}

/**
 * Writes a table as the outreach export writes its rows (`export/csv-writer.ts`): RFC 4180 with
 * CRLF, formula cells neutralised, into an exclusive temp file moved into place only once
 * complete, so a failed export leaves nothing half written.
 */
export async function writeTableCsv(
  table: CsvTable,
  target: ExportTarget,
  options: { bom?: boolean } = {},
): Promise<{ path: string; rows: number }> {
  let written = 0
  async function* records(): AsyncGenerator<string[]> {
    yield table.header
    for await (const row of table.rows) {
      written += 1
      yield row.map(neutraliseFormula)
    }
  }
  const { tempPath, stream } = await openTempBeside(target.path)
  try {
    await pipeline(
      Readable.from(records()),
      stringify({
        bom: options.bom ?? false,
        record_delimiter: '\r\n',
        quote_record_delimiter: true,
        eof: true,
      }),
      stream,
    )
    const path =
      target.ifExists === 'replace'
        ? await placeReplacing(tempPath, target.path)
        : await placeBeside(tempPath, target.path)
    return { path, rows: written }
  } catch (err) {
    await rm(tempPath, { force: true })
    throw err
  }
}

/** Milli-credits as credits with three decimals, in integer arithmetic: "12.340". */
export function creditsText(milliCredits: number): string {
  const sign = milliCredits < 0 ? '-' : ''
  const abs = Math.abs(milliCredits)
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`
}
