import type { Kysely } from 'kysely'
import type { AuditLogPage, AuditLogRow } from '../../shared/domain'
import type { ChannelInput } from '../../shared/ipc-contract'
import type { Platform } from '../../shared/platforms'
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

/**
 * The audit trail: one row per provider call and per cache hit (cost 0), so the cache hit rate
 * and what was spent can be computed. It records no request headers, so no key can reach it.
 */
export class ApiLogger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async record(entry: ApiCallEntry, trx: Kysely<Database> = this.db): Promise<void> {
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
      })
      .execute()
  }

  async page(query: ChannelInput<'usage:log'>): Promise<AuditLogPage> {
    let q = this.db.selectFrom('api_call_logs')
    if (query.provider) q = q.where('provider', '=', query.provider)
    if (query.action) q = q.where('action', '=', query.action)
    if (query.outcome) q = q.where('outcome', '=', query.outcome)
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const rows = await q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset(query.page * query.pageSize)
      .execute()
    return {
      total: Number(total.n),
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
      })),
    }
  }
}
