import type { Kysely } from 'kysely'
import type { Platform } from '../../shared/platforms'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { SearchFilters } from '../../shared/search-filters'
import type { Database } from '../db/schema'
import { parseSearchPage } from '../providers/modash/schemas'
import type { ModashSearchPage } from '../providers/modash/schemas'
import type { CoreDeps } from './core-deps'
import type { CreatorRow } from './creator-repository'
import { upsertBasicProfiles } from './creator-repository'
import { canonicalJson } from './filters-canonical'
import { withStatements } from '../db/statement-cache'
import { teamSearchKey } from '../team/keys'
import type { TeamSearchContext } from '../team/keys'
import { buy } from './purchase/purchase'
import type { PurchaseKind } from './purchase/purchase'
import { modashSearchBody } from '../providers/modash/modash-api'
import { worstCaseMilliCredits } from './quota-ledger'
import { storePage } from './search-cache'
import { recordPageFilters } from './facts/page-proofs'

/** Which page of which search; also what a journal replay needs to store the page again. */
export interface SearchContext {
  platform: Platform
  page: number
  hash: string
  canonical: SearchFilters
  userId: string
}

export function searchKey(ctx: Pick<SearchContext, 'platform' | 'hash' | 'page'>): string {
  return `search:${ctx.platform}:${ctx.hash}:${ctx.page}`
}

/** Results Modash billed for a page: every hit it returned, readable or not. */
export function billedResults(data: ModashSearchPage): number {
  return data.directs.length + data.lookalikes.length + data.unreadableRows
}

/** A bought search page: its creators upserted, its order kept, the request logged. */
export const searchPurchase: PurchaseKind<SearchContext, ModashSearchPage, CreatorRow[]> = {
  name: 'search',
  provider: 'modash',
  meter: 'discovery',
  read: (raw) => {
    const parsed = parseSearchPage(raw)
    return parsed.success ? parsed.data : null
  },
  charge: (data) => {
    const units = billedResults(data)
    return { units, milliCredits: worstCaseMilliCredits('discovery', units) }
  },
  store: async (trx, deps, ctx, data, boughtAt) => {
    const hits = [...data.directs, ...data.lookalikes]
    const ids = await upsertBasicProfiles(
      trx,
      ctx.platform,
      hits.map((h) => h.profile),
      boughtAt,
    )
    const orderedIds = [
      ...new Set(hits.map((h) => ids.get(h.userId)).filter((id): id is number => id !== undefined)),
    ]
    await storePage(trx, {
      platform: ctx.platform,
      filtersHash: ctx.hash,
      page: ctx.page,
      total: knownTotal(data, ctx.page),
      isExactMatch: data.isExactMatch,
      fetchedAt: boughtAt,
      creatorIds: orderedIds,
    })
    await recordPageFilters(trx, ctx.platform, ctx.hash, ctx.canonical)
    await recordSearchRequest(trx, deps, ctx, billedResults(data), 'provider')
    const rows = await trx
      .selectFrom('creators')
      .selectAll()
      .where('id', 'in', orderedIds.length > 0 ? orderedIds : [-1])
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    return orderedIds.map((id) => byId.get(id)).filter((r) => r !== undefined)
  },
  teamTerms: (ctx) => ({
    key: teamSearchKey(ctx.platform, ctx.hash, ctx.page),
    context: {
      platform: ctx.platform,
      hash: ctx.hash,
      page: ctx.page,
      canonical: ctx.canonical,
    } satisfies TeamSearchContext,
  }),
}

/**
 * Modash's total, or when it sent none that can be read, the fewest matches this page proves
 * (the pages before it were full, and this one's hits).
 */
function knownTotal(data: ModashSearchPage, page: number): number {
  return data.total ?? page * PAGE_SIZE + billedResults(data)
}

/** One row per search the user ran, whatever answered it (`search_requests`). */
/**
 * Buys one search page through the one purchase routine: a full page reserved, the ledger
 * checked, the answer kept. `reason` is what the audit row says it was bought for.
 */
export function buySearchPage(deps: CoreDeps, ctx: SearchContext, reason: 'search' | 'refresh') {
  return buy(deps, searchPurchase, {
    key: searchKey(ctx),
    context: ctx,
    reserveUnits: PAGE_SIZE,
    worstCaseMilliCredits: (units) => worstCaseMilliCredits('discovery', units),
    audit: {
      provider: 'modash',
      action: 'search',
      reason,
      platform: ctx.platform,
      userId: ctx.userId,
    },
    call: () => deps.modash.search(ctx.platform, modashSearchBody(ctx.canonical, ctx.page)),
  })
}

export async function recordSearchRequest(
  db: Kysely<Database>,
  deps: CoreDeps,
  ctx: SearchContext,
  resultCount: number,
  source: string,
): Promise<void> {
  // Written on every search: kept prepared (`withStatements`), not built each time.
  await withStatements(db, (prepare) =>
    prepare(INSERT_SEARCH_REQUEST).run(
      ctx.userId,
      ctx.platform,
      canonicalJson(ctx.canonical),
      ctx.hash,
      ctx.page,
      PAGE_SIZE,
      resultCount,
      source,
      deps.clock.now().toISOString(),
    ),
  )
}

const INSERT_SEARCH_REQUEST = `INSERT INTO search_requests (user_id, platform, filters_json,
  filters_hash, page, requested_count, result_count, source, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
