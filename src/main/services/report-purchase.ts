import type { Kysely } from 'kysely'
import type { Platform } from '../../shared/platforms'
import type { Database } from '../db/schema'
import { parseReport } from '../providers/modash/schemas'
import type { ModashReport } from '../providers/modash/schemas'
import { reportEmail, storeReport } from './creator-repository'
import { teamReportKey } from '../team/keys'
import type { TeamReportContext } from '../team/keys'
import type { PurchaseKind } from './purchase/purchase'
import { worstCaseMilliCredits } from './quota-ledger'

/** Whose report; also what a journal replay needs to store it again. */
export interface ReportContext {
  creatorId: number
  platform: Platform
  providerId: string
}

export function reportKey(creatorId: number): string {
  return `report:${creatorId}`
}

/** A bought report: stored on its creator, with the email it holds (Clay is never paid for it). */
export const reportPurchase: PurchaseKind<ReportContext, ModashReport, void> = {
  name: 'report',
  provider: 'modash',
  meter: 'report',
  read: (raw, ctx) => {
    const parsed = parseReport(raw, ctx.providerId)
    return parsed.success ? parsed.data : null
  },
  charge: () => ({ units: 1, milliCredits: worstCaseMilliCredits('report', 1) }),
  store: (trx, _deps, ctx, report, boughtAt) =>
    storeBoughtReport(trx, ctx.creatorId, report, boughtAt),
  teamTerms: (ctx) => ({
    key: teamReportKey(ctx.platform, ctx.providerId),
    context: { platform: ctx.platform, providerId: ctx.providerId } satisfies TeamReportContext,
  }),
}

/**
 * Stores a report on its creator, with the email it holds (Clay is never paid for it): for a
 * report bought here, and for one pulled from the team.
 */
export async function storeBoughtReport(
  trx: Kysely<Database>,
  creatorId: number,
  report: ModashReport,
  boughtAt: string,
): Promise<void> {
  await storeReport(trx, creatorId, report, boughtAt)
  const email = reportEmail(report.profile)
  if (email === null) return
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
    .where('email_found', '<>', 1)
    .execute()
}
