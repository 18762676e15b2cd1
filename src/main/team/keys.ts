import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'

/**
 * Purchase keys and contexts in team-wide terms. A laptop's own keys may name its local row
 * ids (`report:42`), which mean another creator on the next laptop; the team's name the creator
 * as the provider does (platform and provider id), the same everywhere.
 */
export function teamSearchKey(platform: Platform, filtersHash: string, page: number): string {
  return `search:${platform}:${filtersHash}:${page}`
}

export function teamReportKey(platform: Platform, providerId: string): string {
  return `report:${platform}:${providerId}`
}

export function teamEmailKey(platform: Platform, providerId: string): string {
  return `email:${platform}:${providerId}`
}

/** A creator on every laptop: "platform:provider id". */
export function creatorRef(platform: Platform, providerId: string): string {
  return `${platform}:${providerId}`
}

export interface TeamSearchContext {
  platform: Platform
  hash: string
  page: number
  canonical: SearchFilters
}

export interface TeamReportContext {
  platform: Platform
  providerId: string
}
