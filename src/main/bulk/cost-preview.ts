import type { BatchPreview, BatchTarget } from '../../shared/bulk'
import type { CoreDeps } from '../services/core-deps'
import { MILLI_PER_REPORT } from '../services/modash-prices'
import { targetCreatorIds } from './batch-target'
import { planCreators } from './creator-plan'
import type { CreatorPlan, Wants } from './creator-plan'
import { meterLeft } from './meter-left'

/**
 * Step 2 of bulk work: the one cost preview a batch is confirmed with. Read from the cache by the
 * rules the services buy by, so the job then charges exactly this: the reports to buy, and the
 * Clay lookups (those whose report is bought by the job count as "at most": the new report may
 * hold the email).
 */
export async function previewBatch(
  deps: CoreDeps,
  target: BatchTarget,
  wants: Wants,
): Promise<BatchPreview & { plans: CreatorPlan[] }> {
  const ids = await targetCreatorIds(deps.db, target)
  const settings = await deps.settings.get()
  const plans = await planCreators(deps.db, ids, wants, deps.clock.now(), settings.reportMaxAgeDays)
  const count = (test: (p: CreatorPlan) => boolean) => plans.filter(test).length
  const toBuy = count((p) => p.reportToBuy)
  return {
    creators: plans.length,
    missing: ids.length - plans.length,
    reports: {
      fresh: wants.reports ? count((p) => p.reportFresh) : 0,
      toBuy,
      milliCredits: toBuy * MILLI_PER_REPORT,
    },
    emails: {
      known: count((p) => p.email === 'known'),
      notFoundRemembered: count((p) => p.email === 'not_found'),
      waiting: count((p) => p.email === 'waiting'),
      lookups: count((p) => p.email === 'lookup'),
      lookupsAtMost: count((p) => p.email === 'lookup_at_most'),
      needReport: count((p) => p.email === 'need_report'),
    },
    left: meterLeft(await deps.ledger.status()),
    plans,
  }
}
