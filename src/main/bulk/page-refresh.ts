import { AppError } from '../../shared/errors'
import type { CoreDeps } from '../services/core-deps'
import { replayJournal } from '../services/purchase/purchase'
import { buySearchPage, searchKey } from '../services/search-purchase'
import type { SearchContext } from '../services/search-purchase'
import type { PageTarget } from './page-target'

/**
 * Buys a cached search page again (a refresh the user confirmed), through the one purchase
 * routine and under the same lock as a search of that page. A page bought since `since` (before
 * a crash, or by the user meanwhile) is not bought again.
 */
export async function refreshPage(
  deps: CoreDeps,
  page: PageTarget,
  since: string,
): Promise<{ units: number }> {
  const settings = await deps.settings.get()
  const ctx: SearchContext = {
    platform: page.platform,
    page: page.page,
    hash: page.filtersHash,
    canonical: page.filters,
    userId: settings.userId,
  }
  return deps.purchases.run(searchKey(ctx), async () => {
    if (deps.journal.size > 0) await replayJournal(deps, deps.purchaseKinds)
    const cached = await deps.db
      .selectFrom('search_pages')
      .select('fetched_at')
      .where('platform', '=', ctx.platform)
      .where('filters_hash', '=', ctx.hash)
      .where('page', '=', ctx.page)
      .executeTakeFirst()
    if (cached && cached.fetched_at >= since) return { units: 0 }
    if ((await deps.settings.get()).offline)
      throw new AppError('PROVIDER_UNAVAILABLE', 'Offline: search pages cannot be bought again.')
    const bought = await buySearchPage(deps, ctx, 'refresh')
    return { units: bought.units }
  })
}
