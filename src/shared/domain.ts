import type { CreatorReport } from './creator-report'
import type { Platform } from './platforms'
import type { SearchFilters } from './search-filters'

/**
 * What the core hands to its callers (IPC, export, benchmarks). Dates are ISO-8601 strings so
 * they cross IPC unchanged; counts and credits are integers.
 */

export type DataSource = 'cache' | 'provider' | 'local'

export interface CreatorSummary {
  id: number
  platform: Platform
  providerId: string
  handle: string | null
  fullName: string | null
  profileUrl: string | null
  pictureUrl: string | null
  followers: number | null
  engagements: number | null
  /** A ratio (0.0313 = 3.13 %), not money. */
  engagementRate: number | null
  averageViews: number | null
  hasDetailedProfile: boolean
  emailFound: boolean
  /** A Clay "not found", remembered until this time (a new lookup is refused before it). */
  emailNotFoundUntil?: string | null
  /** From the creator's report, when one is owned: where they are, and their audience. */
  country?: string | null
  credibility?: number | null
  topCountry?: string | null
  topCountryShare?: number | null
  /** The lists the creator is on (search results and profiles carry it). */
  lists?: { id: number; name: string }[]
  /** When the basic profile was last bought or refreshed. */
  basicFetchedAt: string
  detailedFetchedAt: string | null
}

export interface SearchResult {
  platform: Platform
  page: number
  creators: CreatorSummary[]
  /** Matches overall as the provider counted them (or the local count when answered locally). */
  total: number
  /** A local count stops at a cap: `total` then means "at least this many". */
  totalIsCapped?: boolean
  /**
   * `total` is not a count of matches: Modash answers a broad query with the size of its index
   * (tens of millions, `isExactMatch: false`), which the UI must not show as an exact count.
   */
  totalIsEstimate?: boolean
  /** What a bought page held that could not all be kept, in plain words; empty when all was. */
  dataNotes?: string[]
  /** Where this page came from: a cached page, a fresh provider call, or the local table. */
  source: DataSource
  /** When the provider produced this data. */
  fetchedAt: string
  /** Discovery results charged by this call (0 for cache and local answers). */
  resultsCharged: number
  /** Why the answer is local (offline, provider failure), if it is. */
  staleReason?: string
  /** Filters the local cache cannot evaluate (offline answers only); the page ignores them. */
  unappliedFilters?: string[]
  /**
   * Why the page was answered from the local cache rather than a page bought for these filters:
   * offline mode, "cache only" ticked, Modash failing, or (free, and exact) the search lies
   * inside an earlier one fetched to its last page (`containedIn`).
   */
  localReason?: LocalReason
  /**
   * Local answers: creators no filter rules out but some filter cannot be told for; they are not
   * listed. `unknownFilters` names those filters (e.g. `influencer.location`).
   */
  mayMatch?: { count: number; capped: boolean; unknownFilters: string[] }
  /** Local answers: filters the cache can never evaluate (not applied), as `unappliedFilters`. */
  neverEvaluable?: string[]
  /** Local answers: the sort asked for when the cache cannot order by it (followers is used). */
  orderNotApplied?: string
  /** A free answer from an earlier search fetched to its last page: when that was bought. */
  containedIn?: { fetchedAt: string }
  filtersHash: string
}

export type LocalReason = 'offline' | 'cache_only' | 'provider_failed' | 'contained'

export interface EmailInfo {
  email: string | null
  source: 'modash' | 'clay' | null
  status: 'found' | 'not_found' | 'unknown'
  checkedAt: string | null
  /** For "not found": when a new lookup is allowed. */
  retryAfter: string | null
  /**
   * A Clay lookup that was started (and counted) but has not answered yet: asking again picks up
   * its answer for free, or it can be abandoned. Null when none is waiting.
   */
  pendingLookup?: { startedAt: string } | null
}

export interface CreatorDetail {
  creator: CreatorSummary
  /** The report as bought (validated when it was), ready to show. Null until a report exists. */
  report: CreatorReport | null
  reportFetchedAt: string | null
  reportAgeDays: number | null
  source: DataSource
  stale: boolean
  staleReason?: string
  reportsCharged: number
  email: EmailInfo
}

export interface EnrichResult {
  creatorId: number
  email: EmailInfo
  source: DataSource
  enrichmentsCharged: number
}

