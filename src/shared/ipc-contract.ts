import { z } from 'zod'
import type {
  AbandonLookupResult,
  AppInfo,
  AuditLogPage,
  BalanceReconciliation,
  ClayRoutineTest,
  ClientSpend,
  CreatorDetail,
  EnrichResult,
  ExportResult,
  KeysStatus,
  ModeSwitch,
  ListMember,
  ListSummary,
  QuotaStatus,
  SearchResult,
  Settings,
  UsageStats,
} from './domain'
import { MEMBER_STATUSES } from './domain'
import { BULK_CHANNELS, monthSchema } from './bulk-contract'
import type { BulkChannelResults } from './bulk-contract'
import { STORAGE_CHANNELS } from './storage-contract'
import type { StorageChannelResults } from './storage-contract'
import { TEAM_CHANNELS } from './team-contract'
import type { TeamChannelResults } from './team-contract'
import { CHANNEL_NAMES } from './channel-names'
import type { ChannelName } from './channel-names'
import { PLATFORMS } from './platforms'
import { pageSchema, searchFiltersSchema } from './search-filters'

/**
 * The one contract between the renderer and main. Every channel is `domain:action` with an input
 * schema (inputs are `unknown` until parsed) and a result type. Main registers its handlers from
 * `CHANNELS`, the preload and the browser bridge build `window.api` from it, and the compiler
 * catches drift between them.
 */

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const ids = z.array(id).min(1).max(100_000)
const listName = z.string().trim().min(1).max(120)
const tag = z.string().trim().min(1).max(40)
const none = z.strictObject({})
/** A client or campaign name, as paid actions are tagged with it. */
export const clientName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters')

/** A Clay column name as the routine's author typed it; control characters never are. */
const clayColumn = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters')
/** An output column, dotted for a field inside it ("Enrich person.email"); no empty part. */
const clayResultPath = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters')
  .refine((path) => path.split('.').every((part) => part.trim() !== ''), 'a path part is empty')

const clayMappingPatch = z.strictObject({
  inputs: z
    .strictObject({
      fullName: clayColumn.nullable().optional(),
      handle: clayColumn.nullable().optional(),
      profileUrl: clayColumn.nullable().optional(),
      platform: clayColumn.nullable().optional(),
      companyDomain: clayColumn.nullable().optional(),
    })
    .optional(),
  emailPath: clayResultPath.nullable().optional(),
})

export const settingsPatchSchema = z.strictObject({
  userId: z.string().trim().min(1).max(120).optional(),
  billingCycleDay: z.number().int().min(1).max(28).optional(),
  limits: z
    .strictObject({
      discovery: z.number().int().min(0).max(100_000_000).optional(),
      report: z.number().int().min(0).max(1_000_000).optional(),
      enrichment: z.number().int().min(0).max(10_000_000).nullable().optional(),
    })
    .optional(),
  offline: z.boolean().optional(),
  reportMaxAgeDays: z.number().int().min(1).max(365).optional(),
  /** Only the fields given change; null unmaps one. */
  clayMapping: clayMappingPatch.optional(),
  /** The client paid actions are for from now on; null: none. */
  currentClient: clientName.nullable().optional(),
})
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

const keyName = z.enum(['modash', 'clay', 'clayRoutine'])

