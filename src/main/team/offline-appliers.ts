import type { Kysely } from 'kysely'
import { isPlatform } from '../../shared/platforms'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { Database } from '../db/schema'
import { parseReport, parseSearchPage } from '../providers/modash/schemas'
import { upsertBasicProfiles } from '../services/creator-repository'
import { storeBoughtReport } from '../services/report-purchase'
import { recordPageFilters } from '../services/facts/page-proofs'
import { filtersHash } from '../services/filters-canonical'
import { storePage } from '../services/search-cache'
import { billedResults } from '../services/search-purchase'
import type { TeamReportContext, TeamSearchContext } from './keys'
import type { TeamPurchase } from './types'

/**
 * How a purchase pulled from the team becomes rows of the laptop's SQLite copy: the same rows
 * the laptop would have written had it bought it itself, minus what is personal (a teammate's
 * search is not written as this user's search request) and minus the ledger (the team's
 * ledger counted it). Returns false when the body cannot be read (kept, not applied).
 */
export interface OfflineApplier {
  kind: string
  apply(trx: Kysely<Database>, purchase: TeamPurchase): Promise<boolean>
}

export const searchPageApplier: OfflineApplier = {
  kind: 'search',
  async apply(trx, purchase) {
    const ctx = purchase.context as Partial<TeamSearchContext>
    if (!isPlatform(ctx.platform) || typeof ctx.hash !== 'string' || !Number.isInteger(ctx.page)) {
      return false
    }
    const page = ctx.page as number
    const parsed = parseSearchPage(purchase.raw)
    if (!parsed.success) return false
    const local = await trx
      .selectFrom('search_pages')
      .select('fetched_at')
      .where('platform', '=', ctx.platform)
      .where('filters_hash', '=', ctx.hash)
      .where('page', '=', page)
      .executeTakeFirst()
    // The laptop's own page is newer: keep it.
    if (local !== undefined && local.fetched_at >= purchase.boughtAt) return true
    const data = parsed.data
    const hits = [...data.directs, ...data.lookalikes]
    const ids = await upsertBasicProfiles(
      trx,
      ctx.platform,
      hits.map((h) => h.profile),
      purchase.boughtAt,
    )
    const creatorIds = [
      ...new Set(hits.map((h) => ids.get(h.userId)).filter((id): id is number => id !== undefined)),
    ]
    await storePage(trx, {
      platform: ctx.platform,
      filtersHash: ctx.hash,
      page,
      total: data.total ?? page * PAGE_SIZE + billedResults(data),
      isExactMatch: data.isExactMatch,
      fetchedAt: purchase.boughtAt,
      creatorIds,
    })
    // What the page proves of its creators, as for a page bought here (`facts/page-proofs.ts`),
    // when the filters sent are the ones the page is filed under.
    if (ctx.canonical !== undefined && filtersHash(ctx.platform, ctx.canonical) === ctx.hash)
      await recordPageFilters(trx, ctx.platform, ctx.hash, ctx.canonical)
    return true
  },
}

export const reportApplier: OfflineApplier = {
  kind: 'report',
  async apply(trx, purchase) {
    const ctx = purchase.context as Partial<TeamReportContext>
    if (!isPlatform(ctx.platform) || typeof ctx.providerId !== 'string') return false
    const parsed = parseReport(purchase.raw, ctx.providerId)
    if (!parsed.success) return false
    const report = parsed.data
    let local = await trx
      .selectFrom('creators')
      .select(['id', 'detailed_profile_fetched_at'])
      .where('platform', '=', ctx.platform)
      .where('provider_id', '=', ctx.providerId)
      .executeTakeFirst()
    if (local === undefined) {
      // Known to the team, not to this laptop yet: its basic profile comes with the report.
      const ids = await upsertBasicProfiles(
        trx,
        ctx.platform,
        [{ ...report.profile.profile, userId: ctx.providerId }],
        purchase.boughtAt,
      )
      const id = ids.get(ctx.providerId)
      if (id === undefined) return false
      local = { id, detailed_profile_fetched_at: null }
    }
    const mine = local.detailed_profile_fetched_at
    if (mine !== null && mine >= purchase.boughtAt) return true
    await storeBoughtReport(trx, local.id, report, purchase.boughtAt)
    return true
  },
}

export const DEFAULT_APPLIERS: readonly OfflineApplier[] = [searchPageApplier, reportApplier]
