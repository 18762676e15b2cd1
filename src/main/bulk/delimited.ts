/**
 * CSV (RFC 4180, as spreadsheets write it) and TSV, read from the text's physical lines so every
 * record keeps the line it starts on: the user is told "line 14 is not a handle", and a quoted
 * cell that spans lines still counts as one record.
 */
export interface DelimitedRecord {
  /** 1-based line the record starts on. */
  line: number
  cells: string[]
}

export interface DelimitedText {
  records: DelimitedRecord[]
  /** A quote opened and never closed: the record from that line to the end was read as is. */
  unclosedQuoteAt: number | null
}

export function readDelimited(lines: readonly string[], delimiter: ',' | '\t'): DelimitedText {
  const records: DelimitedRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let startLine = 0
  let started = false

  const endRecord = () => {
    cells.push(cell)
    // A blank line is no record; neither is a row of empty cells a spreadsheet padded.
    if (cells.some((c) => c.trim() !== '')) records.push({ line: startLine, cells })
    cells = []
    cell = ''
    started = false
  }

  lines.forEach((rawLine, index) => {
    const text = (index === 0 ? rawLine.replace(/^\uFEFF/, '') : rawLine).replace(/\r$/, '')
    if (!started) {
      startLine = index + 1
      started = true
    } else if (quoted) {
      // Still inside a quoted cell: the line break belongs to the cell.
      cell += '\n'
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i++
          } else quoted = false
        } else cell += ch
      } else if (ch === '"' && cell.trim() === '') {
        // A quote opens a cell only at its start (spaces before it are dropped, as Excel does).
        cell = ''
        quoted = true
      } else if (ch === delimiter) {
        cells.push(cell)
        cell = ''
      } else cell += ch
    }
    if (!quoted) endRecord()
  })
  const unclosedQuoteAt = quoted ? startLine : null
  if (started) endRecord()
  return { records, unclosedQuoteAt }
}
