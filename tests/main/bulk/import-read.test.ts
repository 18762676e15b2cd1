import { describe, expect, it } from 'vitest'
import { readDelimited } from '../../../src/main/bulk/delimited'
import { readImport } from '../../../src/main/bulk/import-read'

/** Lines as the renderer sends them: the text split at its line breaks. */
const lines = (text: string) => text.split(/\r?\n/)

describe('CSV and TSV records', () => {
  it('keeps the line each record starts on, across quoted line breaks and blank lines', () => {
    const text =
      'name,handle\r\n"Doe, Jane","@jane.doe"\r\n\r\n"Sam\nBaker",@sam.bakes\r\n"She said ""hi""",x'
    expect(readDelimited(lines(text), ',')).toEqual({
      records: [
        { line: 1, cells: ['name', 'handle'] },
        { line: 2, cells: ['Doe, Jane', '@jane.doe'] },
        { line: 4, cells: ['Sam\nBaker', '@sam.bakes'] },
        { line: 6, cells: ['She said "hi"', 'x'] },
      ],
      unclosedQuoteAt: null,
    })
  })

  it('drops a byte order mark and reads tabs', () => {
    expect(readDelimited(['\uFEFFhandle\tfollowers', '@a\t10'], '\t').records).toEqual([
      { line: 1, cells: ['handle', 'followers'] },
      { line: 2, cells: ['@a', '10'] },
    ])
  })

  it('says where a quote was opened and never closed', () => {
    const read = readDelimited(['handle', '"@jane', '@sam'], ',')
    expect(read.unclosedQuoteAt).toBe(2)
    expect(read.records.at(-1)).toEqual({ line: 2, cells: ['@jane\n@sam'] })
  })
})

describe('reading an import', () => {
  it('reads a pasted list: one or several values a line, repeats marked, line numbers kept', () => {
    const read = readImport({
      lines: lines('@jane.doe\n\n@sam.bakes, @lee\n@a @b\nJane Doe\n@JANE.DOE'),
      format: 'lines',
      platform: 'instagram',
    })
    expect(read.columns).toBeNull()
    expect(
      read.values.map((v) => [v.line, v.parsed.ok ? v.parsed.handle : 'invalid', v.duplicateOf]),
    ).toEqual([
      [1, 'jane.doe', null],
      [3, 'sam.bakes', null],
      [3, 'lee', null],
      [4, 'a', null],
      [4, 'b', null],
      [5, 'invalid', null],
      [6, 'jane.doe', 1],
    ])
  })

  it('finds the handle column from its header, and reads the rows below it', () => {
    const read = readImport({
      lines: lines('Name,Country,Instagram URL\nJane,FR,https://instagram.com/jane.doe\nSam,DE,'),
      format: 'csv',
      platform: 'tiktok',
    })
    expect(read.columns).toEqual(['Name', 'Country', 'Instagram URL'])
    expect(read.column).toBe(2)
    expect(read.values).toHaveLength(1)
    expect(read.values[0]).toMatchObject({
      line: 2,
      parsed: { ok: true, platform: 'instagram', handle: 'jane.doe' },
    })
  })

  it('without a header, picks the column that reads as links or @handles', () => {
    const read = readImport({
      lines: lines(
        'Jane Doe\t@jane.doe\tParis\nSam Baker\thttps://www.tiktok.com/@sam.bakes\tBerlin',
      ),
      format: 'tsv',
      platform: 'instagram',
    })
    expect(read.columns).toEqual(['Column 1', 'Column 2', 'Column 3'])
    expect(read.column).toBe(1)
    expect(read.values.map((v) => v.parsed.ok && v.parsed.handle)).toEqual([
      'jane.doe',
      'sam.bakes',
    ])
  })

  it('reads the column the user chose, header or not', () => {
    const read = readImport({
      lines: lines('a,b\n@one,@two'),
      format: 'csv',
      column: 1,
      header: false,
      platform: 'instagram',
    })
    expect(read.values.map((v) => [v.line, v.parsed.ok && v.parsed.handle])).toEqual([
      [1, 'b'],
      [2, 'two'],
    ])
  })
})
