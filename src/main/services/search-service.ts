import type { SearchResult } from '../../shared/domain'
import { CHANNELS } from '../../shared/ipc-contract'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { ModashSearchPage } from '../providers/modash/schemas'
import type { CoreDeps } from './core-deps'
import { toSummary } from './creator-repository'
import { canonicalFilters, filtersHash } from './filters-canonical'
import { parseInput } from './input'
import { searchLocally } from './local-search'
import { canServeFromCache } from './provider-failure'
import { buy, replayJournal } from './purchase/purchase'
import { worstCaseMilliCredits } from './quota-ledger'
import { findCachedPage } from './search-cache'
import { billedResults, recordSearchRequest, searchKey, searchPurchase } from './search-purchase'
import type { SearchContext } from './search-purchase'

/** Above this, a provider total is the size of an index, not a count anyone could page through. */
export const ESTIMATE_TOTAL = 1_000_000

/**
 * Step 1 of the flow: a page of discovery results. Cached page → free. Otherwise reserve a full
 * page of results, buy it through the purchase routine, and answer with what Modash returned
 * and charged. When Modash cannot answer, the local cache does, and says so.
 */
export async function search(deps: CoreDeps, rawInput: unknown): Promise<SearchResult> {
  const input = parseInput(CHANNELS['creators:search'], rawInput, 'search')
  const { platform, page } = input
  const settings = await deps.settings.get()
  const canonical = canonicalFilters(input.filters)
  const hash = filtersHash(platform, canonical)
  const ctx: SearchContext = { platform, page, hash, canonical, userId: settings.userId }
  // The same page asked for twice at once is bought once: the second finds it in the cache.
  return deps.purchases.run(searchKey(ctx), () =>
    searchPage(deps, ctx, input.cacheOnly === true, settings.offline),
  )
}

async function searchPage(
  deps: CoreDeps,
  ctx: SearchContext,
  cacheOnly: boolean,
  offline: boolean,
): Promise<SearchResult> {
  const { platform, page, hash } = ctx
  // A page bought while the database could not be written is stored now, then served free.
  if (deps.journal.size > 0) await replayJournal(deps, deps.purchaseKinds)
  const cached = await findCachedPage(deps.db, platform, hash, page)
  if (cached) {
    await deps.db.transaction().execute(async (trx) => {
      await deps.logger.record(
        {
          provider: 'modash',
          action: 'search',
          reason: 'search',
          platform,
          userId: ctx.userId,
          outcome: 'cache_hit',
          cacheHit: true,
          savedUnits: cached.creators.length,
        },
        trx,
      )
      await recordSearchRequest(trx, deps, ctx, cached.creators.length, 'cache')
    })
    return {
      platform,
      page,
      creators: cached.creators.map(toSummary),
      total: cached.total,
      ...estimateFlag(cached.total, cached.isExactMatch),
      source: 'cache',
      fetchedAt: cached.fetchedAt,
      resultsCharged: 0,
      filtersHash: hash,
    }
  }
  if (cacheOnly) return answerLocally(deps, ctx, 'You asked for cached results only.')
  if (offline) return answerLocally(deps, ctx, 'Offline: answered from the local cache.')

  try {
    const bought = await buy(deps, searchPurchase, {
      key: searchKey(ctx),
      context: ctx,
      reserveUnits: PAGE_SIZE,
      worstCaseMilliCredits: (units) => worstCaseMilliCredits('discovery', units),
      audit: {
        provider: 'modash',
        action: 'search',
        reason: 'search',
        platform,
        userId: ctx.userId,
      },
      call: () =>
        deps.modash.search(platform, {
          page,
          calculationMethod: ctx.canonical.calculationMethod,
          sort: ctx.canonical.sort,
          filter: { influencer: ctx.canonical.influencer, audience: ctx.canonical.audience },
        }),
    })
    const total = await pageTotal(deps, ctx)
    return {
      platform,
      page,
      creators: bought.result.map(toSummary),
      total,
      ...estimateFlag(total, bought.data.isExactMatch),
      ...(bought.data.total === null ? { totalIsCapped: true } : {}),
      source: 'provider',
      fetchedAt: deps.clock.now().toISOString(),
      resultsCharged: bought.units,
      dataNotes: dataNotes(bought.data),
      filtersHash: hash,
    }
  } catch (err) {
    if (canServeFromCache(err))
      return answerLocally(deps, ctx, `Modash could not answer (${(err as Error).message}).`)
    throw err
  }
}

/** The total stored with the page just bought (Modash's, or the floor the page proves). */
async function pageTotal(deps: CoreDeps, ctx: SearchContext): Promise<number> {
  const stored = await findCachedPage(deps.db, ctx.platform, ctx.hash, ctx.page)
  return stored?.total ?? 0
}

function estimateFlag(total: number, isExactMatch: boolean | null): { totalIsEstimate?: true } {
  return total >= ESTIMATE_TOTAL || isExactMatch === false ? { totalIsEstimate: true } : {}
}

/** Plain words for what a page held that could not all be kept. */
function dataNotes(data: ModashSearchPage): string[] {
  const notes: string[] = []
  if (data.unreadableRows > 0)
    notes.push(
      `${data.unreadableRows} of ${billedResults(data)} results came without an id and could not be kept; Modash charged for them.`,
    )
  const hits = [...data.directs, ...data.lookalikes]
  const odd = hits.filter((h) => h.invalidFields.length > 0)
  if (odd.length > 0) {
    const fields = [...new Set(odd.flatMap((h) => h.invalidFields))].sort()
    notes.push(
      `${odd.length} ${odd.length === 1 ? 'creator has' : 'creators have'} values Modash sent that could not be trusted (${fields.join(', ')}); they are shown as unknown.`,
    )
  }
  return notes
}

async function answerLocally(
  deps: CoreDeps,
  ctx: SearchContext,
  reason: string,
): Promise<SearchResult> {
  const { platform, page, hash, canonical } = ctx
  const local = await searchLocally(deps.db, platform, canonical, page, PAGE_SIZE)
  await recordSearchRequest(deps.db, deps, ctx, local.creators.length, 'local')
  return {
    platform,
    page,
    creators: local.creators.map(toSummary),
    total: local.total,
    totalIsCapped: local.totalIsCapped,
    source: 'local',
    fetchedAt: deps.clock.now().toISOString(),
    resultsCharged: 0,
    staleReason: reason,
    unappliedFilters: local.unapplied,
    filtersHash: hash,
  }
}
