import type { CreatorDetail } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { ProviderError } from '../providers/provider-error'
import type { CoreDeps } from './core-deps'
import { toDetail, reportIsFresh } from './creator-detail'
import type { CreatorRow } from './creator-repository'
import { findCreator, reportEmail, storeReport } from './creator-repository'
import { failureDuration, failureOutcome, failureStatus, mayHaveBilled } from './provider-failure'
import { worstCaseMilliCredits } from './quota-ledger'

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
  const row = await requireCreator(deps, creatorId)
  const settings = await deps.settings.get()
  const now = deps.clock.now()
  const detail = (r: CreatorRow, extra: Parameters<typeof toDetail>[3]) =>
    toDetail(r, deps.clock.now(), settings.reportMaxAgeDays, extra)
  const log = {
    provider: 'modash' as const,
    action: 'report',
    reason: options.refresh ? 'refresh' : 'select',
    platform: row.platform as CreatorDetail['creator']['platform'],
    creatorId,
    userId: settings.userId,
  }

  if (!options.refresh && reportIsFresh(row, now, settings.reportMaxAgeDays)) {
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

  const reservation = await deps.ledger.reserve('report', 1)
  let report: Awaited<ReturnType<CoreDeps['modash']['report']>>
  try {
    await deps.ledger.markSent(reservation)
    report = await deps.modash.report(
      row.platform as CreatorDetail['creator']['platform'],
      row.provider_id,
    )
  } catch (err) {
    // Modash answered but the report was lost: it was billed, so it is counted.
    const billed = mayHaveBilled(err) ? 1 : 0
    if (billed > 0) await deps.ledger.settle(reservation, 1, worstCaseMilliCredits('report', 1))
    else await deps.ledger.release(reservation)
    await deps.logger.record({
      ...log,
      outcome: failureOutcome(err),
      httpStatus: failureStatus(err),
      durationMs: failureDuration(err),
      costUnits: billed,
      costMilliCredits: worstCaseMilliCredits('report', billed),
    })
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

  const fetchedAt = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await storeReport(trx, creatorId, report.data, fetchedAt)
    // Modash sometimes holds the email already: keep it, so enrichment never pays Clay for it.
    const email = reportEmail(report.data.profile)
    if (email !== null && row.email_found !== 1) {
      await trx
        .updateTable('creators')
        .set({
          email,
          email_found: 1,
          email_source: 'modash',
          email_status: 'from_report',
          email_not_found_until: null,
        })
        .where('id', '=', creatorId)
        .execute()
    }
    await deps.ledger.settle(reservation, 1, worstCaseMilliCredits('report', 1), trx)
    await deps.logger.record(
      {
        ...log,
        outcome: 'ok',
        httpStatus: report.meta.httpStatus,
        durationMs: report.meta.durationMs,
        costUnits: 1,
        costMilliCredits: worstCaseMilliCredits('report', 1),
      },
      trx,
    )
  })
  return detail(await requireCreator(deps, creatorId), { source: 'provider', reportsCharged: 1 })
}

export async function requireCreator(deps: CoreDeps, creatorId: number): Promise<CreatorRow> {
  const row = await findCreator(deps.db, creatorId)
  if (!row) throw new AppError('NOT_FOUND', `No creator ${creatorId} in the cache.`)
  return row
}
