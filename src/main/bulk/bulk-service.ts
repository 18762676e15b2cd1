import type {
  BatchPreview,
  HandleCheck,
  JobItem,
  JobSummary,
  RefreshPlan,
  SavedSearch,
  SearchHistoryEntry,
} from '../../shared/bulk'
import type { SearchResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ChannelInput } from '../../shared/ipc-contract'
import { PAGE_SIZE } from '../../shared/search-filters'
import type { CoreDeps } from '../services/core-deps'
import type { CreatorService } from '../services/core-types'
import { reconcileBalance } from '../services/reconciliation'
import { previewBatch } from './cost-preview'
import { worstCase } from './creator-plan'
import { checkHandles } from './handle-check'
import { JobRunner } from './job-runner'
import { JobStore } from './job-store'
import type { NewItem } from './job-store'
import { processItem } from './job-worker'
import { refreshPage } from './page-refresh'
import { planRefresh } from './refresh-planner'
import { forgetSearch, saveSearch, savedSearches } from './saved-searches'
import { openCachedPage, searchHistory } from './search-history'
import type { CsvTable } from './table-csv'
import { auditTable, clientSpendTable, usageTable } from './usage-tables'
import { plural } from './words'

/** Bulk work as the IPC handlers call it. */
export interface BulkService {
  check(input: ChannelInput<'bulk:check'>): Promise<HandleCheck>
  preview(input: ChannelInput<'bulk:preview'>): Promise<BatchPreview>
  start(input: ChannelInput<'bulk:start'>): Promise<JobSummary>
  status(): Promise<{ jobs: JobSummary[] }>
  items(input: ChannelInput<'jobs:items'>): Promise<{ items: JobItem[] }>
  control(input: ChannelInput<'jobs:control'>): Promise<JobSummary>
  history(input: ChannelInput<'searches:history'>): Promise<{ entries: SearchHistoryEntry[] }>
  open(input: ChannelInput<'searches:open'>): Promise<SearchResult>
  save(input: ChannelInput<'searches:save'>): Promise<SavedSearch>
  saved(input: ChannelInput<'searches:saved'>): Promise<{ searches: SavedSearch[] }>
  forget(input: ChannelInput<'searches:forget'>): Promise<{ forgotten: boolean }>
  refreshPlan(input: ChannelInput<'refresh:plan'>): Promise<RefreshPlan>
  refreshStart(input: ChannelInput<'refresh:start'>): Promise<JobSummary>
  auditTable(input: ChannelInput<'export:audit-csv'>): CsvTable
  usageTable(): CsvTable
  clientSpendTable(input: ChannelInput<'export:client-spend-csv'>): CsvTable
  /** Resumes the jobs a crash or a quit left running. Called once, at start. */
  resumeInterrupted(): Promise<void>
  /** Resolves when no job is running (tests and benchmarks). */
  idle(): Promise<void>
  close(): Promise<void>
}