export type Meter = 'discovery' | 'report' | 'enrichment'

export interface MeterUsage {
  meter: Meter
  used: number
  reserved: number
  /** Null when no limit is set. */
  limit: number | null
}

export interface QuotaStatus {
  month: string
  periodStart: string
  resetsAt: string
  meters: MeterUsage[]
  modashMilliCreditsUsed: number
  /** The Modash balance as last read, and what it says about spending outside this app. */
  balance: BalanceReconciliation
  /** Whether the ledger counts with the computer's clock as it is. */
  clock: LedgerClockStatus
  /**
   * Team mode only: the team's meters on the team database, which every paid call counts
   * against. The fields above keep their meaning (this laptop's own ledger).
   */
  team?: TeamQuota
}

export interface TeamQuota {
  /** This manager's name on the team database. */
  user: string
  /** 'unreachable': the meters are the last values read (at `readAt`), not live ones. */
  state: 'online' | 'unreachable'
  /** Why the team database could not be read, in plain words. */
  reason?: string
  readAt: string | null
  /** When the team's billing period resets (server time); null until first read. */
  resetsAt: string | null
  meters: TeamMeterUsage[]
}

/** A team meter: the team's use and limit, and this manager's share with the cap an admin set. */
export interface TeamMeterUsage extends MeterUsage {
  mine: { used: number; reserved: number; cap: number | null }
}

/** The Modash credit balance compared with what this app's ledger spent (all milli-credits). */
export interface BalanceReconciliation {
  /** 'unknown' when the balance was never read or the latest attempt failed. */
  state: 'known' | 'unknown'
  /** Why it is unknown, in plain words; null when known. */
  unknownReason: string | null
  /** The latest attempt to read it, successful or not. */
  checkedAt: string | null
  /** The latest successful reading and when it was taken. */
  balanceMilliCredits: number | null
  readAt: string | null
  /** Read within the last hour: recent enough for paid calls to be limited by it. */
  fresh: boolean
  /** Since when outside spend is measured: the first reading, or the first after credits were added. */
  since: string | null
  /** What the balance lost since `since` beyond what this app charged: spent elsewhere. Never negative. */
  outsideSpendMilliCredits: number
  /** What this app's ledger charged since `since`. */
  appSpendMilliCredits: number
  /** The reading minus what this app charged or holds for calls in flight since; null unless fresh. */
  availableMilliCredits: number | null
  /** What `availableMilliCredits` buys at Modash prices; null unless fresh. */
  covers: { discovery: number; report: number } | null
}

export interface LedgerClockStatus {
  /**
   * 'ok': the computer's clock is used as it is. 'behind': it is earlier than a moment the ledger
   * already counted at, so spending counts at that moment. 'leapt': it jumped into a later billing
   * period faster than time passed while the app was open; paid calls wait until it agrees again
   * or the user confirms the date.
   */
  state: 'ok' | 'behind' | 'leapt'
  /** The instant the ledger counts at. */
  countingAt: string
  /** What the computer's clock says. */
  wallClock: string
}

export interface OutreachRow {
  creatorId: number
  platform: Platform
  handle: string | null
  profileUrl: string | null
  fullName: string | null
  followers: number | null
  engagementRate: number | null
  averageViews: number | null
  credibility: number | null
  topCountry: string | null
  topCountryShare: number | null
  email: string | null
  emailSource: string | null
  emailFoundAt: string | null
  reportFetchedAt: string | null
  dataAgeDays: number | null
  /** Names of the lists the creator is on, and the member data of the exported list (if one). */
  lists: string[]
  tags: string[]
  status: string | null
  notes: string | null
}

export interface AuditLogRow {
  id: number
  provider: 'modash' | 'clay'
  action: string
  reason: string
  creatorId: number | null
  userId: string
  createdAt: string
  outcome: string
  httpStatus: number | null
  durationMs: number
  costUnits: number
  costMilliCredits: number
  cacheHit: boolean
  /** The creator a report or email lookup was for, as cached now (null when none or forgotten). */
  creator?: { handle: string | null; fullName: string | null; platform: string } | null
  /** The search a search row bought or answered: its filters and page (null when unknown). */
  search?: { platform: string; filters: SearchFilters; page: number } | null
}

