import type {
  AbandonLookupResult,
  AuditLogPage,
  ClayRoutineTest,
  ClientSpend,
  BalanceReconciliation,
  CreatorDetail,
  EnrichResult,
  ListMember,
  ListSummary,
  OutreachRow,
  QuotaStatus,
  SearchResult,
  Settings,
  UsageStats,
} from '../../shared/domain'
import type { ChannelInput, SettingsPatch } from '../../shared/ipc-contract'
import type { BulkService } from '../bulk/bulk-service'

/** The main-process core the IPC handlers call: cache, ledger, providers, lists, settings. */
export interface CreatorService {
  search(input: ChannelInput<'creators:search'>): Promise<SearchResult>
  /** The cached profile: never a network call. */
  get(creatorId: number): Promise<CreatorDetail>
  select(creatorId: number, options?: { refresh?: boolean }): Promise<CreatorDetail>
  enrich(creatorId: number): Promise<EnrichResult>
  /** Closes a Clay lookup that has not answered; free (it was counted when it started). */
  abandonLookup(creatorId: number): Promise<AbandonLookupResult>
  /** A paid Clay run on one creator, to see the routine's result columns (Settings → Clay). */
  testClayRoutine(creatorId: number): Promise<ClayRoutineTest>
  /** Contact data for export, from the cache only, streamed in pages so memory stays flat. */
  outreachRows(query: { listId: number } | { creatorIds: number[] }): AsyncIterable<OutreachRow>
  /** The picture URL to fetch for a creator (main fetches and keeps it on disk). */
  pictureUrl(creatorId: number): Promise<string | null>
}

export interface UsageService {
  quota(): Promise<QuotaStatus>
  stats(query?: ChannelInput<'usage:stats'>): Promise<UsageStats>
  log(query: ChannelInput<'usage:log'>): Promise<AuditLogPage>
  /** Spend per client in one calendar month (UTC), from the audit log. */
  clientSpend(query: ChannelInput<'usage:client-spend'>): Promise<ClientSpend>
  /** Reads the Modash balance (free); a failure is kept and answered as "balance unknown". */
  reconcile(): Promise<BalanceReconciliation>
  /** The user confirms the computer's date after it leapt while the app was open. */
  confirmClock(): Promise<QuotaStatus>
}

export interface ListService {
  list(): Promise<ListSummary[]>
  create(name: string): Promise<ListSummary>
  rename(listId: number, name: string): Promise<ListSummary>
  /** Tags the list with a client; null clears it. */
  setClient(listId: number, client: string | null): Promise<ListSummary>
  remove(listId: number): Promise<{ deleted: boolean }>
  members(listId: number): Promise<ListMember[]>
  addCreators(listId: number, creatorIds: number[]): Promise<{ added: number }>
  removeCreators(listId: number, creatorIds: number[]): Promise<{ removed: number }>
  updateMember(input: ChannelInput<'lists:update-member'>): Promise<ListMember>
}

export interface SettingsService {
  get(): Promise<Settings>
  set(patch: SettingsPatch): Promise<Settings>
}

export interface DictionaryService {
  search(
    input: ChannelInput<'dictionaries:search'>,
  ): Promise<{ entries: { id: string; name: string }[]; source: 'cache' | 'provider' }>
}

export interface CacheService {
  /** Forgets bought creator data; keeps lists' names, the ledger, the audit log and settings. */
  clear(): Promise<{ creatorsRemoved: number }>
}

export interface Core {
  creators: CreatorService
  /** Imports, batch previews, background jobs, search history, refreshes (`bulk/`). */
  bulk: BulkService
  usage: UsageService
  lists: ListService
  settings: SettingsService
  dictionaries: DictionaryService
  cache: CacheService
  close(): Promise<void>
}
