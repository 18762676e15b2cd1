import type { Generated } from 'kysely'
import type { Platform } from '../../shared/platforms'

/**
 * The FTS5 table holding the bios of one platform's creators (created by migration 002, which
 * keeps its own frozen copy of the name; services use this one).
 */
export function bioTable(platform: Platform): `creators_bio_${Platform}` {
  return `creators_bio_${platform}`
}

/**
 * Row types of the SQLite cache. SQLite has no booleans: flags are 0/1 integers. Times are
 * ISO-8601 UTC strings, which sort and compare correctly as text. Credits and counts are integers.
 */
export interface CreatorsTable {
  id: Generated<number>
  platform: string
  provider_id: string
  /** Normalised (lower case, no @, no URL); null when another creator now holds the handle. */
  handle: string | null
  full_name: string | null
  profile_url: string | null
  picture_url: string | null
  followers: number | null
  engagements: number | null
  engagement_rate: number | null
  average_views: number | null
  is_verified: number | null
  /** Known once a report is stored; used by local (offline) search. */
  country: string | null
  language: string | null
  gender: string | null
  bio: string | null
  credibility: number | null
  top_country: string | null
  top_country_share: number | null
  basic_profile_json: string | null
  detailed_profile_json: string | null
  has_basic_profile: number
  has_detailed_profile: number
  basic_fetched_at: string
  detailed_profile_fetched_at: string | null
  email: string | null
  email_found: number
  email_source: string | null
  email_status: string | null
  clay_enriched_at: string | null
  /** A Clay "not found" is remembered until this time so nobody pays twice for nothing. */
  email_not_found_until: string | null
  created_at: string
  updated_at: string
}

export interface SearchRequestsTable {
  id: Generated<number>
  user_id: string
  platform: string
  filters_json: string
  filters_hash: string
  page: number
  requested_count: number
  result_count: number
  source: string
  created_at: string
}

/** One cached result page: what a search returned, so a cache hit returns the same page. */
export interface SearchPagesTable {
  id: Generated<number>
  platform: string
  filters_hash: string
  page: number
  total: number
  fetched_at: string
  /** Modash's `isExactMatch` (0/1), null when not sent or bought before migration 003. */
  is_exact_match: number | null
}

export interface SearchPageResultsTable {
  search_page_id: number
  position: number
  creator_id: number
}

export interface UsageCountersTable {
  month: string
  modash_discoveries_used: number
  modash_reports_used: number
  clay_enrichments_used: number
  modash_millicredits_used: number
}

/** Worst-case units held for a paid call in flight; settled or released when it ends. */
export interface QuotaReservationsTable {
  id: Generated<number>
  month: string
  meter: string
  units: number
  created_at: string
  /** Set just before the request leaves: after a crash, sent reservations are settled, unsent released. */
  sent_at: string | null
}

export interface ApiCallLogsTable {
  id: Generated<number>
  provider: string
  action: string
  reason: string
  platform: string | null
  creator_id: number | null
  user_id: string
  created_at: string
  outcome: string
  http_status: number | null
  duration_ms: number
  cost_units: number
  cost_millicredits: number
  cache_hit: number
  /** For a cache hit: the units a provider call would have charged (results, reports, lookups). */
  saved_units: number
  /** The client the call was for (migration 007); null: none was set. */
  client: Generated<string | null>
}

/** Free dictionary answers (locations, languages, …) kept so filters work offline. */
export interface DictionaryCacheTable {
  platform: string
  kind: string
  query: string
  entries_json: string
  fetched_at: string
}

export interface ClayRunsTable {
  id: Generated<number>
  creator_id: number
  run_id: string
  routine_id: string
  started_at: string
  finished_at: string | null
  outcome: string | null
}

export interface ListsTable {
  id: Generated<number>
  name: string
  created_at: string
  updated_at: string
  /** The client the list is for (migration 007). */
  client: Generated<string | null>
}

export interface ListMembersTable {
  list_id: number
  creator_id: number
  notes: string
  tags_json: string
  status: string
  added_at: string
  updated_at: string
}

export interface SettingsTable {
  key: string
  value_json: string
}

export interface Database {
  creators: CreatorsTable
  search_requests: SearchRequestsTable
  search_pages: SearchPagesTable
  search_page_results: SearchPageResultsTable
  usage_counters: UsageCountersTable
  quota_reservations: QuotaReservationsTable
  api_call_logs: ApiCallLogsTable
  clay_runs: ClayRunsTable
  lists: ListsTable
  list_members: ListMembersTable
  settings: SettingsTable
  dictionary_cache: DictionaryCacheTable
  purchases: PurchasesTable
  ledger_charges: LedgerChargesTable
  billing_cycle_changes: BillingCycleChangesTable
  ledger_clock: LedgerClockTable
  balance_snapshots: BalanceSnapshotsTable
  creator_facts: CreatorFactsTable
  search_filter_sets: SearchFilterSetsTable
  dictionary_entries: DictionaryEntriesTable
  bulk_jobs: BulkJobsTable
  bulk_job_items: BulkJobItemsTable
  saved_searches: SavedSearchesTable
  change_counters: ChangeCountersTable
}

