import type { OutreachRow } from '../../shared/domain'

export interface OutreachColumn {
  header: string
  cell: (row: OutreachRow) => string
  /**
   * The cell is written by us from a number, a date or the platform's name: digits, signs,
   * dots, dashes, colons and spaces, never a stranger's text, so it needs no quoting, no
   * direction control stripped and no formula guard ("-5" is a number to every spreadsheet).
   */
  ours?: true
}

const text = (value: string | null): string => value ?? ''
const count = (value: number | null): string => (value === null ? '' : String(Math.round(value)))
// Ratios go out as percentages with a dot decimal: what a person reads, and what every
// spreadsheet parses regardless of the column's locale once told the separator.
const percent = (ratio: number | null): string =>
  ratio === null ? '' : String(Math.round(ratio * 10_000) / 100)
const joined = (values: string[]): string => values.join('; ')

const two = (n: number): string => String(n).padStart(2, '0')

/**
 * An instant as the person exporting reads it: their computer's local date and time,
 * "2026-05-01 12:00", which every spreadsheet takes as a date (an ISO string with a Z is text to
 * most of them, and in another zone).
 */
export function localDateTime(iso: string | null): string {
  if (iso === null) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/** Titles and initials that open a name but are not what a letter says after "Hi". */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame'])

/**
 * The first name for a mail merge ("Hi {First name}"): the first word of the full name that is a
 * name, without emoji or punctuation around it. Empty when the name has none (a brand, emoji
 * only), so a template can fall back to the handle rather than greet "Hi 🌸".
 */
export function firstName(fullName: string | null): string {
  if (fullName === null) return ''
  for (const raw of fullName.trim().split(/[\s|·•,/]+/u)) {
    const word = raw.replace(/^[^\p{L}]+|[^\p{L}\p{M}'’-]+$/gu, '')
    if (word === '' || !/\p{L}/u.test(word)) continue
    if (HONORIFICS.has(word.toLowerCase().replace(/\.$/, ''))) continue
    return word
  }
  return ''
}

/** The outreach sheet, in column order. */
export const OUTREACH_COLUMNS: readonly OutreachColumn[] = [
  { header: 'Platform', cell: (r) => r.platform, ours: true },
  { header: 'Handle', cell: (r) => text(r.handle) },
  { header: 'Profile URL', cell: (r) => text(r.profileUrl) },
  { header: 'Name', cell: (r) => text(r.fullName) },
  { header: 'Followers', cell: (r) => count(r.followers), ours: true },
  { header: 'Engagement rate (%)', cell: (r) => percent(r.engagementRate), ours: true },
  { header: 'Average views', cell: (r) => count(r.averageViews), ours: true },
  { header: 'Credibility (%)', cell: (r) => percent(r.credibility), ours: true },
  { header: 'Top audience country', cell: (r) => text(r.topCountry) },
  { header: 'Top audience country share (%)', cell: (r) => percent(r.topCountryShare), ours: true },
  { header: 'Email', cell: (r) => text(r.email) },
  { header: 'Email source', cell: (r) => text(r.emailSource) },
  { header: 'Email found at', cell: (r) => localDateTime(r.emailFoundAt), ours: true },
  { header: 'Lists', cell: (r) => joined(r.lists) },
  { header: 'Tags', cell: (r) => joined(r.tags) },
  { header: 'Status', cell: (r) => text(r.status) },
  { header: 'Notes', cell: (r) => text(r.notes) },
  { header: 'Report fetched at', cell: (r) => localDateTime(r.reportFetchedAt), ours: true },
  { header: 'Data age (days)', cell: (r) => count(r.dataAgeDays), ours: true },
  // Last, so sheets and mail-merge templates made from earlier exports keep their columns.
  { header: 'First name', cell: (r) => firstName(r.fullName) },
]
