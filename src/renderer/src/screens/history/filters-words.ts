import type { SearchFilters } from '../../../../shared/search-filters'

/**
 * A search's filters in one line, for history rows: "followers min 10,000 · bio vegan". Read from
 * the canonical filters main kept; nothing here is sent anywhere.
 */
export function filtersWords(filters: SearchFilters): string {
  const parts: string[] = []
  const walk = (value: unknown, path: string[]) => {
    if (value === null || value === undefined) return
    if (Array.isArray(value)) {
      parts.push(
        `${path.join(' ')} ${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}`,
      )
      return
    }
    if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>))
        walk(inner, [...path, key])
      return
    }
    const text =
      typeof value === 'number'
        ? value.toLocaleString('en-US')
        : typeof value === 'string' || typeof value === 'boolean'
          ? String(value)
          : ''
    parts.push(`${path.join(' ')} ${text}`)
  }
  walk(filters, [])
  return parts.length === 0 ? 'no filters' : parts.join(' · ')
}
