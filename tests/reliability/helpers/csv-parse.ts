/**
 * A small RFC 4180 reader, written here so the export is checked by something other than the
 * library that wrote it: quoted fields, doubled quotes, CR, LF and CRLF inside quotes, a BOM.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  while (i < input.length) {
    const ch = input[i] as string
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (ch === '"') {
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"') {
      if (field !== '')
        throw new SyntaxError(`a quote inside an unquoted field, row ${rows.length}`)
      quoted = true
      i++
    } else if (ch === ',') {
      endField()
      i++
    } else if (ch === '\r' && input[i + 1] === '\n') {
      endRow()
      i += 2
    } else if (ch === '\r' || ch === '\n') {
      throw new SyntaxError(`a bare line break outside quotes, row ${rows.length}`)
    } else {
      field += ch
      i++
    }
  }
  if (quoted) throw new SyntaxError('the file ends inside a quoted field')
  if (field !== '' || row.length > 0) endRow()
  return rows
}
