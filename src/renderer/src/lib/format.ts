const DAY_MS = 86_400_000
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

const intFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const compactFormat = new Intl.NumberFormat(undefined, {
  notation: 'compact',
  maximumFractionDigits: 1,
})

export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : intFormat.format(n)
}

export function formatCompact(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : compactFormat.format(n)
}

/** `ratio` is a fraction (0.0313), shown as a percentage. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—'
  return `${(ratio * 100).toFixed(digits)}%`
}

/**
 * Date-only strings (billing days, usage days) are UTC calendar days; formatting them in the
 * local zone would shift them by one for users west of Greenwich.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(DATE_ONLY.test(iso) ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return '—'
  return dateFormat(DATE_ONLY.test(iso)).format(date)
}

// `toLocaleDateString` builds a new formatter on every call, which is slow enough to show when a
// scrolled table formats a few dates a row; the same formatters, made once, give the same text.
let localDate: Intl.DateTimeFormat | null = null
let utcDate: Intl.DateTimeFormat | null = null
function dateFormat(utc: boolean): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }
  if (utc) return (utcDate ??= new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }))
  return (localDate ??= new Intl.DateTimeFormat(undefined, options))
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function ageInDays(iso: string | null | undefined, now: Date = new Date()): number | null {
  if (!iso) return null
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return null
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS))
}

export function formatAge(days: number | null): string {
  if (days === null) return 'unknown age'
  if (days === 0) return 'today'
  if (days === 1) return '1 day ago'
  return `${days} days ago`
}

/** Short form for dense table cells: "today", "3d", "2mo". */
export function formatAgeShort(days: number | null): string {
  if (days === null) return '?'
  if (days === 0) return 'today'
  if (days < 60) return `${days}d`
  return `${Math.floor(days / 30)}mo`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`
}
