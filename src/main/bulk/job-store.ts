import { sql } from 'kysely'
import type { Kysely, Selectable } from 'kysely'
import type {
  JobItem,
  JobItemState,
  JobKind,
  JobSpend,
  JobState,
  JobSummary,
} from '../../shared/bulk'
import { AppError } from '../../shared/errors'
import type { BulkJobItemsTable, BulkJobsTable, Database } from '../db/schema'
import type { Clock } from '../services/clock'
import { toSummary } from '../services/creator-repository'
import { itemCharges } from './job-charges'
import { readPageTarget } from './page-target'
import type { PageTarget } from './page-target'

export type JobRow = Selectable<BulkJobsTable>
export type ItemRow = Selectable<BulkJobItemsTable>

export type NewItem =
  { creatorId: number; doReport: boolean; doEmail: boolean } | { page: PageTarget }

export interface NewJob {
  kind: JobKind
  title: string
  caps: { reports: number; enrichments: number; discovery: number }
  preview: unknown
  items: NewItem[]
  /** The client its spend is for when no current client is set (a tagged list's). */
  client?: string | null
}

const CHUNK = 500
const RECENT_JOBS = 20
/** Items the time-left estimate averages over. */
const PACE_WINDOW = 20

/** The `bulk_jobs` and `bulk_job_items` tables: everything a job needs to survive a restart. */
export class JobStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString()
  }

  async create(job: NewJob): Promise<number> {
    const now = this.now()
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('bulk_jobs')
        .values({
          kind: job.kind,
          title: job.title,
          state: 'queued',
          cap_reports: job.caps.reports,
          cap_enrichments: job.caps.enrichments,
          cap_discovery: job.caps.discovery,
          preview_json: JSON.stringify(job.preview),
          stop_reason: null,
          created_at: now,
          started_at: null,
          finished_at: null,
          updated_at: now,
          client: job.client ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (let i = 0; i < job.items.length; i += CHUNK) {
        await trx
          .insertInto('bulk_job_items')
          .values(
            job.items.slice(i, i + CHUNK).map((item, k) => ({
              job_id: id,
              position: i + k,
              creator_id: 'creatorId' in item ? item.creatorId : null,
              page_json: 'page' in item ? JSON.stringify(item.page) : null,
              do_report: 'creatorId' in item && item.doReport ? 1 : 0,
              do_email: 'creatorId' in item && item.doEmail ? 1 : 0,
              state: 'pending',
              started_at: null,
              audit_mark: null,
              finished_at: null,
              message: null,
            })),
          )
          .execute()
      }
      return id
    })
  }

  async job(jobId: number): Promise<JobRow> {
    const row = await this.db
      .selectFrom('bulk_jobs')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `No job ${jobId}.`)
    return row
  }

  /** The oldest job that should run now. */
  async nextRunnable(): Promise<JobRow | undefined> {
    return this.db
      .selectFrom('bulk_jobs')
      .selectAll()
      .where('state', 'in', ['queued', 'running'])
      .orderBy('id')
      .executeTakeFirst()
  }

  /** At start: a job left running by a crash or a quit is queued again, to be resumed. */
  async requeueInterrupted(): Promise<number> {
    const result = await this.db
      .updateTable('bulk_jobs')
      .set({ state: 'queued', updated_at: this.now() })
      .where('state', '=', 'running')
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  }

  async setState(
    jobId: number,
    state: JobState,
    options: { from?: readonly JobState[]; stopReason?: string | null } = {},
  ): Promise<boolean> {
    const now = this.now()
    let update = this.db
      .updateTable('bulk_jobs')
      .set({
        state,
        updated_at: now,
        ...(options.stopReason === undefined ? {} : { stop_reason: options.stopReason }),
        ...(state === 'running'
          ? { started_at: sql<string>`coalesce(started_at, ${now})`, finished_at: null }
          : {}),
        ...(state === 'done' || state === 'cancelled' ? { finished_at: now } : {}),
        ...(state === 'stopped' ? { finished_at: now } : {}),
      })
      .where('id', '=', jobId)
    if (options.from) update = update.where('state', 'in', [...options.from])
    const result = await update.executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async nextPending(jobId: number): Promise<ItemRow | undefined> {
    return this.db
      .selectFrom('bulk_job_items')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('state', '=', 'pending')
      .orderBy('position')
      .executeTakeFirst()
  }

  /**
   * Marks the item started, once: an item resumed after a crash keeps its first mark, so what it
   * charged before the crash still counts as its own.
   */
  async start(item: ItemRow): Promise<ItemRow> {
    if (item.started_at !== null) return item
    const mark = await this.db
      .selectFrom('api_call_logs')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst()
    const started = { started_at: this.now(), audit_mark: Number(mark?.id ?? 0) }
    await this.db.updateTable('bulk_job_items').set(started).where('id', '=', item.id).execute()
    return { ...item, ...started }
  }

  async finish(item: ItemRow, state: Exclude<JobItemState, 'pending'>, message: string | null) {
    const charged = await itemCharges(this.db, item)
    await this.db
      .updateTable('bulk_job_items')
      .set({
        state,
        message,
        finished_at: this.now(),
        reports_charged: charged.reports,
        enrichments_charged: charged.enrichments,
        discovery_charged: charged.discovery,
        millicredits_charged: charged.milliCredits,
      })
      .where('id', '=', item.id)
      .execute()
  }

  /**
   * Cancelling: what was not started is skipped. An item in progress finishes as it ends (it may
   * be paid for already); one left started by a stop is closed now with what it charged.
   */
  async skipPending(jobId: number, message: string, includeStarted: boolean): Promise<void> {
    await this.db
      .updateTable('bulk_job_items')
      .set({ state: 'skipped', message, finished_at: this.now() })
      .where('job_id', '=', jobId)
      .where('state', '=', 'pending')
      .where('started_at', 'is', null)
      .execute()
    if (!includeStarted) return
    const started = await this.db
      .selectFrom('bulk_job_items')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('state', '=', 'pending')
      .execute()
    for (const item of started) await this.finish(item, 'skipped', message)
  }

  async spent(jobId: number): Promise<JobSpend> {
    const stored = await this.db
      .selectFrom('bulk_job_items')
      .select((eb) => [
        eb.fn.sum<number>('reports_charged').as('reports'),
        eb.fn.sum<number>('enrichments_charged').as('enrichments'),
        eb.fn.sum<number>('discovery_charged').as('discovery'),
        eb.fn.sum<number>('millicredits_charged').as('milli'),
      ])
      .where('job_id', '=', jobId)
      .where('state', '<>', 'pending')
      .executeTakeFirst()
    const total: JobSpend = {
      reports: Number(stored?.reports ?? 0),
      enrichments: Number(stored?.enrichments ?? 0),
      discovery: Number(stored?.discovery ?? 0),
      milliCredits: Number(stored?.milli ?? 0),
    }
    // Items started and not finished (in progress, or stopped at a limit) have charged too.
    const open = await this.db
      .selectFrom('bulk_job_items')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('state', '=', 'pending')
      .where('started_at', 'is not', null)
      .execute()
    for (const item of open) {
      const c = await itemCharges(this.db, item)
      total.reports += c.reports
      total.enrichments += c.enrichments
      total.discovery += c.discovery
      total.milliCredits += c.milliCredits
    }
    return total
  }

  async summary(jobId: number): Promise<JobSummary> {
    return this.toSummary(await this.job(jobId))
  }

  /** Recent jobs, those still to run first. */
  async recent(): Promise<JobSummary[]> {
    const rows = await this.db
      .selectFrom('bulk_jobs')
      .selectAll()
      .orderBy(sql`state IN ('queued', 'running', 'paused', 'stopped')`, 'desc')
      .orderBy('id', 'desc')
      .limit(RECENT_JOBS)
      .execute()
    return Promise.all(rows.map((row) => this.toSummary(row)))
  }

  async items(jobId: number, state?: JobItemState): Promise<JobItem[]> {
    await this.job(jobId)
    let query = this.db
      .selectFrom('bulk_job_items as i')
      .leftJoin('creators as c', 'c.id', 'i.creator_id')
      .selectAll('c')
      .select([
        'i.id as item_id',
        'i.position',
        'i.state as item_state',
        'i.message',
        'i.page_json',
        'i.reports_charged',
        'i.enrichments_charged',
        'i.discovery_charged',
        'i.millicredits_charged',
      ])
      .where('i.job_id', '=', jobId)
    if (state) query = query.where('i.state', '=', state)
    const rows = await query.orderBy('i.position').limit(5000).execute()
    return rows.map((r) => {
      const page = r.page_json === null ? null : readPageTarget(r.page_json)
      return {
        id: r.item_id,
        position: r.position,
        // A left join: the creator columns are null when the creator is gone.
        creator: r.id === null ? null : toSummary(r as Parameters<typeof toSummary>[0]),
        page:
          page === null
            ? null
            : { platform: page.platform, filtersHash: page.filtersHash, page: page.page },
        state: r.item_state as JobItemState,
        message: r.message,
        charged: {
          reports: r.reports_charged,
          enrichments: r.enrichments_charged,
          discovery: r.discovery_charged,
          milliCredits: r.millicredits_charged,
        },
      }
    })
  }

  private async toSummary(row: JobRow): Promise<JobSummary> {
    const counts = await this.db
      .selectFrom('bulk_job_items')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('job_id', '=', row.id)
      .groupBy('state')
      .execute()
    const n = (state: JobItemState) => Number(counts.find((c) => c.state === state)?.n ?? 0)
    const items = {
      pending: n('pending'),
      done: n('done'),
      failed: n('failed'),
      skipped: n('skipped'),
      total: 0,
    }
    items.total = items.pending + items.done + items.failed + items.skipped
    const state = row.state as JobState
    return {
      id: row.id,
      kind: row.kind as JobKind,
      title: row.title,
      state,
      items,
      spent: await this.spent(row.id),
      confirmed: {
        reports: row.cap_reports,
        enrichments: row.cap_enrichments,
        discovery: row.cap_discovery,
      },
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      secondsLeft:
        state === 'running' || state === 'queued'
          ? await this.secondsLeft(row.id, items.pending)
          : null,
      stopReason: row.stop_reason,
    }
  }

  /** Pending items × the average time of the last items done. */
  private async secondsLeft(jobId: number, pending: number): Promise<number | null> {
    const recent = await this.db
      .selectFrom('bulk_job_items')
      .select(['started_at', 'finished_at'])
      .where('job_id', '=', jobId)
      .where('state', 'in', ['done', 'failed'])
      .where('started_at', 'is not', null)
      .orderBy('finished_at', 'desc')
      .limit(PACE_WINDOW)
      .execute()
    if (recent.length === 0) return null
    const ms = recent.reduce(
      (sum, r) =>
        sum + Math.max(0, Date.parse(r.finished_at ?? '') - Date.parse(r.started_at ?? '')),
      0,
    )
    return Math.round((pending * ms) / recent.length / 1000)
  }
}
