import type {
  BatchPreview,
  HandleCheck,
  JobSummary,
  RefreshPlan,
  SavedSearch,
  SearchHistoryEntry,
} from '../../src/shared/bulk'
import { HANDLE_STATUSES } from '../../src/shared/bulk'
import type { BULK_CHANNELS } from '../../src/shared/bulk-contract'
import type { CreatorSummary } from '../../src/shared/domain'
import type { Envelope } from '../../src/shared/errors'
import type { ChannelInput, ChannelResult } from '../../src/shared/ipc-contract'
import { PAGE_SIZE } from '../../src/shared/search-filters'
import { NOW } from './fake-data'

type BulkChannel = keyof typeof BULK_CHANNELS
type Result<C extends BulkChannel> =
  Envelope<ChannelResult<C>> | Promise<Envelope<ChannelResult<C>>>
export type BulkHandlers = { [C in BulkChannel]: (input: ChannelInput<C>) => Result<C> }

const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })

export function emptyCheck(): HandleCheck {
  return {
    columns: null,
    column: null,
    entries: [],
    counts: Object.fromEntries(HANDLE_STATUSES.map((s) => [s, 0])) as HandleCheck['counts'],
    creatorIds: [],
    lookups: 0,
    lookupProblem: null,
  }
}

export function makePreview(overrides: Partial<BatchPreview> = {}): BatchPreview {
  return {
    creators: 3,
    missing: 0,
    reports: { fresh: 1, toBuy: 2, milliCredits: 2000 },
    emails: {
      known: 1,
      notFoundRemembered: 0,
      waiting: 0,
      lookups: 0,
      lookupsAtMost: 2,
      needReport: 0,
    },
    left: { report: 1300, enrichment: 496, discovery: 138_800 },
    ...overrides,
  }
}

export function makeJob(overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 1,
    kind: 'buy',
    title: 'Batch',
    state: 'queued',
    items: { total: 3, pending: 3, done: 0, failed: 0, skipped: 0 },
    spent: { reports: 0, enrichments: 0, discovery: 0, milliCredits: 0 },
    confirmed: { reports: 2, enrichments: 2, discovery: 0 },
    createdAt: NOW.toISOString(),
    startedAt: null,
    finishedAt: null,
    secondsLeft: null,
    stopReason: null,
    ...overrides,
  }
}

export function makePlan(overrides: Partial<RefreshPlan> = {}): RefreshPlan {
  return {
    reports: { stale: 0, milliCredits: 0 },
    pages: { stale: 0, resultsAtMost: 0, milliCreditsAtMost: 0, pageAgeDays: 30 },
    emails: { expired: 0 },
    left: { report: 1300, enrichment: 496, discovery: 138_800 },
    ...overrides,
  }
}

/** The bulk channels of the fake main: jobs kept in memory, everything else plain defaults. */
export class FakeBulk {
  jobs: JobSummary[] = []
  check: HandleCheck = emptyCheck()
  preview: BatchPreview = makePreview()
  plan: RefreshPlan = makePlan()
  history: SearchHistoryEntry[] = []
  saved: SavedSearch[] = []
  /** The page a history entry reopens to. */
  opened: CreatorSummary[] = []
  private nextJobId = 1

  handlers(): BulkHandlers {
    const addJob = (title: string, total: number, kind: JobSummary['kind']) => {
      const job = makeJob({
        id: this.nextJobId++,
        title,
        kind,
        items: { total, pending: total, done: 0, failed: 0, skipped: 0 },
      })
      this.jobs = [job, ...this.jobs]
      return ok(job)
    }
    return {
      'bulk:check': () => ok(this.check),
      'bulk:preview': () => ok(this.preview),
      'bulk:start': ({ title, target }) =>
        addJob(
          title,
          'creatorIds' in target ? target.creatorIds.length : this.preview.creators,
          'buy',
        ),
      'jobs:status': () => ok({ jobs: this.jobs }),
      'jobs:items': () => ok({ items: [] }),
      'jobs:control': ({ jobId, action }) => {
        const state = ({ pause: 'paused', resume: 'queued', cancel: 'cancelled' } as const)[action]
        this.jobs = this.jobs.map((j) => (j.id === jobId ? { ...j, state } : j))
        const job = this.jobs.find((j) => j.id === jobId)
        return job ? ok(job) : { ok: false, error: { code: 'NOT_FOUND', message: 'no job' } }
      },
      'searches:history': () => ok({ entries: this.history }),
      'searches:open': ({ platform, filtersHash, page }) =>
        ok({
          platform,
          page,
          creators: this.opened.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
          total: this.opened.length,
          source: 'cache',
          fetchedAt: NOW.toISOString(),
          resultsCharged: 0,
          filtersHash,
        }),
      'searches:save': ({ platform, filtersHash, name }) => {
        const saved: SavedSearch = {
          id: this.saved.length + 1,
          name,
          platform,
          filtersHash,
          filters: {},
          savedAt: NOW.toISOString(),
          pagesCached: 1,
          oldestPageAt: NOW.toISOString(),
          ageDays: 0,
          stale: false,
          refreshResultsAtMost: 0,
          refreshMilliCreditsAtMost: 0,
        }
        this.saved = [...this.saved, saved]
        this.history = this.history.map((e) =>
          e.filtersHash === filtersHash ? { ...e, savedId: saved.id, savedName: name } : e,
        )
        return ok(saved)
      },
      'searches:saved': () => ok({ searches: this.saved }),
      'searches:forget': ({ savedId }) => {
        this.saved = this.saved.filter((s) => s.id !== savedId)
        return ok({ forgotten: true })
      },
      'refresh:plan': () => ok(this.plan),
      'refresh:start': () => addJob('Refresh the cache', 3, 'refresh'),
      'export:audit-csv': () => ok({ path: '/home/me/Exports/audit.csv', rows: 12 }),
      'export:usage-csv': () => ok({ path: '/home/me/Exports/usage.csv', rows: 2 }),
      'export:client-spend-csv': () => ok({ path: '/home/me/Exports/spend.csv', rows: 2 }),
    }
  }
}
