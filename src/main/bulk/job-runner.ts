import type { JobSpend } from '../../shared/bulk'
import { PAGE_SIZE } from '../../shared/search-filters'
import { plural } from './words'
import { planCreators, worstCase } from './creator-plan'
import type { ItemOutcome } from './job-worker'
import type { ItemRow, JobRow, JobStore } from './job-store'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../services/clock'

export interface RunnerDeps {
  store: JobStore
  db: Kysely<Database>
  clock: Clock
  reportMaxAgeDays: () => Promise<number>
  process: (item: ItemRow) => Promise<ItemOutcome>
  /** Something went wrong outside any item (the database): kept for the logs, never thrown. */
  onError?: (err: unknown) => void
}

/**
 * Runs jobs one at a time and their items one at a time, in main, in the background: the
 * providers' clients hold each call to their rate limit, and the ledger reserves each item's
 * units as it is bought, so a job meeting a monthly limit stops at that item, with the rest left
 * pending. Pause and cancel take effect between items (the item in progress finishes: it may
 * already be paid for). Nothing here pays: the services do.
 */
export class JobRunner {
  private loop: Promise<void> | null = null
  private closing = false

  constructor(private readonly deps: RunnerDeps) {}

  /** Starts the loop if it is not running; it ends when no job is left to run. */
  kick(): void {
    if (this.loop !== null || this.closing) return
    this.loop = this.runAll()
      .catch((err: unknown) => this.deps.onError?.(err))
      .finally(() => {
        this.loop = null
      })
  }

  /** Waits for the loop to reach the end of its current item. */
  async idle(): Promise<void> {
    while (this.loop !== null) await this.loop
  }

  /** Stops after the current item; an unfinished job stays `running` and resumes at the next start. */
  async close(): Promise<void> {
    this.closing = true
    await this.loop
  }

  private async runAll(): Promise<void> {
    for (;;) {
      if (this.closing) return
      const job = await this.deps.store.nextRunnable()
      if (job === undefined) return
      await this.runJob(job)
    }
  }

  private async runJob(job: JobRow): Promise<void> {
    const { store } = this.deps
    if (
      !(await store.setState(job.id, 'running', { from: ['queued', 'running'], stopReason: null }))
    )
      return
    for (;;) {
      if (this.closing) return
      const current = await store.job(job.id)
      if (current.state !== 'running') return
      const next = await store.nextPending(job.id)
      if (next === undefined) {
        await store.setState(job.id, 'done', { from: ['running'] })
        return
      }
      const over = await this.overConfirmed(current, next)
      if (over !== null) {
        await this.stop(
          job.id,
          over,
          'start a new batch for the rest: its preview shows what they cost.',
        )
        return
      }
      const item = await store.start(next)
      const outcome = await this.deps.process(item)
      if (outcome.kind === 'stop') {
        await this.stop(job.id, outcome.reason, 'resume it once that is solved.')
        return
      }
      await store.finish(item, outcome.kind, outcome.message)
    }
  }

  private async stop(jobId: number, reason: string, next: string): Promise<void> {
    const left = (await this.deps.store.summary(jobId)).items.pending
    await this.deps.store.setState(jobId, 'stopped', {
      from: ['running'],
      stopReason: `${reason} The job stopped with ${plural(left, 'item')} left; ${next}`,
    })
  }

  /**
   * The job never spends more than the user confirmed: if this item's worst case would pass it
   * (a report that aged past the limit while the job ran), the job stops before the item.
   */
  private async overConfirmed(job: JobRow, item: ItemRow): Promise<string | null> {
    const spent: JobSpend = await this.deps.store.spent(job.id)
    // An item resumed after a stop has charged already; its worst case is what is left of it.
    let need = { reports: 0, enrichments: 0, discovery: 0 }
    if (item.page_json !== null) need = { ...need, discovery: PAGE_SIZE }
    else if (item.creator_id !== null) {
      const [plan] = await planCreators(
        this.deps.db,
        [item.creator_id],
        { reports: item.do_report === 1, emails: item.do_email === 1 },
        this.deps.clock.now(),
        await this.deps.reportMaxAgeDays(),
      )
      if (plan) need = { ...worstCase(plan), discovery: 0 }
    }
    const over = (
      [
        ['reports', 'report', job.cap_reports],
        ['enrichments', 'email lookup', job.cap_enrichments],
        ['discovery', 'discovery result', job.cap_discovery],
      ] as const
    ).find(([meter, , cap]) => need[meter] > 0 && spent[meter] + need[meter] > cap)
    if (over === undefined) return null
    const [, word, cap] = over
    return `This job has spent the ${plural(cap, word)} you confirmed, and the next item needs more (a report may have aged past its limit while the job ran). Nothing more was charged.`
  }
}
