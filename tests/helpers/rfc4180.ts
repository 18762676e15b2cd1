/**
 * The tests' one RFC 4180 reader, written independently of csv-stringify so an export is checked
 * by something that did not produce it. Strict: CRLF record ends (the last one too), quotes only
 * around whole fields, nothing after a closing quote but a comma or the record's end. Quoted
 * fields may hold commas, doubled quotes, CR, LF and CRLF.
 */
export interface ParseCsvOptions {
  /**
   * The text starts with a UTF-8 byte order mark, which is checked and dropped. Without this, a
   * BOM is read as part of the first field.
   */
  bom?: boolean
}

export function parseCsv(input: string, options: ParseCsvOptions = {}): string[][] {
  if (options.bom === true && !input.startsWith('\uFEFF')) throw new Error('no byte order mark')
  const text = options.bom === true ? input.slice(1) : input
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  let fieldStart = true
  while (i < text.length) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
      } else if (ch === '"') {
        quoted = false
        i += 1
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') {
          throw new Error(`character after closing quote at ${i}`)
        }
      } else {
        field += ch
        i += 1
      }
      continue
    }
    if (ch === '"' && fieldStart) {
      quoted = true
      fieldStart = false
      i += 1
    } else if (ch === '"') {
      throw new Error(`bare quote in unquoted field at ${i}`)
    } else if (ch === ',') {
      record.push(field)
      field = ''
      fieldStart = true
      i += 1
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      fieldStart = true
      i += 2
    } else if (ch === '\n' || ch === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`)
    } else {
      field += ch
      fieldStart = false
      i += 1
    }
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (!fieldStart || field !== '' || record.length > 0) {
    throw new Error('last record does not end with CRLF')
  }
  return records
}
