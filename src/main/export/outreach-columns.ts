import type { OutreachRow } from '../../shared/domain'

export interface OutreachColumn {
  header: string
  cell: (row: OutreachRow) => string
}

const text = (value: string | null): string => value ?? ''
const count = (value: number | null): string => (value === null ? '' : String(Math.round(value)))
// Ratios go out as percentages with a dot decimal: what a person reads, and what every
// spreadsheet parses regardless of the column's locale once told the separator.
const percent = (ratio: number | null): string =>
  ratio === null ? '' : String(Math.round(ratio * 10_000) / 100)
const joined = (values: string[]): string => values.join('; ')

/** The outreach sheet, in column order. */
export const OUTREACH_COLUMNS: readonly OutreachColumn[] = [
  { header: 'Platform', cell: (r) => r.platform },
  { header: 'Handle', cell: (r) => text(r.handle) },
  { header: 'Profile URL', cell: (r) => text(r.profileUrl) },
  { header: 'Name', cell: (r) => text(r.fullName) },
  { header: 'Followers', cell: (r) => count(r.followers) },
  { header: 'Engagement rate (%)', cell: (r) => percent(r.engagementRate) },
  { header: 'Average views', cell: (r) => count(r.averageViews) },
  { header: 'Credibility (%)', cell: (r) => percent(r.credibility) },
  { header: 'Top audience country', cell: (r) => text(r.topCountry) },
  { header: 'Top audience country share (%)', cell: (r) => percent(r.topCountryShare) },
  { header: 'Email', cell: (r) => text(r.email) },
  { header: 'Email source', cell: (r) => text(r.emailSource) },
  { header: 'Email found at', cell: (r) => text(r.emailFoundAt) },
  { header: 'Lists', cell: (r) => joined(r.lists) },
  { header: 'Tags', cell: (r) => joined(r.tags) },
  { header: 'Status', cell: (r) => text(r.status) },
  { header: 'Notes', cell: (r) => text(r.notes) },
  { header: 'Report fetched at', cell: (r) => text(r.reportFetchedAt) },
  { header: 'Data age (days)', cell: (r) => count(r.dataAgeDays) },
]