/**
 * Numbers raised by triggers whenever a set of tables is written (migration 008), so a summary
 * of those tables can be kept in memory until its number moves.
 */
export interface ChangeCountersTable {
  name: string
  value: number
}

/** Raised on every write to the bought searches: filter sets, pages, their results, purchases. */
export const BOUGHT_SEARCHES_COUNTER = 'bought_searches'

/** Every paid answer as the provider sent it (migration 003). */
export interface PurchasesTable {
  /** A UUID; also the name of the journal file that held the answer until it was stored. */
  id: string
  /** What was bought, e.g. `search:instagram:<hash>:0`, `report:42`, `email:42`. */
  purchase_key: string
  kind: string
  provider: string
  context_json: string
  response_json: string | null
  units: number
  millicredits: number
  http_status: number | null
  bought_at: string
  stored_at: string
}

/** One settled paid call (migration 004): a period's usage is the charges inside its window. */
export interface LedgerChargesTable {
  id: Generated<number>
  meter: string
  units: number
  /** Modash milli-credits (0 for Clay lookups). */
  milli_credits: number
  /** When the call was reserved, as the ledger counted it (never before an earlier charge). */
  charged_at: string
  recorded_at: string
  /** 'settle', 'recover' (sent before a crash, counted at its worst case) or 'backfill'. */
  source: string
  reservation_id: number | null
}

/** Every billing-cycle day the ledger has counted with; `old_day` is null for the first. */
export interface BillingCycleChangesTable {
  id: Generated<number>
  old_day: number | null
  new_day: number
  changed_at: string
}

/** One row: the latest instant the ledger has counted at (a clock set back counts at this). */
export interface LedgerClockTable {
  id: number
  high_water_at: string
}

/** Each reading of the Modash credit balance, or why it failed, beside the ledger's total then. */
export interface BalanceSnapshotsTable {
  id: Generated<number>
  read_at: string
  /** Null when the read failed. */
  balance_millicredits: number | null
  /** Why the read failed, in plain words; null when it succeeded. */
  error: string | null
  ledger_millicredits: number
  last_charge_id: number
  /** The reading outside spend is measured from: itself for a baseline, null for a failure. */
  baseline_id: number | null
}

/** A report's facts beyond the `creators` columns (migration 005; see `facts/report-facts.ts`). */
export interface CreatorFactsTable {
  creator_id: number
  facts_json: string
  /** When the report they come from was bought. */
  fetched_at: string
}

/** The canonical filters behind bought search pages: what each page proves of its creators. */
export interface SearchFilterSetsTable {
  platform: string
  filters_hash: string
  filters_json: string
}

/** Every dictionary entry seen; locations carry their country (ISO code) for offline search. */
export interface DictionaryEntriesTable {
  kind: string
  id: string
  name: string
  title: string | null
  country_code: string | null
  /** 'country', or 'region' for a place inside `country_code`; null when unknown. */
  place_kind: 'country' | 'region' | null
}

/** A background job the user confirmed (migration 006; see `bulk/job-store.ts`). */
export interface BulkJobsTable {
  id: Generated<number>
  kind: string
  title: string
  state: string
  /** What the user confirmed: the job never charges more units than these to a meter. */
  cap_reports: number
  cap_enrichments: number
  cap_discovery: number
  preview_json: string
  stop_reason: string | null
  created_at: string
  started_at: string | null
  finished_at: string | null
  updated_at: string
  /** The list's client when started for a tagged list (migration 007): rows bill it when no current client is set. */
  client: Generated<string | null>
}

/** One creator (or search page) of a job; what it charged is read from the audit log. */
export interface BulkJobItemsTable {
  id: Generated<number>
  job_id: number
  position: number
  creator_id: number | null
  page_json: string | null
  do_report: number
  do_email: number
  state: string
  started_at: string | null
  /** The last `api_call_logs.id` when the item started; its charges are the rows after it. */
  audit_mark: number | null
  finished_at: string | null
  message: string | null
  reports_charged: Generated<number>
  enrichments_charged: Generated<number>
  discovery_charged: Generated<number>
  millicredits_charged: Generated<number>
}

export interface SavedSearchesTable {
  id: Generated<number>
  name: string
  platform: string
  filters_hash: string
  filters_json: string
  created_at: string
}
