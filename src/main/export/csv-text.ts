import { safeText } from '../../shared/safe-text'
import { neutraliseFormula } from './formula-guard'

/**
 * CSV text as RFC 4180 writes it, for exports of any length: a field is quoted only when it
 * holds a comma, a double quote, a CR or an LF (a lone CR or LF too, which some readers take as
 * the end of a record), and quotes inside it are doubled. Records end with CRLF, the last one
 * included. Written by hand rather than through a streaming CSV library: building each record
 * as one string and handing the file large chunks costs a fraction of a per-record stream.
 */

const NEEDS_QUOTES = /[",\r\n]/

/** What makes a cell need more than the formula check: CSV quoting or a direction control. */
const SPECIAL = /[",\r\n\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

/** The UTF-8 byte order mark, as text: Excel on Windows then reads accents and emoji correctly. */
export const BOM = '\uFEFF'

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * A cell of text from strangers, as it goes into an export: direction controls stripped first
 * (one hiding a leading "=" would let the formula through), then a formula made inert, then
 * quoted as CSV needs. Most cells hold none of these characters and are checked once.
 */
export function exportField(value: string): string {
  return SPECIAL.test(value)
    ? csvField(neutraliseFormula(safeText(value)))
    : neutraliseFormula(value)
}

/** One record of export cells (see `exportField`), CRLF included; one join, not a string a cell. */
export function exportRecord(cells: readonly string[]): string {
  return `${cells.map(exportField).join(',')}\r\n`
}
