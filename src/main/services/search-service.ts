import type { SearchResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { CHANNELS } from '../../shared/ipc-contract'
import type { Platform } from '../../shared/platforms'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { SearchFilters } from '../../shared/search-filters'
import type { ModashSearchPage } from '../providers/modash/schemas'
import type { CoreDeps } from './core-deps'
import { toSummary, upsertBasicProfiles } from './creator-repository'
import { canonicalFilters, filtersHash } from './filters-canonical'
import { parseInput } from './input'
import { searchLocally } from './local-search'
import {
  canServeFromCache,
  failureDuration,
  failureOutcome,
  failureStatus,
  mayHaveBilled,
} from './provider-failure'
import { worstCaseMilliCredits } from './quota-ledger'
import { findCachedPage, storePage } from './search-cache'

/**
 * Step 1 of the flow: a page of discovery results. Cached page → free. Otherwise reserve a full
 * page of results, buy it, store the creators and the page's order, and settle to what Modash
 * actually returned. When Modash cannot answer, the local cache does, and says so.
 */
export async function search(deps: CoreDeps, rawInput: unknown): Promise<SearchResult> {
  const input = parseInput(CHANNELS['creators:search'], rawInput, 'search')
  const { platform, page } = input
  const settings = await deps.settings.get()
  const canonical = canonicalFilters(input.filters)
  const hash = filtersHash(platform, canonical)
  const base = { deps, platform, page, hash, canonical, userId: settings.userId }
  // The same page asked for twice at once is bought once: the second finds it in the cache.
  return deps.purchases.run(`search:${platform}:${hash}:${page}`, () =>
    searchPage(base, input.cacheOnly === true, settings.offline),
  )
}

async function searchPage(
  base: SearchContext,
  cacheOnly: boolean,
  offline: boolean,
): Promise<SearchResult> {
  const { deps, platform, page, hash, canonical, userId } = base
  const cached = await findCachedPage(deps.db, platform, hash, page)
  if (cached) {
    await deps.db.transaction().execute(async (trx) => {
      await deps.logger.record(
        {
          provider: 'modash',
          action: 'search',
          reason: 'search',
          platform,
          userId,
          outcome: 'cache_hit',
          cacheHit: true,
          savedUnits: cached.creators.length,
        },
        trx,
      )
      await recordRequest({ ...base, deps: { ...deps, db: trx } }, cached.creators.length, 'cache')
    })
    return {
      platform,
      page,
      creators: cached.creators.map(toSummary),
      total: cached.total,
      source: 'cache',
      fetchedAt: cached.fetchedAt,
      resultsCharged: 0,
      filtersHash: hash,
    }
  }
  if (cacheOnly) return answerLocally(base, 'You asked for cached results only.')
  if (offline) return answerLocally(base, 'Offline: answered from the local cache.')

  const reservation = await deps.ledger.reserve('discovery', PAGE_SIZE)
  let response: Awaited<ReturnType<CoreDeps['modash']['search']>>
  try {
    await deps.ledger.markSent(reservation)
    response = await deps.modash.search(platform, {
      page,
      calculationMethod: canonical.calculationMethod,
      sort: canonical.sort,
      filter: { influencer: canonical.influencer, audience: canonical.audience },
    })
  } catch (err) {
    // Modash answered but the page was lost: it may have billed, so count the worst case.
    const billed = mayHaveBilled(err) ? reservation.units : 0
    if (billed > 0)
      await deps.ledger.settle(reservation, billed, worstCaseMilliCredits('discovery', billed))
    else await deps.ledger.release(reservation)
    await deps.logger.record({
      provider: 'modash',
      action: 'search',
      reason: 'search',
      platform,
      userId,
      outcome: failureOutcome(err),
      httpStatus: failureStatus(err),
      durationMs: failureDuration(err),
      costUnits: billed,
      costMilliCredits: worstCaseMilliCredits('discovery', billed),
    })
    if (canServeFromCache(err))
      return answerLocally(base, `Modash could not answer (${(err as Error).message}).`)
    throw err
  }
  return storeBoughtPage(base, reservation, response.data, response.meta)
}

interface SearchContext {
  deps: CoreDeps
  platform: Platform
  page: number
  hash: string
  canonical: SearchFilters
  userId: string
}

async function storeBoughtPage(
  ctx: SearchContext,
  reservation: Awaited<ReturnType<CoreDeps['ledger']['reserve']>>,
  data: ModashSearchPage,
  meta: { httpStatus: number; durationMs: number },
): Promise<SearchResult> {
  const { deps, platform, page, hash } = ctx
  const hits = [...data.directs, ...data.lookalikes]
  if (hits.length > PAGE_SIZE) {
    // Modash pages hold 15 results at most; more means we cannot trust what it billed.
    await deps.ledger.settle(
      reservation,
      reservation.units,
      worstCaseMilliCredits('discovery', reservation.units),
    )
    throw new AppError(
      'PROVIDER_ERROR',
      `Modash returned ${hits.length} results for one page; nothing was stored.`,
    )
  }
  const fetchedAt = deps.clock.now().toISOString()
  const creators = await deps.db.transaction().execute(async (trx) => {
    const ids = await upsertBasicProfiles(
      trx,
      platform,
      hits.map((h) => ({ ...h.profile, userId: h.userId })),
      fetchedAt,
    )
    const orderedIds = [
      ...new Set(hits.map((h) => ids.get(h.userId)).filter((id): id is number => id !== undefined)),
    ]
    await storePage(trx, {
      platform,
      filtersHash: hash,
      page,
      total: data.total,
      fetchedAt,
      creatorIds: orderedIds,
    })
    await deps.ledger.settle(
      reservation,
      hits.length,
      worstCaseMilliCredits('discovery', hits.length),
      trx,
    )
    await deps.logger.record(
      {
        provider: 'modash',
        action: 'search',
        reason: 'search',
        platform,
        userId: ctx.userId,
        outcome: 'ok',
        httpStatus: meta.httpStatus,
        durationMs: meta.durationMs,
        costUnits: hits.length,
        costMilliCredits: worstCaseMilliCredits('discovery', hits.length),
      },
      trx,
    )
    await recordRequest({ ...ctx, deps: { ...deps, db: trx } }, hits.length, 'provider')
    const rows = await trx
      .selectFrom('creators')
      .selectAll()
      .where('id', 'in', orderedIds.length > 0 ? orderedIds : [-1])
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    return orderedIds.map((id) => byId.get(id)).filter((r) => r !== undefined)
  })
  return {
    platform,
    page,
    creators: creators.map(toSummary),
    total: data.total,
    source: 'provider',
    fetchedAt,
    resultsCharged: hits.length,
    filtersHash: hash,
  }
}

async function answerLocally(ctx: SearchContext, reason: string): Promise<SearchResult> {
  const { deps, platform, page, hash, canonical } = ctx
  const local = await searchLocally(deps.db, platform, canonical, page, PAGE_SIZE)
  await recordRequest(ctx, local.creators.length, 'local')
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

async function recordRequest(
  ctx: SearchContext,
  resultCount: number,
  source: string,
): Promise<void> {
  await ctx.deps.db
    .insertInto('search_requests')
    .values({
      user_id: ctx.userId,
      platform: ctx.platform,
      filters_json: JSON.stringify(ctx.canonical),
      filters_hash: ctx.hash,
      page: ctx.page,
      requested_count: PAGE_SIZE,
      result_count: resultCount,
      source,
      created_at: ctx.deps.clock.now().toISOString(),
    })
    .execute()
}
