import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import type { OutreachRow } from '../../shared/domain'
import { neutraliseFormula } from './formula-guard'
import { OUTREACH_COLUMNS } from './outreach-columns'

export interface CsvWriteOptions {
  /** A UTF-8 byte order mark, so Excel on Windows reads accents and emoji correctly. */
  bom?: boolean
}

/** Where rows go while the export runs; renamed onto the chosen path only once complete. */
export function partialPath(path: string): string {
  return `${path}.part`
}

/**
 * Streams the rows into an RFC 4180 file (CRLF, quotes only where needed, UTF-8). Rows are pulled
 * from `rows` only as fast as the disk takes them, so an export of any size holds a few pages in
 * memory. A failed export leaves no half-written file behind. Resolves with the row count.
 */
export async function writeOutreachCsv(
  rows: AsyncIterable<OutreachRow>,
  path: string,
  options: CsvWriteOptions = {},
): Promise<number> {
  let written = 0
  async function* records(): AsyncGenerator<string[]> {
    yield OUTREACH_COLUMNS.map((column) => column.header)
    for await (const row of rows) {
      written += 1
      yield OUTREACH_COLUMNS.map((column) => neutraliseFormula(column.cell(row)))
    }
  }
  const partial = partialPath(path)
  try {
    await pipeline(
      Readable.from(records()),
      stringify({
        bom: options.bom ?? false,
        record_delimiter: '\r\n',
        // With an explicit delimiter csv-stringify only quotes fields containing "\r\n" itself;
        // a lone CR or LF in a note would then break the record apart in other readers.
        quote_record_delimiter: true,
        eof: true,
      }),
      // Contact data: readable by the user only until they choose to share the file.
      createWriteStream(partial, { mode: 0o600 }),
    )
    await rename(partial, path)
  } catch (err) {
    await rm(partial, { force: true })
    throw err
  }
  return written
}
