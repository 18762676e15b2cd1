import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { csvField, exportField, exportRecord } from '../../../src/main/export/csv-text'
import { neutraliseFormula } from '../../../src/main/export/formula-guard'
import { safeText } from '../../../src/shared/safe-text'

/** What the export wrote before (csv-stringify with these options): the reference. */
function reference(cells: string[]): string {
  return stringify([cells.map((c) => neutraliseFormula(safeText(c)))], {
    record_delimiter: '\r\n',
    quote_record_delimiter: true,
    eof: true,
  })
}

/** Deterministic text mixing the characters that matter with ordinary ones. */
function* cellsOf(seed: number): Generator<string[]> {
  const alphabet = [
    'a',
    'Z',
    ' ',
    ',',
    '"',
    '\r',
    '\n',
    '=',
    '+',
    '-',
    '@',
    '\t',
    'é',
    '🌸',
    '\u202E',
    '\u2066',
    '\uFF1D',
    ';',
    "'",
  ]
  let x = seed
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31)
  for (let r = 0; r < 2000; r++) {
    const cells: string[] = []
    for (let c = 0; c < 5; c++) {
      let cell = ''
      for (let k = next() % 6; k > 0; k--) cell += alphabet[next() % alphabet.length]
      cells.push(cell)
    }
    yield cells
  }
}

describe('CSV text', () => {
  it('quotes only fields with a comma, a quote, CR or LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('')).toBe('')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('lone\rcr')).toBe('"lone\rcr"')
  })

  it('strips direction controls before making a formula inert, then quotes', () => {
    expect(exportField('\u202E=1+1')).toBe("'=1+1")
    expect(exportField('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`)
    expect(exportField('\tx')).toBe("'\tx")
    expect(exportField('\rx')).toBe(`"'\rx"`)
    expect(exportRecord(['a', '', 'b,c'])).toBe('a,,"b,c"\r\n')
  })

  it('writes exactly what the CSV library wrote, for every mix of special characters', () => {
    for (const cells of cellsOf(7)) expect(exportRecord(cells)).toBe(reference(cells))
  })
})
