import type { LocalReason, SearchResult } from '../../shared/domain'
import { CHANNELS } from '../../shared/ipc-contract'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { ModashSearchPage } from '../providers/modash/schemas'
import type { CoreDeps } from './core-deps'
import { toSummary } from './creator-repository'
import { canonicalFilters, filtersHash } from './filters-canonical'
import { parseInput } from './input'
import { prepareEvaluation } from './facts/evaluation'
import { searchLocally } from './local-search'
import { canServeFromCache } from './provider-failure'
import { replayJournal } from './purchase/purchase'
import { findCachedPage } from './search-cache'
import { billedResults, buySearchPage, recordSearchRequest, searchKey } from './search-purchase'
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
    await recordFreeAnswer(deps, ctx, cached.creators.length, 'cache')
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
  if (offline) return answerLocally(deps, ctx, 'offline')
  if (cacheOnly) return answerLocally(deps, ctx, 'cache_only')
  const contained = await answerContained(deps, ctx)
  if (contained) return contained

  try {
    const bought = await buySearchPage(deps, ctx, 'search')
    const total = await pageTotal(deps, ctx)
    return {
      platform,
      page,
      creators: bought.result.map(toSummary),
      total,
      ...estimateFlag(total, bought.data.isExactMatch),
      ...(bought.data.total === null ? { totalIsCapped: true } : {}),
      // A teammate's page: bought by the team before, served free like any cached page.
      source: bought.fromTeam ? 'cache' : 'provider',
      fetchedAt: deps.clock.now().toISOString(),
      resultsCharged: bought.units,
      dataNotes: dataNotes(bought.data),
      filtersHash: hash,
    }
  } catch (err) {
    if (canServeFromCache(err)) return answerLocally(deps, ctx, 'provider_failed', err as Error)
    throw err
  }
}

/**
 * A page answered for free where Modash would have charged: the audit row counts the results
 * saved, and the search goes into the history, in one transaction.
 */
async function recordFreeAnswer(
  deps: CoreDeps,
  ctx: SearchContext,
  results: number,
  source: 'cache' | 'contained',
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deps.logger.record(
      {
        provider: 'modash',
        action: 'search',
        reason: 'search',
        platform: ctx.platform,
        userId: ctx.userId,
        outcome: 'cache_hit',
        cacheHit: true,
        savedUnits: results,
      },
      trx,
    )
    await recordSearchRequest(trx, deps, ctx, results, source)
  })
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

/** Why a local answer is local, in the words the banner shows. */
function localWords(reason: LocalReason, err?: Error): string {
  if (reason === 'offline') return 'Offline mode is on: answered from the cache, nothing bought.'
  if (reason === 'cache_only') return 'You ticked "Search cache only": answered from the cache.'
  return `Modash could not answer (${err?.message ?? 'no answer'}).`
}

async function answerLocally(
  deps: CoreDeps,
  ctx: SearchContext,
  reason: Exclude<LocalReason, 'contained'>,
  err?: Error,
): Promise<SearchResult> {
  const { platform, page, hash, canonical } = ctx
  const now = deps.clock.now()
  const local = await searchLocally(deps.db, platform, canonical, page, PAGE_SIZE, { now })
  await recordSearchRequest(deps.db, deps, ctx, local.creators.length, 'local')
  return {
    platform,
    page,
    creators: local.creators.map(toSummary),
    total: local.total,
    totalIsCapped: local.totalIsCapped,
    source: 'local',
    fetchedAt: now.toISOString(),
    resultsCharged: 0,
    staleReason: localWords(reason, err),
    localReason: reason,
    unappliedFilters: local.neverEvaluable,
    neverEvaluable: local.neverEvaluable,
    mayMatch: {
      count: local.mayMatch.count,
      capped: local.mayMatch.capped,
      unknownFilters: local.mayMatch.unknownFilters.map((u) => u.filter),
    },
    ...(local.orderNotApplied === null ? {} : { orderNotApplied: local.orderNotApplied }),
    filtersHash: hash,
  }
}

/**
 * Online, a search that lies inside an earlier one fetched to its last page is answered from
 * that search's creators for free, when the cache can tell each of them in or out on every
 * filter and order them as Modash would: the page is then the one Modash would sell.
 */
async function answerContained(deps: CoreDeps, ctx: SearchContext): Promise<SearchResult | null> {
  const { platform, page, hash, canonical } = ctx
  // Modash lists the accounts a `relevance` filter names first, an order the cache cannot know.
  if (canonical.influencer?.relevance !== undefined) return null
  const now = deps.clock.now()
  const evaluation = await prepareEvaluation(deps.db, platform, canonical, { now })
  const around = evaluation.containedIn[0]
  if (around === undefined) return null
  const local = await searchLocally(deps.db, platform, canonical, page, PAGE_SIZE, {
    now,
    evaluation,
  })
  const exact =
    local.mayMatch.count === 0 &&
    local.neverEvaluable.length === 0 &&
    local.orderNotApplied === null &&
    !local.totalIsCapped
  if (!exact) return null
  await recordFreeAnswer(deps, ctx, local.creators.length, 'contained')
  return {
    platform,
    page,
    creators: local.creators.map(toSummary),
    total: local.total,
    source: 'cache',
    fetchedAt: around.lastFetchedAt,
    resultsCharged: 0,
    localReason: 'contained',
    mayMatch: { count: 0, capped: false, unknownFilters: [] },
    neverEvaluable: [],
    containedIn: { fetchedAt: around.lastFetchedAt },
    filtersHash: hash,
  }
}
