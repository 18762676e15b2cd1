import type { AbandonLookupResult } from '../../shared/domain'
import type { ClayLog } from './clay-runs'
import { closeRun } from './clay-runs'
import type { CoreDeps } from './core-deps'
import { emailInfo } from './creator-detail'
import { requireCreator } from './report-service'

/**
 * The user gives up on a Clay lookup that has not answered. Its run is closed as `abandoned`, so
 * no later click resumes it and the next lookup is a new one. It was counted when it started, so
 * nothing is charged or refunded here. Not behind the purchase lock: a click may be waiting on
 * the run right now, and abandoning must not wait for it (if that click still gets an answer, the
 * answer is kept, as it was paid for).
 */
export async function abandonLookup(
  deps: CoreDeps,
  creatorId: number,
): Promise<AbandonLookupResult> {
  await requireCreator(deps, creatorId)
  const settings = await deps.settings.get()
  const log: ClayLog = {
    provider: 'clay',
    action: 'enrich-result',
    reason: 'abandon',
    creatorId,
    userId: settings.userId,
  }
  const open = await deps.db
    .selectFrom('clay_runs')
    .select('run_id')
    .where('creator_id', '=', creatorId)
    .where('finished_at', 'is', null)
    .execute()
  for (const { run_id } of open) await closeRun(deps, run_id, 'abandoned', log)
  const row = await requireCreator(deps, creatorId)
  return { abandoned: open.length > 0, email: emailInfo(row, deps.clock.now()) }
}
