/**
 * Spreadsheet apps run a cell that starts with one of these as a formula (or DDE command), and
 * creator names, bios and notes come from strangers. A leading apostrophe makes the cell text
 * in Excel, LibreOffice and Google Sheets (OWASP "CSV injection"). The full-width forms are
 * there because Apple Numbers normalises them into the ASCII ones.
 */
const FORMULA_TRIGGERS = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
])

export function neutraliseFormula(cell: string): string {
  return cell.length > 0 && FORMULA_TRIGGERS.has(cell[0] as string) ? `'${cell}` : cell
}
