import type { ChannelInput } from '../../shared/ipc-contract'
import type { Platform } from '../../shared/platforms'
import { readDelimited } from './delimited'
import type { DelimitedRecord } from './delimited'
import { parseHandle } from './handle-forms'
import type { ParsedHandle } from './handle-forms'

/** One value read from the import, with the line it came from. */
export interface ReadValue {
  line: number
  input: string
  parsed: ParsedHandle
  /** For a repeat: the line of the first occurrence. */
  duplicateOf: number | null
}

export interface ImportRead {
  columns: string[] | null
  column: number | null
  values: ReadValue[]
}

type ImportInput = Pick<
  ChannelInput<'bulk:check'>,
  'lines' | 'format' | 'column' | 'header' | 'platform'
>

/** Header words that name a column of handles or profile links, best first. */
const HEADER_WORDS = [
  /handle/i,
  /user ?name/i,
  /\b(url|link)\b/i,
  /profile/i,
  /instagram|tiktok|youtube|channel/i,
  /account|creator|influencer|talent/i,
]
const DISPLAY_MAX = 120

/** Reads the pasted text or file into values, each parsed, repeats marked. Never touches the network. */
export function readImport(input: ImportInput): ImportRead {
  if (input.format === 'lines') {
    const values = input.lines.flatMap((text, index) =>
      splitLine(text).flatMap((value) => toValue(index + 1, value, input.platform) ?? []),
    )
    return { columns: null, column: null, values: markDuplicates(values) }
  }
  const { records, unclosedQuoteAt } = readDelimited(
    input.lines,
    input.format === 'csv' ? ',' : '\t',
  )
  const header = input.header ?? looksLikeHeader(records[0], input.platform)
  const width = Math.max(1, ...records.slice(0, 50).map((r) => r.cells.length))
  const columns =
    header && records[0]
      ? Array.from({ length: width }, (_, i) => records[0]?.cells[i]?.trim() || `Column ${i + 1}`)
      : Array.from({ length: width }, (_, i) => `Column ${i + 1}`)
  const rows = header ? records.slice(1) : records
  const column = Math.min(
    input.column ?? guessColumn(header ? records[0] : undefined, rows, input.platform),
    width - 1,
  )
  const values = rows.flatMap((record) => {
    return toValue(record.line, record.cells[column] ?? '', input.platform) ?? []
  })
  if (unclosedQuoteAt !== null) {
    const at = values.find((v) => v.line === unclosedQuoteAt)
    if (at) at.parsed = { ok: false, reason: 'a quote opened here is never closed: check the file' }
  }
  return { columns, column, values: markDuplicates(values) }
}

/**
 * A pasted line may hold several values: "a, b; c", or "@a @b @c". Spaces split only when every
 * part is plainly a handle or link, so "Jane Doe" stays one (invalid) value.
 */
function splitLine(text: string): string[] {
  const parts = text
    .split(/[,;\t]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  return parts.flatMap((part) => {
    const words = part.split(/\s+/)
    const plain = words.every((w) => w.startsWith('@') || /^(https?:\/\/|www\.)/i.test(w))
    return words.length > 1 && plain ? words : [part]
  })
}

/** Null for a value with nothing in it (a blank cell, a pair of quotes). */
function toValue(line: number, raw: string, platform: Platform): ReadValue | null {
  const input = raw.trim()
  const parsed = parseHandle(input, platform)
  if (parsed === null) return null
  return {
    line,
    input: input.length > DISPLAY_MAX ? `${input.slice(0, DISPLAY_MAX - 1)}…` : input,
    parsed,
    duplicateOf: null,
  }
}

function markDuplicates(values: ReadValue[]): ReadValue[] {
  const first = new Map<string, number>()
  for (const value of values) {
    if (!value.parsed.ok) continue
    const key = accountKey(value.parsed.platform, value.parsed.kind, value.parsed.handle)
    const seen = first.get(key)
    if (seen === undefined) first.set(key, value.line)
    else value.duplicateOf = seen
  }
  return values
}

export function accountKey(platform: Platform, kind: 'handle' | 'channel', handle: string): string {
  return `${platform}:${kind}:${handle}`
}

/** A first row is a header when a cell names a handle column and none of it reads as a link. */
function looksLikeHeader(first: DelimitedRecord | undefined, platform: Platform): boolean {
  if (!first) return false
  const named = first.cells.some((c) => HEADER_WORDS.some((w) => w.test(c)))
  const linked = first.cells.some((c) => {
    const parsed = parseHandle(c, platform)
    return parsed?.ok === true && /[/@]/.test(c)
  })
  return named && !linked
}

/**
 * The column to read: the one the header names best; else the one whose cells most often read as
 * links or "@handles" (a bare word could be a name, a country, anything).
 */
function guessColumn(
  header: DelimitedRecord | undefined,
  rows: DelimitedRecord[],
  platform: Platform,
): number {
  if (header) {
    for (const word of HEADER_WORDS) {
      const index = header.cells.findIndex((c) => word.test(c))
      if (index >= 0) return index
    }
  }
  const scores: number[] = []
  for (const row of rows.slice(0, 200)) {
    row.cells.forEach((cell, i) => {
      const parsed = parseHandle(cell, platform)
      const score = parsed?.ok !== true ? 0 : /[/@]/.test(cell) ? 2 : 1
      scores[i] = (scores[i] ?? 0) + score
    })
  }
  let best = 0
  scores.forEach((score, i) => {
    if (score > (scores[best] ?? 0)) best = i
  })
  return best
}
