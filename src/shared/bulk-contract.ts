import { z } from 'zod'
import type {
  BatchPreview,
  HandleCheck,
  JobItem,
  JobSummary,
  RefreshPlan,
  SavedSearch,
  SearchHistoryEntry,
} from './bulk'
import type { ExportResult, SearchResult } from './domain'
import { PLATFORMS } from './platforms'
import { pageSchema } from './search-filters'

/**
 * The bulk-work channels, spread into `CHANNELS` (`ipc-contract.ts`). Kept apart so the contract
 * file stays readable; the same rules hold: strict objects, bounded strings and arrays.
 */

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const ids = z.array(id).min(1).max(100_000)
const platform = z.enum(PLATFORMS)
/** `filtersHash` of a search result: a SHA-256 in hex. */
const filtersHash = z.string().regex(/^[0-9a-f]{64}$/, 'not a search id')
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
const ageDays = z.number().int().min(1).max(3650)
/** A calendar month, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')

export const batchTargetSchema = z.union([
  z.strictObject({ creatorIds: ids }),
  z.strictObject({ listId: id }),
])

export const refreshScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('list'), listId: id }),
  z.strictObject({ kind: z.literal('search'), platform, filtersHash }),
])

export const BULK_CHANNELS = {
  /**
   * Reads pasted or imported handles and profile links; matches them against the cache and, with
   * `lookup`, resolves the rest with Modash's free handle lookup. Never buys anything.
   */
  'bulk:check': z.strictObject({
    /** The text's lines as typed or read from the file (a quoted CSV cell may span lines). */
    lines: z.array(z.string().max(4000)).min(1).max(20_000),
    format: z.enum(['lines', 'csv', 'tsv']),
    /** CSV/TSV: the column holding the handles (0-based); guessed from the header when absent. */
    column: z.number().int().min(0).max(499).optional(),
    /** CSV/TSV: whether the first row names the columns; guessed when absent. */
    header: z.boolean().optional(),
    /** The platform of a bare "@name" (a link says its own). */
    platform,
    lookup: z.boolean(),
  }),
  /** What a batch would cost: free answers, what would be bought, against the monthly limits. */
  'bulk:preview': z.strictObject({
    target: batchTargetSchema,
    reports: z.boolean(),
    emails: z.boolean(),
  }),
  /** Starts a background job after the one confirmation; it never spends more than `confirmed`. */
  'bulk:start': z.strictObject({
    target: batchTargetSchema,
    reports: z.boolean(),
    emails: z.boolean(),
    title: z.string().trim().min(1).max(120),
    confirmed: z.strictObject({
      reports: z.number().int().min(0).max(1_000_000),
      enrichments: z.number().int().min(0).max(10_000_000),
    }),
  }),
  /** Recent jobs, running ones first; polled by the UI while a job runs. */
  'jobs:status': z.strictObject({}),
  'jobs:items': z.strictObject({
    jobId: id,
    state: z.enum(['pending', 'done', 'failed', 'skipped']).optional(),
  }),
  'jobs:control': z.strictObject({ jobId: id, action: z.enum(['pause', 'resume', 'cancel']) }),
  /** Every search run, grouped by its filters, with cost and age: free to read. */
  'searches:history': z.strictObject({ limit: z.number().int().min(1).max(500).optional() }),
  /** A page of a past search, from the cache only: never bought. */
  'searches:open': z.strictObject({ platform, filtersHash, page: pageSchema }),
  'searches:save': z.strictObject({
    platform,
    filtersHash,
    name: z.string().trim().min(1).max(120),
  }),
  'searches:saved': z.strictObject({ olderThanDays: ageDays }),
  'searches:forget': z.strictObject({ savedId: id }),
  /** What is stale in the cache (or a list, or a search) and what refreshing it would cost. */
  'refresh:plan': z.strictObject({ scope: refreshScopeSchema, pageAgeDays: ageDays }),
  'refresh:start': z.strictObject({
    scope: refreshScopeSchema,
    pageAgeDays: ageDays,
    parts: z.strictObject({ reports: z.boolean(), pages: z.boolean(), emails: z.boolean() }),
    confirmed: z.strictObject({
      reports: z.number().int().min(0).max(1_000_000),
      enrichments: z.number().int().min(0).max(10_000_000),
      discovery: z.number().int().min(0).max(100_000_000),
    }),
  }),
  /** The audit log as CSV, for re-billing a client; days are UTC, both ends included. */
  'export:audit-csv': z.strictObject({
    from: day.optional(),
    to: day.optional(),
    bom: z.boolean().optional(),
  }),
  /** Monthly usage per meter as CSV. */
  'export:usage-csv': z.strictObject({ bom: z.boolean().optional() }),
  /** One calendar month's spend per client as CSV, for re-billing. */
  'export:client-spend-csv': z.strictObject({ month: monthSchema, bom: z.boolean().optional() }),
} as const

export interface BulkChannelResults {
  'bulk:check': HandleCheck
  'bulk:preview': BatchPreview
  'bulk:start': JobSummary
  'jobs:status': { jobs: JobSummary[] }
  'jobs:items': { items: JobItem[] }
  'jobs:control': JobSummary
  'searches:history': { entries: SearchHistoryEntry[] }
  'searches:open': SearchResult
  'searches:save': SavedSearch
  'searches:saved': { searches: SavedSearch[] }
  'searches:forget': { forgotten: boolean }
  'refresh:plan': RefreshPlan
  'refresh:start': JobSummary
  /** Null when the user cancelled the save dialog. */
  'export:audit-csv': ExportResult | null
  'export:usage-csv': ExportResult | null
  'export:client-spend-csv': ExportResult | null
}
