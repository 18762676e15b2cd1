import type { CreatorSummary } from './domain'
import type { Platform } from './platforms'
import type { SearchFilters } from './search-filters'

/**
 * Bulk work: handle imports, batch cost previews, background jobs, search history, saved searches
 * and the refresh planner. Counts and credits are integers; Modash credits are milli-credits.
 */

/** What became of one imported line, before anything is bought. */
export type HandleStatus =
  /** Matched a creator already in the local cache. */
  | 'cached'
  /** Found by Modash's free handle lookup, now kept in the cache. */
  | 'resolved'
  /** Modash knows no account with this handle. */
  | 'not_found'
  /** Well formed, not in the cache, and not looked up yet (a lookup was not asked for, or the lookup limit of one check was reached). */
  | 'unchecked'
  /** The same handle (or creator) as an earlier line. */
  | 'duplicate'
  /** Not a handle or profile link of a supported platform. */
  | 'invalid'

export const HANDLE_STATUSES: readonly HandleStatus[] = [
  'cached',
  'resolved',
  'not_found',
  'unchecked',
  'duplicate',
  'invalid',
]

export interface HandleEntry {
  /** 1-based line of the pasted text or file where the value starts. */
  line: number
  /** The value as read, shortened for display. */
  input: string
  platform: Platform | null
  /** The normalised handle (lower case, no @), or a YouTube channel id as written. */
  handle: string | null
  status: HandleStatus
  /** The creator, for `cached` and `resolved`. */
  creator: CreatorSummary | null
  /** Plain words: why a line is invalid, which line it repeats, what was not found. */
  note: string | null
}

export interface HandleCheck {
  /** CSV and TSV: the header cells (or "Column N") to choose the handle column from. */
  columns: string[] | null
  /** The column read (0-based), or null for a plain list. */
  column: number | null
  entries: HandleEntry[]
  counts: Record<HandleStatus, number>
  /** The distinct creators found (cached and resolved), in input order. */
  creatorIds: number[]
  /** Free Modash lookups this check made. */
  lookups: number
  /** Why lookups stopped early (offline, no key, Modash unavailable); null when they did not. */
  lookupProblem: string | null
}

/** A batch a cost preview or job works on: chosen creators, or a list's members. */
export type BatchTarget = { creatorIds: number[] } | { listId: number }

export interface MeterLeft {
  /** Units left of the monthly limit now (limit − used − held); null when there is no limit. */
  report: number | null
  enrichment: number | null
  discovery: number | null
}

/** What buying reports and emails for a batch would cost, before one confirmation. */
export interface BatchPreview {
  /** Distinct creators in the batch that are in the cache. */
  creators: number
  /** Ids asked for that are no longer in the cache (skipped). */
  missing: number
  reports: {
    /** Reports younger than the report age limit: served free. */
    fresh: number
    /** Reports that would be bought (none when reports were not asked for). */
    toBuy: number
    milliCredits: number
  }
  emails: {
    /** Emails already known (found earlier, or in a cached report): free. */
    known: number
    /** Clay "not found" answers still remembered: free, nothing is looked up. */
    notFoundRemembered: number
    /** Lookups started earlier that are still waiting: picked up free. */
    waiting: number
    /** Clay lookups that will run: the creator's report is cached and holds no email. */
    lookups: number
    /**
     * Clay lookups that may run: the report is bought by this job first, and a lookup runs only
     * if it holds no email.
     */
    lookupsAtMost: number
    /** No report and reports not asked for: emails need one, so these are skipped. */
    needReport: number
  }
  left: MeterLeft
}

export type JobKind = 'buy' | 'refresh'
export type JobState = 'queued' | 'running' | 'paused' | 'stopped' | 'cancelled' | 'done'
export const ACTIVE_JOB_STATES: readonly JobState[] = ['queued', 'running']
export type JobItemState = 'pending' | 'done' | 'failed' | 'skipped'

export interface JobSpend {
  reports: number
  enrichments: number
  discovery: number
  milliCredits: number
}

export interface JobSummary {
  id: number
  kind: JobKind
  title: string
  state: JobState
  items: { total: number; pending: number; done: number; failed: number; skipped: number }
  /** What the job charged so far, from the audit log. */
  spent: JobSpend
  /** What the user confirmed: the job never spends more than this on a meter. */
  confirmed: { reports: number; enrichments: number; discovery: number }
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** Estimated from the items done so far; null before the first or when not running. */
  secondsLeft: number | null
  /** Why a job stopped before its end (a monthly limit, a missing key), in plain words. */
  stopReason: string | null
}

export interface JobItem {
  id: number
  position: number
  creator: CreatorSummary | null
  /** A search page refreshed by a refresh job. */
  page: { platform: Platform; filtersHash: string; page: number } | null
  state: JobItemState
  message: string | null
  charged: JobSpend
}

export interface SearchHistoryEntry {
  platform: Platform
  filtersHash: string
  /** The canonical filters the search ran with. */
  filters: SearchFilters
  firstRunAt: string
  lastRunAt: string
  runs: number
  /** Pages of this search kept in the cache, which reopen for free. */
  pagesCached: number
  /** The oldest and newest cached page of it; null when none is cached. */
  oldestPageAt: string | null
  newestPageAt: string | null
  /** Discovery results bought for this search, and their Modash milli-credits. */
  resultsCharged: number
  milliCredits: number
  savedId: number | null
  savedName: string | null
}

export interface SavedSearch {
  id: number
  name: string
  platform: Platform
  filtersHash: string
  filters: SearchFilters
  savedAt: string
  pagesCached: number
  oldestPageAt: string | null
  /** Days since its oldest cached page was bought; null when no page is cached. */
  ageDays: number | null
  /** Some of its cached pages are older than the age asked for: worth refreshing. */
  stale: boolean
  /** What buying those older pages again would cost at most (15 results a page). */
  refreshResultsAtMost: number
  refreshMilliCreditsAtMost: number
}

export type RefreshScope =
  | { kind: 'all' }
  | { kind: 'list'; listId: number }
  | { kind: 'search'; platform: Platform; filtersHash: string }

export interface RefreshPlan {
  /** Reports past the report age limit (30 days by default). */
  reports: { stale: number; milliCredits: number }
  /** Search pages older than `pageAgeDays`; each costs up to 15 results to buy again. */
  pages: { stale: number; resultsAtMost: number; milliCreditsAtMost: number; pageAgeDays: number }
  /** Clay "not found" answers whose memory expired: a new lookup each. */
  emails: { expired: number }
  left: MeterLeft
}