export function createBulkService(
  deps: CoreDeps,
  creators: Pick<CreatorService, 'get' | 'select' | 'enrich'>,
): BulkService {
  const store = new JobStore(deps.db, deps.clock)
  const runner = new JobRunner({
    store,
    db: deps.db,
    clock: deps.clock,
    reportMaxAgeDays: async () => (await deps.settings.get()).reportMaxAgeDays,
    // A job started for a tagged list bills the list's client when no current client is set.
    process: async (item) => {
      const job = await deps.db
        .selectFrom('bulk_jobs')
        .select('client')
        .where('id', '=', item.job_id)
        .executeTakeFirst()
      return deps.logger.withFallbackClient(job?.client ?? null, () =>
        processItem(
          { creators, refreshPage: (page, since) => refreshPage(deps, page, since) },
          item,
        ),
      )
    },
    onError: (err) => console.error('[bulk] a job stopped unexpectedly:', err),
  })

  async function startJob(job: Parameters<JobStore['create']>[0]): Promise<JobSummary> {
    if (job.items.length === 0)
      throw new AppError('PRECONDITION', 'Nothing to do: none of these is in the cache.')
    const id = await store.create(job)
    runner.kick()
    return store.summary(id)
  }

  return {
    check: (input) => checkHandles(deps, input),
    preview: async (input) => {
      // Before a large action: read the Modash balance (free), so the ledger holds the batch to
      // what the real account has, including spend made outside this app.
      await readBalanceQuietly(deps)
      const { plans: _plans, ...preview } = await previewBatch(deps, input.target, input)
      void _plans
      return preview
    },

    start: async (input) => {
      if (!input.reports && !input.emails)
        throw new AppError('VALIDATION', 'Choose reports, emails, or both.')
      const { plans, ...preview } = await previewBatch(deps, input.target, input)
      const worst = plans.map(worstCase)
      const reports = worst.reduce((n, w) => n + w.reports, 0)
      const enrichments = worst.reduce((n, w) => n + w.enrichments, 0)
      // The one confirmation covers what the user saw; if the cache changed since, ask again.
      if (reports > input.confirmed.reports || enrichments > input.confirmed.enrichments)
        throw new AppError(
          'PRECONDITION',
          `The cost changed since the preview: it is now ${plural(reports, 'report')} and up to ${plural(enrichments, 'email lookup')}. Nothing was bought; preview again.`,
          { reports, enrichments },
        )
      const items: NewItem[] = plans.map((p) => ({
        creatorId: p.creatorId,
        doReport: input.reports,
        doEmail: input.emails,
      }))
      const list =
        'listId' in input.target
          ? await deps.db
              .selectFrom('lists')
              .select('client')
              .where('id', '=', input.target.listId)
              .executeTakeFirst()
          : undefined
      return startJob({
        kind: 'buy',
        title: input.title,
        caps: { reports, enrichments, discovery: 0 },
        preview,
        items,
        client: list?.client ?? null,
      })
    },

    status: async () => ({ jobs: await store.recent() }),
    items: async (input) => ({ items: await store.items(input.jobId, input.state) }),

    control: async ({ jobId, action }) => {
      const job = await store.job(jobId)
      if (action === 'pause') {
        if (!(await store.setState(jobId, 'paused', { from: ['queued', 'running'] })))
          throw new AppError('PRECONDITION', `This job is ${job.state}: only a running job pauses.`)
      } else if (action === 'resume') {
        if (!(await store.setState(jobId, 'queued', { from: ['paused', 'stopped'] })))
          throw new AppError('PRECONDITION', `This job is ${job.state}: nothing to resume.`)
        runner.kick()
      } else {
        const wasRunning = job.state === 'running'
        if (
          !(await store.setState(jobId, 'cancelled', {
            from: ['queued', 'running', 'paused', 'stopped'],
          }))
        )
          throw new AppError('PRECONDITION', `This job is ${job.state} already.`)
        // An item in progress finishes as it ends: it may be paid for already.
        await store.skipPending(jobId, 'Cancelled before it started.', !wasRunning)
      }
      return store.summary(jobId)
    },

    history: async (input) => ({ entries: await searchHistory(deps.db, input.limit) }),
    open: (input) => openCachedPage(deps.db, input.platform, input.filtersHash, input.page),
    save: (input) => saveSearch(deps.db, deps.clock, input),
    saved: async (input) => ({
      searches: await savedSearches(deps.db, deps.clock, input.olderThanDays),
    }),
    forget: async (input) => ({ forgotten: await forgetSearch(deps.db, input.savedId) }),

    refreshPlan: async (input) => {
      const { targets: _targets, ...plan } = await planRefresh(deps, input.scope, input.pageAgeDays)
      void _targets
      return plan
    },

    refreshStart: async (input) => {
      const { targets, ...plan } = await planRefresh(deps, input.scope, input.pageAgeDays)
      const reports = input.parts.reports ? targets.staleReports : []
      const emails = input.parts.emails ? targets.expiredEmails : []
      const pages = input.parts.pages ? targets.pages : []
      const discovery = pages.length * PAGE_SIZE
      if (
        reports.length > input.confirmed.reports ||
        emails.length > input.confirmed.enrichments ||
        discovery > input.confirmed.discovery
      )
        throw new AppError(
          'PRECONDITION',
          'What is stale changed since the plan. Nothing was bought; plan the refresh again.',
        )
      const byCreator = new Map<number, { doReport: boolean; doEmail: boolean }>()
      for (const id of reports) byCreator.set(id, { doReport: true, doEmail: false })
      for (const id of emails)
        byCreator.set(id, { doReport: byCreator.get(id)?.doReport ?? false, doEmail: true })
      const items: NewItem[] = [
        ...[...byCreator].map(([creatorId, wants]) => ({ creatorId, ...wants })),
        ...pages.map((page) => ({ page })),
      ]
      return startJob({
        kind: 'refresh',
        title: refreshTitle(input.scope.kind, items.length),
        caps: { reports: reports.length, enrichments: emails.length, discovery },
        preview: plan,
        items,
      })
    },

    auditTable: (input) => auditTable(deps.db, input),
    usageTable: () => usageTable(deps.db),
    clientSpendTable: (input) => clientSpendTable(deps.db, input.month),

    resumeInterrupted: async () => {
      await store.requeueInterrupted()
      runner.kick()
    },
    idle: () => runner.idle(),
    close: () => runner.close(),
  }
}

function refreshTitle(scope: 'all' | 'list' | 'search', items: number): string {
  const what = { all: 'the cache', list: 'a list', search: 'a search' }[scope]
  return `Refresh ${what} (${plural(items, 'item')})`
}

/** A balance reading that never stands in the way: offline or failing, the batch goes on. */
async function readBalanceQuietly(deps: CoreDeps): Promise<void> {
  if ((await deps.settings.get()).offline) return
  await reconcileBalance(deps).catch(() => undefined)
}
