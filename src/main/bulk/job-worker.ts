import { isAppError } from '../../shared/errors'
import type { CreatorService } from '../services/core-types'
import type { ItemRow } from './job-store'
import type { PageTarget } from './page-target'
import { readPageTarget } from './page-target'

/** How one item ended; `stop` ends the job's run and leaves the item to be resumed. */
export type ItemOutcome =
  | { kind: 'done'; message: string | null }
  | { kind: 'failed'; message: string }
  | { kind: 'skipped'; message: string }
  | { kind: 'stop'; reason: string }

export interface WorkerDeps {
  /** The services every single click uses: they reserve, buy once, store and settle. */
  creators: Pick<CreatorService, 'get' | 'select' | 'enrich'>
  refreshPage(page: PageTarget, since: string): Promise<unknown>
}

/**
 * One item of a job, through the same services as a single click, so everything a click
 * guarantees holds here: a report younger than 30 days is free (which is also what makes a
 * resumed item free), an email is bought once, a Clay lookup left waiting is picked up.
 */
export async function processItem(deps: WorkerDeps, item: ItemRow): Promise<ItemOutcome> {
  try {
    if (item.page_json !== null) {
      await deps.refreshPage(readPageTarget(item.page_json), item.started_at ?? '')
      return { kind: 'done', message: null }
    }
    if (item.creator_id === null) return { kind: 'skipped', message: 'Nothing to do.' }
    return await processCreator(deps, item.creator_id, item)
  } catch (err) {
    return classify(err)
  }
}

async function processCreator(
  deps: WorkerDeps,
  creatorId: number,
  item: ItemRow,
): Promise<ItemOutcome> {
  let note: string | null = null
  let hasReport: boolean | null = null
  if (item.do_report === 1) {
    const detail = await deps.creators.select(creatorId)
    hasReport = detail.report !== null
    if (detail.staleReason !== undefined) {
      // Modash failed and the report bought earlier was kept: not what was asked for.
      if (item.do_email !== 1 || !hasReport) return { kind: 'failed', message: detail.staleReason }
      note = detail.staleReason
    }
  }
  if (item.do_email === 1) {
    hasReport ??= (await deps.creators.get(creatorId)).creator.hasDetailedProfile
    if (!hasReport)
      return { kind: 'skipped', message: 'No detailed report: an email lookup needs one.' }
    const result = await deps.creators.enrich(creatorId)
    if (result.email.status === 'unknown')
      return {
        kind: 'failed',
        message:
          'Clay has not answered yet. The lookup was counted; its answer is picked up for free the next time this creator is enriched.',
      }
  }
  return { kind: 'done', message: note }
}

/**
 * Whether a failure is the item's own (it fails, the job goes on) or the job's (a monthly limit,
 * a missing key, no connection, the database: every next item would fail the same way, so the
 * job stops and can be resumed once it is fixed).
 */
export function classify(err: unknown): ItemOutcome {
  const message = err instanceof Error ? err.message : String(err)
  if (!isAppError(err)) return { kind: 'failed', message }
  switch (err.code) {
    case 'QUOTA_EXCEEDED':
    case 'KEY_MISSING':
    case 'PROVIDER_UNAVAILABLE':
    case 'STORAGE':
      return { kind: 'stop', reason: message }
    case 'PRECONDITION':
      // The ledger refuses paid calls while the computer's clock is not believed.
      return err.details?.reason === 'clock-leap'
        ? { kind: 'stop', reason: message }
        : { kind: 'failed', message }
    default:
      return { kind: 'failed', message }
  }
}
