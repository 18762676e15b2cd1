import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'
import { searchKey } from '../services/search-purchase'

/** A search page a refresh job buys again, as `bulk_job_items.page_json` keeps it. */
export interface PageTarget {
  platform: Platform
  filtersHash: string
  page: number
  /** The canonical filters the page was bought with. */
  filters: SearchFilters
}

export function readPageTarget(json: string): PageTarget {
  return JSON.parse(json) as PageTarget
}

/** The purchase key the search service buys this page under. */
export function pagePurchaseKey(page: PageTarget): string {
  return searchKey({ platform: page.platform, hash: page.filtersHash, page: page.page })
}