export const CHANNELS = {
  'creators:search': z.strictObject({
    platform: z.enum(PLATFORMS),
    filters: searchFiltersSchema,
    page: pageSchema,
    /** Answer from the local cache only, never the network. */
    cacheOnly: z.boolean().optional(),
  }),
  'creators:get': z.strictObject({ creatorId: id }),
  'creators:select': z.strictObject({ creatorId: id, refresh: z.boolean().optional() }),
  'creators:enrich': z.strictObject({ creatorId: id }),
  /** Stop waiting for a Clay lookup that has not answered; it was counted when it started. */
  'creators:abandon-lookup': z.strictObject({ creatorId: id }),
  'creators:picture': z.strictObject({ creatorId: id }),
  'dictionaries:search': z.strictObject({
    platform: z.enum(PLATFORMS),
    kind: z.enum(['locations', 'languages', 'interests', 'brands']),
    query: z.string().max(100),
  }),
  'usage:quota': none,
  /** This billing period, or one before it (`monthsBack` periods ago). */
  'usage:stats': z.strictObject({ monthsBack: z.number().int().min(0).max(36).optional() }),
  /** Reads the Modash credit balance (free) and compares it with the ledger. */
  'usage:reconcile': none,
  /** The user confirms the computer's date after it leapt while the app was open. */
  'usage:confirm-clock': none,
  'usage:log': z.strictObject({
    page: z.number().int().min(0).max(1_000_000),
    pageSize: z.number().int().min(1).max(500),
    provider: z.enum(['modash', 'clay']).optional(),
    action: z.string().max(40).optional(),
    outcome: z.string().max(60).optional(),
    /** Entries at or after this instant, and before `to`. */
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  }),
  /** Spend per client in one calendar month (UTC), from the audit log. */
  'usage:client-spend': z.strictObject({ month: monthSchema }),
  'lists:list': none,
  'lists:create': z.strictObject({ name: listName }),
  'lists:rename': z.strictObject({ listId: id, name: listName }),
  /** Tag a list with a client (null: none). */
  'lists:set-client': z.strictObject({ listId: id, client: clientName.nullable() }),
  'lists:delete': z.strictObject({ listId: id }),
  'lists:members': z.strictObject({ listId: id }),
  'lists:add': z.strictObject({ listId: id, creatorIds: ids }),
  'lists:remove': z.strictObject({ listId: id, creatorIds: ids }),
  'lists:update-member': z.strictObject({
    listId: id,
    creatorId: id,
    notes: z.string().max(10_000).optional(),
    tags: z.array(tag).max(50).optional(),
    status: z.enum(MEMBER_STATUSES).optional(),
  }),
  'export:csv': z.union([
    z.strictObject({ listId: id, bom: z.boolean().optional() }),
    z.strictObject({ creatorIds: ids, bom: z.boolean().optional() }),
  ]),
  'keys:status': none,
  'keys:set': z.strictObject({ key: keyName, value: z.string().trim().min(1).max(4096) }),
  'keys:clear': z.strictObject({ key: keyName }),
  'keys:test': z.strictObject({ key: z.enum(['modash', 'clay']) }),
  'settings:get': none,
  'settings:set': settingsPatchSchema,
  'cache:clear': z.strictObject({ confirm: z.literal(true) }),
  /** A paid Clay run on one creator, to see the routine's result columns (Settings → Clay). */
  'clay:test-routine': z.strictObject({ creatorId: id }),
  'app:info': none,
  /** Switch between sample data and the user's own; takes effect on the next start. */
  'app:set-mode': z.strictObject({ mode: z.enum(['sandbox', 'real']) }),
  ...BULK_CHANNELS,
  ...STORAGE_CHANNELS,
  ...TEAM_CHANNELS,
} as const

export type Channel = keyof typeof CHANNELS
export type ChannelInput<C extends Channel> = z.infer<(typeof CHANNELS)[C]>

export interface ChannelResults
  extends BulkChannelResults, StorageChannelResults, TeamChannelResults {
  'creators:search': SearchResult
  'creators:get': CreatorDetail
  'creators:select': CreatorDetail
  'creators:enrich': EnrichResult
  'creators:abandon-lookup': AbandonLookupResult
  /** A `data:` URL of the picture kept on disk, or null when none could be had. */
  'creators:picture': { dataUrl: string | null }
  'dictionaries:search': { entries: { id: string; name: string }[]; source: 'cache' | 'provider' }
  'usage:quota': QuotaStatus
  'usage:stats': UsageStats
  'usage:reconcile': BalanceReconciliation
  'usage:confirm-clock': QuotaStatus
  'usage:log': AuditLogPage
  'usage:client-spend': ClientSpend
  'lists:list': ListSummary[]
  'lists:create': ListSummary
  'lists:rename': ListSummary
  'lists:set-client': ListSummary
  'lists:delete': { deleted: boolean }
  'lists:members': ListMember[]
  'lists:add': { added: number }
  'lists:remove': { removed: number }
  'lists:update-member': ListMember
  /** Null when the user cancelled the save dialog. */
  'export:csv': ExportResult | null
  'keys:status': KeysStatus
  'keys:set': KeysStatus
  'keys:clear': KeysStatus
  'keys:test': { ok: boolean; message: string }
  'settings:get': Settings
  'settings:set': Settings
  'cache:clear': { creatorsRemoved: number }
  'clay:test-routine': ClayRoutineTest
  'app:info': AppInfo
  'app:set-mode': ModeSwitch
}

export type ChannelResult<C extends Channel> = ChannelResults[C]

// Every channel has a result type and every result type a channel.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const _channelsMatchResults: Exact<Channel, keyof ChannelResults> = true
void _channelsMatchResults

// The preload's zod-free list of names and the contract's channels are the same set.
const _namesMatchChannels: Exact<ChannelName, Channel> = true
void _namesMatchChannels

export { CHANNEL_NAMES }

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(CHANNELS, name)
}
