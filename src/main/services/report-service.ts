import type { CreatorDetail } from '../../shared/domain'
import type { Platform } from '../../shared/platforms'
import { AppError } from '../../shared/errors'
import { ProviderError } from '../providers/provider-error'
import type { CoreDeps } from './core-deps'
import { DAY_MS } from './clock'
import { toDetail, reportIsFresh } from './creator-detail'
import type { CreatorRow } from './creator-repository'
import { findCreator } from './creator-repository'
import { buy, replayJournal } from './purchase/purchase'
import { worstCaseMilliCredits } from './quota-ledger'
import { reportKey, reportPurchase } from './report-purchase'
import type { ReportContext } from './report-purchase'
import type { ModashReport } from '../providers/modash/schemas'

/** The cached profile (basic, plus the report if one was bought). Never a network call. */
export async function getCreator(deps: CoreDeps, creatorId: number): Promise<CreatorDetail> {
  const row = await requireCreator(deps, creatorId)
  const settings = await deps.settings.get()
  return toDetail(row, deps.clock.now(), settings.reportMaxAgeDays, {
    source: 'cache',
    reportsCharged: 0,
  })
}

/**
 * Step 3: the detailed report. A report younger than the limit (30 days) is served from the
 * cache; otherwise, or on `refresh`, one report is reserved, bought, stored and settled. If
 * Modash fails and a report was bought before, that report is served, marked stale.
 */
export async function selectCreator(
  deps: CoreDeps,
  creatorId: number,
  options: { refresh?: boolean } = {},
): Promise<CreatorDetail> {
  // A report bought while the database could not be written is stored now and served free,
  // even on "refresh": that click already paid for it.
  const replayed = deps.journal.size > 0 ? await replayJournal(deps, deps.purchaseKinds) : null
  const justStored = replayed?.storedKeys.includes(reportKey(creatorId)) ?? false
  const row = await requireCreator(deps, creatorId)
  const settings = await deps.settings.get()
  const now = deps.clock.now()
  const detail = (r: CreatorRow, extra: Parameters<typeof toDetail>[3]) =>
    toDetail(r, deps.clock.now(), settings.reportMaxAgeDays, extra)
  const log = {
    provider: 'modash' as const,
    action: 'report',
    reason: options.refresh ? 'refresh' : 'select',
    platform: row.platform as Platform,
    creatorId,
    userId: settings.userId,
  }

  if ((justStored || !options.refresh) && reportIsFresh(row, now, settings.reportMaxAgeDays)) {
    await deps.logger.record({ ...log, outcome: 'cache_hit', cacheHit: true, savedUnits: 1 })
    return detail(row, { source: 'cache', reportsCharged: 0 })
  }
  if (settings.offline) {
    if (row.has_detailed_profile === 1)
      return detail(row, {
        source: 'cache',
        reportsCharged: 0,
        staleReason: 'Offline: showing the report bought earlier.',
      })
    throw new AppError(
      'PROVIDER_UNAVAILABLE',
      'Offline: no report was bought for this creator yet.',
    )
  }

  const context = {
    creatorId,
    platform: row.platform as Platform,
    providerId: row.provider_id,
  }
  let bought: Awaited<ReturnType<typeof buy<ReportContext, ModashReport, void>>>
  try {
    bought = await buy(deps, reportPurchase, {
      key: reportKey(creatorId),
      context,
      reserveUnits: 1,
      worstCaseMilliCredits: (units) => worstCaseMilliCredits('report', units),
      // A teammate's report is used while it is fresh; "refresh" means a new one.
      teamMaxAgeMs: options.refresh ? 0 : settings.reportMaxAgeDays * DAY_MS,
      audit: log,
      call: () => deps.modash.report(context.platform, context.providerId),
    })
  } catch (err) {
    if (
      row.has_detailed_profile === 1 &&
      err instanceof ProviderError &&
      err.code !== 'KEY_MISSING'
    ) {
      return detail(row, {
        source: 'cache',
        reportsCharged: 0,
        staleReason: `Modash could not refresh the report (${err.message}).`,
      })
    }
    throw err
  }
  return detail(await requireCreator(deps, creatorId), {
    // A teammate's report: bought by the team before, free for this click.
    source: bought.fromTeam ? 'cache' : 'provider',
    reportsCharged: bought.units,
  })
}

export async function requireCreator(deps: CoreDeps, creatorId: number): Promise<CreatorRow> {
  const row = await findCreator(deps.db, creatorId)
  if (!row) throw new AppError('NOT_FOUND', `No creator ${creatorId} in the cache.`)
  return row
}
