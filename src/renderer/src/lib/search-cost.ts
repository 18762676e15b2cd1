import type { DataSource } from '../../../shared/domain'
import { PAGE_SIZE } from '../../../shared/search-filters'

/** Pages main already holds: a repeat is answered from the local cache at no cost. */
export function isOwned(source: DataSource | undefined): boolean {
  return source === 'cache' || source === 'provider'
}

export function searchButtonLabel(opts: {
  cacheOnly: boolean
  known: DataSource | undefined
}): string {
  if (opts.cacheOnly) return 'Search cache only (free)'
  if (isOwned(opts.known)) return 'Search — cached, free'
  return `Search — up to ${PAGE_SIZE} discovery results`
}

export function nextPageLabel(opts: { cacheOnly: boolean; known: DataSource | undefined }): string {
  if (opts.cacheOnly) return 'Next page from cache (free)'
  if (isOwned(opts.known)) return 'Next page (cached, free)'
  return `Next page (up to ${PAGE_SIZE} results)`
}
