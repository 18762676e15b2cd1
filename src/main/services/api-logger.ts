import { AsyncLocalStorage } from 'node:async_hooks'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { AuditLogPage, AuditLogRow } from '../../shared/domain'
import type { ChannelInput } from '../../shared/ipc-contract'
import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'
import type { Database } from '../db/schema'
import type { Clock } from './clock'

export interface ApiCallEntry {
  provider: 'modash' | 'clay'
  /** What was called: search, report, enrich, … */
  action: string
  /** Why the user asked: search, select, refresh, enrich, keys-test, … */
  reason: string
  platform?: Platform | null
  creatorId?: number | null
  userId: string
  /** `ok`, `cache_hit`, `local` or the provider's error code. */
  outcome: string
  httpStatus?: number | null
  durationMs?: number
  /** Units of the meter charged (results, reports, lookups). */
  costUnits?: number
  costMilliCredits?: number
  cacheHit?: boolean
  /** For a cache hit: what the provider would have charged. */
  savedUnits?: number
}

/** The current client setting, read with the executor the row is written with. */
export type CurrentClient = (executor: Kysely<Database>) => Promise<string | null>

/**
 * The audit trail: one row per provider call and per cache hit (cost 0), so the cache hit rate
 * and what was spent can be computed. It records no request headers, so no key can reach it.
 */
export class ApiLogger {
  private readonly fallback = new AsyncLocalStorage<string | null>()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    /** Every row carries the client set when it was written (cost attribution). */
    private readonly currentClient: CurrentClient = () => Promise.resolve(null),
  ) {}

  /**
   * Runs `task` with `client` as the client for rows written while no current client is set:
   * a bulk job started for a list bills the list's client.
   */
  withFallbackClient<T>(client: string | null, task: () => Promise<T>): Promise<T> {
    return this.fallback.run(client, task)
  }

  async record(entry: ApiCallEntry, trx: Kysely<Database> = this.db): Promise<void> {
    const client = (await this.currentClient(trx)) ?? this.fallback.getStore() ?? null
    await trx
      .insertInto('api_call_logs')
      .values({
        provider: entry.provider,
        action: entry.action,
        reason: entry.reason,
        platform: entry.platform ?? null,
        creator_id: entry.creatorId ?? null,
        user_id: entry.userId,
        created_at: this.clock.now().toISOString(),
        outcome: entry.outcome,
        http_status: entry.httpStatus ?? null,
        duration_ms: Math.max(0, Math.round(entry.durationMs ?? 0)),
        cost_units: entry.costUnits ?? 0,
        cost_millicredits: entry.costMilliCredits ?? 0,
        cache_hit: entry.cacheHit ? 1 : 0,
        saved_units: entry.savedUnits ?? 0,
        client,
      })
      .execute()
  }

  async page(query: ChannelInput<'usage:log'>): Promise<AuditLogPage> {
    let q = this.db.selectFrom('api_call_logs as l')
    if (query.provider) q = q.where('l.provider', '=', query.provider)
    if (query.action) q = q.where('l.action', '=', query.action)
    if (query.outcome) q = q.where('l.outcome', '=', query.outcome)
    if (query.from) q = q.where('l.created_at', '>=', new Date(query.from).toISOString())
    if (query.to) q = q.where('l.created_at', '<', new Date(query.to).toISOString())
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const rows = await q
      .leftJoin('creators as c', 'c.id', 'l.creator_id')
      .selectAll('l')
      .select([
        'c.handle as creator_handle',
        'c.full_name as creator_name',
        'c.platform as creator_platform',
      ])
      // The search a search row is about: the request recorded with it (same user and platform,
      // stored in the same transaction), nearest in time and at most a minute apart.
      .select(
        sql<string | null>`CASE WHEN l.action = 'search' THEN (
          SELECT json_array(q.filters_json, q.page) FROM search_requests AS q
          WHERE q.platform = l.platform AND q.user_id = l.user_id
            AND q.created_at BETWEEN strftime('%Y-%m-%dT%H:%M:%fZ', l.created_at, '-60 seconds')
              AND strftime('%Y-%m-%dT%H:%M:%fZ', l.created_at, '+60 seconds')
          ORDER BY abs(julianday(q.created_at) - julianday(l.created_at)) LIMIT 1) END`.as(
          'search_json',
        ),
      )
      .orderBy('l.id', 'desc')
      .limit(query.pageSize)
      .offset(query.page * query.pageSize)
      .execute()
    const choices = await sql<{ kind: string; value: string }>`
      SELECT DISTINCT 'action' AS kind, action AS value FROM api_call_logs
      UNION SELECT DISTINCT 'outcome', outcome FROM api_call_logs
      ORDER BY kind, value`.execute(this.db)
    return {
      total: Number(total.n),
      choices: {
        actions: choices.rows.filter((c) => c.kind === 'action').map((c) => c.value),
        outcomes: choices.rows.filter((c) => c.kind === 'outcome').map((c) => c.value),
      },
      rows: rows.map((r): AuditLogRow => ({
        id: r.id,
        provider: r.provider as AuditLogRow['provider'],
        action: r.action,
        reason: r.reason,
        creatorId: r.creator_id,
        userId: r.user_id,
        createdAt: r.created_at,
        outcome: r.outcome,
        httpStatus: r.http_status,
        durationMs: r.duration_ms,
        costUnits: r.cost_units,
        costMilliCredits: r.cost_millicredits,
        cacheHit: r.cache_hit === 1,
        creator:
          r.creator_platform === null
            ? null
            : { handle: r.creator_handle, fullName: r.creator_name, platform: r.creator_platform },
        search: readSearch(r.platform, r.search_json),
      })),
    }
  }
}

/** The recorded search's filters and page, or null when none was found or it cannot be read. */
function readSearch(platform: string | null, json: string | null): AuditLogRow['search'] {
  if (platform === null || json === null) return null
  try {
    const [filtersJson, page] = JSON.parse(json) as [string, number]
    const filters = JSON.parse(filtersJson) as SearchFilters
    return typeof page === 'number' && typeof filters === 'object' && filters !== null
      ? { platform, filters, page }
      : null
  } catch {
    return null
  }
}
