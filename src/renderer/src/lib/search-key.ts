import type { Platform } from '../../../shared/platforms'
import type { SearchFilters } from '../../../shared/search-filters'

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, stable(v)]))
  }
  return value
}

/**
 * Identifies "the same search" regardless of key order, so the button can tell the user that
 * repeating it is free. Main keeps its own hash; this one only drives labels.
 */
export function searchKey(platform: Platform, filters: SearchFilters, page: number): string {
  return JSON.stringify([platform, stable(filters), page])
}
