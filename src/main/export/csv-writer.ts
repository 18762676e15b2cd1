import type { OutreachRow } from '../../shared/domain'
import { BOM, exportField, exportRecord } from './csv-text'
import { writeExclusively } from './exclusive-file'
import type { ExportTarget } from './export-target'
import { OUTREACH_COLUMNS } from './outreach-columns'
import type { OutreachColumn } from './outreach-columns'

const CHUNK_CHARS = 64 * 1024

export interface CsvWriteOptions {
  /** A UTF-8 byte order mark, so Excel on Windows reads accents and emoji correctly. */
  bom?: boolean
}

export interface CsvWritten {
  /** Where the file ended up: the chosen path, or `name (2).csv` beside an existing one. */
  path: string
  rows: number
}

/**
 * Streams the rows into an RFC 4180 file (CRLF, quotes only where needed, UTF-8). Rows are pulled
 * from `rows` only as fast as the disk takes them, so an export of any size holds a few pages in
 * memory; the file is written as every export is (`writeExclusively`).
 */
export async function writeOutreachCsv(
  rows: AsyncIterable<OutreachRow>,
  target: ExportTarget,
  options: CsvWriteOptions = {},
): Promise<CsvWritten> {
  let written = 0
  // Records go out in chunks of about 64 KB: one write per chunk, not a stream step per record.
  async function* text(): AsyncGenerator<string> {
    let records = [(options.bom ? BOM : '') + exportRecord(OUTREACH_COLUMNS.map((c) => c.header))]
    let size = 0
    // One array for every row's cells: an export of 100,000 rows makes no garbage per row here.
    const cells = new Array<string>(OUTREACH_COLUMNS.length)
    for await (const row of rows) {
      written += 1
      // Each cell of text: direction controls stripped, formulas made inert, quoted
      // (`csv-text.ts`); our own numbers and dates go as they are.
      for (let i = 0; i < cells.length; i++) {
        const column = OUTREACH_COLUMNS[i] as OutreachColumn
        const cell = column.cell(row)
        cells[i] = column.ours ? cell : exportField(cell)
      }
      const record = `${cells.join(',')}\r\n`
      records.push(record)
      size += record.length
      if (size >= CHUNK_CHARS) {
        yield records.join('')
        records = []
        size = 0
      }
    }
    yield records.join('')
  }
  const path = await writeExclusively(target, text())
  return { path, rows: written }
}
