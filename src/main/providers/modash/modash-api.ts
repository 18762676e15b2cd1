import type { Platform } from '../../../shared/platforms'
import type { SearchFilters } from '../../../shared/search-filters'
import type {
  DictionaryEntry,
  DictionaryKind,
  ModashReport,
  ModashSearchPage,
  ModashUserInfo,
  ModashUsers,
} from './schemas'

/** The body of `POST /{platform}/search`: the user's (canonical) filters plus a page number. */
export interface ModashSearchBody {
  page: number
  calculationMethod?: 'median' | 'average'
  sort?: SearchFilters['sort']
  filter: { influencer?: SearchFilters['influencer']; audience?: SearchFilters['audience'] }
}

/**
 * The request body for a search page: Modash takes the influencer and audience filters under
 * `filter`, the sort and calculation method beside them. Callers hold filters in the app's
 * (canonical) shape; only this reshapes them for the wire. Absent parts are left out.
 */
export function modashSearchBody(filters: SearchFilters, page: number): ModashSearchBody {
  return {
    page,
    ...(filters.calculationMethod === undefined
      ? {}
      : { calculationMethod: filters.calculationMethod }),
    ...(filters.sort === undefined ? {} : { sort: filters.sort }),
    filter: {
      ...(filters.influencer === undefined ? {} : { influencer: filters.influencer }),
      ...(filters.audience === undefined ? {} : { audience: filters.audience }),
    },
  }
}

/** What every call reports besides its data, for the audit log. */
export interface CallMeta {
  httpStatus: number
  durationMs: number
  attempts: number
}

export interface ModashResponse<T> {
  data: T
  /** The body exactly as Modash sent it (parsed JSON), kept for paid calls so nothing is lost. */
  raw: unknown
  meta: CallMeta
}

/**
 * The Modash Discovery API as the core uses it. The implementation (`modash-client.ts`) owns
 * auth, timeouts, rate limiting, retries and response validation; it throws `ProviderError`.
 */
export interface ModashApi {
  search(platform: Platform, body: ModashSearchBody): Promise<ModashResponse<ModashSearchPage>>
  report(platform: Platform, userId: string): Promise<ModashResponse<ModashReport>>
  users(platform: Platform, query: string, limit?: number): Promise<ModashResponse<ModashUsers>>
  dictionary(
    platform: Platform,
    kind: DictionaryKind,
    query?: string,
    limit?: number,
  ): Promise<ModashResponse<DictionaryEntry[]>>
  userInfo(): Promise<ModashResponse<ModashUserInfo>>
}