export interface AuditLogPage {
  rows: AuditLogRow[]
  total: number
  /** Every action and outcome the log holds, for choosing a filter from. */
  choices?: { actions: string[]; outcomes: string[] }
}

export interface UsageStats {
  month: string
  /** One entry per day of the billing period so far, UTC dates. */
  daily: { day: string; discovery: number; report: number; enrichment: number }[]
  /** Cache hits / all lookups this period, in per-mille (integer). */
  cacheHitPerMille: number
  cacheHits: number
  providerCalls: number
  /** Units the cache answered that would otherwise have been bought. */
  savedDiscoveryResults: number
  savedReports: number
  savedEnrichments: number
  /** Projected date the discovery or report meter runs out at the current pace, if it will. */
  projectedExhaustion: { meter: Meter; date: string } | null
  /** The period shown (this one, or one before it), its bounds as instants. */
  periodStart?: string
  periodEnd?: string
  monthsBack?: number
  /** Modash credits this app spent in the period, and what the cache saved, in milli-credits. */
  modashMilliCredits?: number
  savedMilliCredits?: number
}

export const MEMBER_STATUSES = [
  'shortlisted',
  'contacted',
  'replied',
  'declined',
  'booked',
] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export interface ListSummary {
  id: number
  name: string
  memberCount: number
  createdAt: string
  updatedAt: string
  /**
   * The client the list is for; its bulk jobs are billed to it when no current client is set.
   * Main always sends it (null: none); optional only so older fixtures still type.
   */
  client?: string | null
}

/** One client's spend in a month, from the audit log; `client` null is untagged spend. */
export interface ClientSpendRow {
  client: string | null
  modashMilliCredits: number
  discoveryResults: number
  reports: number
  emailLookups: number
}

export interface ClientSpend {
  /** `YYYY-MM`, calendar month in UTC. */
  month: string
  rows: ClientSpendRow[]
}

export interface ListMember {
  listId: number
  creator: CreatorSummary
  email: string | null
  notes: string
  tags: string[]
  status: MemberStatus
  addedAt: string
}

/** What the app can send to a Clay routine; each goes to the routine input column the user names. */
export const CLAY_APP_INPUTS = [
  'fullName',
  'handle',
  'profileUrl',
  'platform',
  'companyDomain',
] as const
export type ClayAppInput = (typeof CLAY_APP_INPUTS)[number]

/**
 * How the user's Clay routine is wired (Settings → Clay): its columns are named by whoever built
 * it, so the app cannot guess them.
 */
export interface ClayMapping {
  /** The routine's input column for each app value; null: that value is not sent. */
  inputs: Record<ClayAppInput, string | null>
  /**
   * Where the email is in a run's result: an output column, dotted for a field inside one
   * ("Enrich person.email"). Null until chosen.
   */
  emailPath: string | null
}

/** A paid test run of the routine on one creator, for choosing the email column. */
export interface ClayRoutineTest {
  /** Every field of the result, nested ones dotted ("Enrich person.email"). */
  resultKeys: string[]
  /** The email read through the current mapping (and stored), if it found one. */
  email: string | null
  /** What is wrong with the set-up or the answer, in plain words; null when nothing is. */
  problem: string | null
}

export interface AbandonLookupResult {
  /** False when no lookup was waiting. */
  abandoned: boolean
  email: EmailInfo
}

export interface Settings {
  userId: string
  billingCycleDay: number
  limits: { discovery: number; report: number; enrichment: number | null }
  offline: boolean
  sandbox: boolean
  reportMaxAgeDays: number
  clayMapping: ClayMapping
  /** The client (or campaign) paid actions are for now: every audit row carries it; null: none. */
  currentClient: string | null
}

export type KeyName = 'modash' | 'clay' | 'clayRoutine'

export interface KeysStatus {
  keychain: 'available' | 'unavailable'
  keys: Record<KeyName, { configured: boolean; from: 'keychain' | 'environment' | null }>
}

export interface AppInfo {
  version: string
  dataDir: string
  mode: 'sandbox' | 'real'
  keychain: 'available' | 'unavailable'
}

export interface ModeSwitch {
  mode: 'sandbox' | 'real'
  /** True when the app restarts itself into the new mode; false when the user must restart it. */
  restarting: boolean
  message: string
}

export interface ExportResult {
  path: string
  rows: number
}
