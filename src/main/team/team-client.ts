import { randomUUID } from 'node:crypto'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Meter } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { ChangeListener } from './change-listener'
import { teamClientConfig } from './connection-config'
import type { TeamConnectionOptions } from './connection-config'
import { assertUsableSchema, teamSchemaState } from './migrate'
import { TEAM_SCHEMA as S } from './names'
import { TeamOutbox } from './outbox'
import type { OutboxOp } from './outbox'
import { abandonOnce, claimOnce, latestPurchase, publishOnce, readPurchase } from './team-cache'
import { teamError, isUnreachable } from './team-errors'
import { pullPurchases } from './team-feed'
import {
  markSentOnTeam,
  readTeamQuota,
  releaseOnTeam,
  reserveOnTeam,
  settleOnTeam,
} from './team-ledger'
import type { QuotaReading } from './team-ledger'
import type {
  PublishStatus,
  TeamAudit,
  TeamCharge,
  TeamClaim,
  TeamEvent,
  TeamPull,
  TeamPurchase,
  TeamPurchaseEntry,
  TeamReservation,
  TeamStatus,
} from './types'

export interface TeamClientOptions extends TeamConnectionOptions {
  /** Folder (in the data folder) where calls wait while the team database is unreachable. */
  outboxDir: string
  /** How long `claimPurchase` waits for a teammate buying the same thing; default 20 s. */
  claimWaitMs?: number
  log?: (message: string) => void
}

/**
 * The laptop's side of team mode. Every method speaks in typed AppErrors: the team database
 * not answering is PROVIDER_UNAVAILABLE ("paid calls are paused; cached data still works"), a
 * limit QUOTA_EXCEEDED, and so on (`team-errors.ts`).
 *
 * What must reach the server after money was spent (a purchase, a settlement, a release) goes
 * through the outbox: kept on disk when the server cannot take it, sent again later, counted
 * once (the server's functions are idempotent).
 */
export interface TeamClient {
  /** The manager's role: their identity on the team database. */
  readonly user: string
  reserve(
    meter: Meter,
    units: number,
    options: { worstCaseMilliCredits: number; purchaseKey?: string | null },
  ): Promise<TeamReservation>
  /** The call is about to go out: after this, a lost answer is counted at its worst case. */
  markSent(reservation: TeamReservation): Promise<void>
  /** A failed call that may have been billed: counts `charge` (never more than reserved). */
  settle(
    reservation: TeamReservation,
    charge: TeamCharge,
    audit: TeamAudit,
  ): Promise<'settled' | 'already' | 'queued'>
  /** Nothing was billed: gives the units back. */
  release(
    reservation: TeamReservation,
    audit?: TeamAudit | null,
  ): Promise<'released' | 'already' | 'queued'>
  /**
   * Before buying `key`: the team's purchase when one is younger than `maxAgeMs` (null: any
   * age), else this laptop's claim to buy it. Waits while a teammate is buying it.
   */
  claimPurchase(
    key: string,
    options?: { maxAgeMs?: number | null; waitMs?: number },
  ): Promise<TeamClaim>
  abandonClaim(claim: Extract<TeamClaim, { status: 'claimed' }>): Promise<void>
  /** Stores a paid answer for the team, settles its reservation and ends its claim. */
  publishPurchase(entry: TeamPurchaseEntry): Promise<{ status: PublishStatus; boughtAt?: string }>
  findPurchase(key: string, maxAgeMs?: number | null): Promise<TeamPurchase | null>
  getPurchase(id: string): Promise<TeamPurchase | null>
  pull(cursor: string | null, options?: { limit?: number }): Promise<TeamPull>
  /** Live pushes (LISTEN/NOTIFY); returns the unsubscribe function. */
  onChange(listener: (event: TeamEvent) => void): () => void
  status(): Promise<TeamStatus>
  /** A free event for the team's audit log (a cache hit); best effort. */
  recordCall(audit: TeamAudit): Promise<void>
  flushOutbox(): Promise<{ sent: number; waiting: number }>
  readonly admin: {
    setLimit(meter: Meter, limit: number | null): Promise<void>
    setUserCap(user: string, meter: Meter, cap: number | null): Promise<void>
    setBillingCycleDay(day: number): Promise<void>
    setTimeouts(seconds: { reservation: number; sent: number; claim: number }): Promise<void>
  }
  close(): Promise<void>
}

export function createTeamClient(options: TeamClientOptions): TeamClient {
  const config = teamClientConfig(options)
  const user = config.user ?? ''
  const pool = new pg.Pool({
    ...config,
    max: options.maxConnections ?? 4,
    idleTimeoutMillis: 30_000,
  })
  // A connection whose server went away emits 'error' (on the pool when idle, on the client when
  // checked out between statements); unhandled, it would end the process. The statement in
  // flight fails on its own, as a typed error.
  pool.on('error', () => undefined)
  pool.on('connect', (connection) => connection.on('error', () => undefined))
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) })
  const outbox = new TeamOutbox(options.outboxDir)
  const listeners = new Set<(event: TeamEvent) => void>()
  const waiters = new Set<() => void>()
  const emit = (event: TeamEvent) => {
    if (event.type === 'purchase' || event.type === 'claim' || event.type === 'connected') {
      for (const wake of [...waiters]) wake()
    }
    if (event.type === 'connected') void flush().catch(() => undefined)
    for (const l of [...listeners]) {
      try {
        l(event)
      } catch (err) {
        options.log?.(`team change listener failed: ${String(err)}`)
      }
    }
  }
  const listener = new ChangeListener(config, emit)
  let schemaChecked: Promise<void> | null = null
  let lastReading: QuotaReading | null = null
  let lastReadAt: string | null = null
  let flushing: Promise<{ sent: number; waiting: number }> | null = null

  /** Every call: the schema is checked once (a newer one is refused), errors become typed. */
  const call = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      schemaChecked ??= teamSchemaState(db).then(assertUsableSchema)
      try {
        await schemaChecked
      } catch (err) {
        schemaChecked = null
        throw err
      }
      return await task()
    } catch (err) {
      throw teamError(err, user)
    }
  }

  /** Sends what waits in the outbox, oldest first; stops at the first "unreachable". */
  const flush = (): Promise<{ sent: number; waiting: number }> => {
    flushing ??= (async () => {
      let sent = 0
      try {
        for (const { file, item } of outbox.entries()) {
          try {
            await call(() => send(item.item))
            outbox.remove(file)
            sent += 1
          } catch (err) {
            if (isUnreachable(err)) break
            options.log?.(
              `team outbox: ${item.item.op} refused for good: ${(err as Error).message}`,
            )
            outbox.reject(file)
          }
        }
      } finally {
        flushing = null
      }
      return { sent, waiting: outbox.size }
    })()
    return flushing
  }

  const send = async (op: OutboxOp): Promise<void> => {
    switch (op.op) {
      case 'publish':
        await publishOnce(db, op.entry)
        return
      case 'settle':
        await settleOnTeam(db, op.reservationId, op.units, op.milliCredits, op.audit)
        return
      case 'release':
        await releaseOnTeam(db, op.reservationId, op.audit)
        return
      case 'abandon':
        await abandonOnce(db, op.key, op.token)
        return
    }
  }

  /** Sends now; when the server cannot be reached, keeps it for later and says "queued". */
  const sendOrQueue = async <T>(op: OutboxOp, task: () => Promise<T>): Promise<T | 'queued'> => {
    try {
      return await call(task)
    } catch (err) {
      if (!isUnreachable(err)) throw err
      outbox.add(op)
      return 'queued'
    }
  }

  const client: TeamClient = {
    user,

    async reserve(meter, units, opts) {
      if (outbox.size > 0) await flush().catch(() => undefined)
      return call(() =>
        reserveOnTeam(db, meter, units, opts.worstCaseMilliCredits, opts.purchaseKey ?? null),
      )
    },

    async markSent(reservation) {
      await call(() => markSentOnTeam(db, reservation.id))
    },

    async settle(reservation, charge, audit) {
      const units = Math.min(charge.units, reservation.units)
      return sendOrQueue(
        {
          op: 'settle',
          reservationId: reservation.id,
          units,
          milliCredits: charge.milliCredits,
          audit,
        },
        () => settleOnTeam(db, reservation.id, units, charge.milliCredits, audit),
      )
    },

    async release(reservation, audit = null) {
      return sendOrQueue({ op: 'release', reservationId: reservation.id, audit }, () =>
        releaseOnTeam(db, reservation.id, audit),
      )
    },

    async claimPurchase(key, opts = {}) {
      const token = randomUUID()
      const waitMs = opts.waitMs ?? options.claimWaitMs ?? 20_000
      const maxAgeMs = opts.maxAgeMs ?? null
      const started = Date.now()
      let freshAfter: string | null = null
      let pause = 25
      for (;;) {
        const answer = await call(async () => {
          // The freshness line is fixed in server time at the first try, then kept.
          if (freshAfter === null && maxAgeMs !== null) {
            const now = await sql<{ now: Date }>`SELECT now() AS now`.execute(db)
            freshAfter = new Date(
              (now.rows[0]?.now ?? new Date()).getTime() - maxAgeMs,
            ).toISOString()
          }
          return claimOnce(db, key, freshAfter, token)
        })
        if (answer.status === 'claimed') {
          return {
            status: 'claimed',
            key,
            token,
            expiresAt: answer.holderExpiresAt ?? answer.serverNow,
          }
        }
        if (answer.status === 'bought' && answer.purchaseId !== null) {
          const purchaseId = answer.purchaseId
          const purchase = await call(() => readPurchase(db, purchaseId))
          if (purchase !== null) return { status: 'bought', purchase }
        }
        if (Date.now() - started >= waitMs) {
          throw new AppError(
            'PRECONDITION',
            `${answer.holder === null ? 'A teammate' : `Your teammate ${answer.holder}`} is buying ` +
              'this right now. Nothing was charged; try again in a moment.',
            { team: 'busy', holder: answer.holder, until: answer.holderExpiresAt },
          )
        }
        await wait(pause, waiters)
        pause = Math.min(pause * 2, 500)
      }
    },

    async abandonClaim(claim) {
      await sendOrQueue({ op: 'abandon', key: claim.key, token: claim.token }, () =>
        abandonOnce(db, claim.key, claim.token),
      )
    },

    async publishPurchase(entry) {
      if (!Number.isSafeInteger(entry.units) || !Number.isSafeInteger(entry.milliCredits)) {
        throw new AppError('INTERNAL', 'A purchase is charged in whole units and milli-credits')
      }
      // On disk first: the answer was paid for, and must survive whatever happens next.
      const file = outbox.add({ op: 'publish', entry })
      try {
        const done = await call(() => publishOnce(db, entry))
        outbox.remove(file)
        return done
      } catch (err) {
        if (isUnreachable(err)) return { status: 'queued' }
        outbox.reject(file)
        throw err
      }
    },

    findPurchase: (key, maxAgeMs = null) => call(() => latestPurchase(db, key, maxAgeMs)),
    getPurchase: (id) => call(() => readPurchase(db, id)),
    pull: (cursor, opts = {}) => call(() => pullPurchases(db, cursor, opts.limit ?? 200)),

    onChange(l) {
      listeners.add(l)
      if (listeners.size === 1) listener.start()
      return () => {
        listeners.delete(l)
        if (listeners.size === 0) void listener.stop()
      }
    },

    async status() {
      try {
        if (outbox.size > 0) await flush().catch(() => undefined)
        lastReading = await call(() => readTeamQuota(db))
        lastReadAt = new Date().toISOString()
        return statusOf('online')
      } catch (err) {
        const error = teamError(err, user)
        if (!isUnreachable(error)) throw error
        return statusOf('unreachable', error)
      }
    },

    async recordCall(audit) {
      await call(() =>
        sql`SELECT ${sql.raw(`${S}.record_call`)}(${JSON.stringify(audit)}::jsonb)`.execute(db),
      ).catch(() => undefined)
    },

    flushOutbox: () => flush(),

    admin: {
      setLimit: async (meter, limit) => {
        await call(() =>
          sql`SELECT ${sql.raw(`${S}.set_limit`)}(${meter}, ${limit}::bigint)`.execute(db),
        )
      },
      setUserCap: async (who, meter, cap) => {
        await call(() =>
          sql`SELECT ${sql.raw(`${S}.set_user_cap`)}(${who}, ${meter}, ${cap}::bigint)`.execute(db),
        )
      },
      setBillingCycleDay: async (day) => {
        await call(() =>
          sql`SELECT ${sql.raw(`${S}.set_billing_cycle_day`)}(${day}::int)`.execute(db),
        )
      },
      setTimeouts: async (s) => {
        await call(() =>
          sql`SELECT ${sql.raw(`${S}.set_timeouts`)}(${s.reservation}::int, ${s.sent}::int, ${s.claim}::int)`.execute(
            db,
          ),
        )
      },
    },

    async close() {
      for (const wake of [...waiters]) wake()
      listeners.clear()
      await listener.stop()
      await db.destroy()
    },
  }

  function statusOf(state: TeamStatus['state'], error?: AppError): TeamStatus {
    return {
      state,
      user,
      ...(error === undefined ? {} : { error: error.toInfo() }),
      teamId: lastReading?.teamId ?? null,
      month: lastReading?.month ?? null,
      periodStart: lastReading?.periodStart ?? null,
      resetsAt: lastReading?.resetsAt ?? null,
      meters: lastReading?.meters ?? [],
      readAt: lastReadAt,
      outboxWaiting: outbox.size,
      live: listener.connected,
    }
  }

  return client
}

/** Sleeps `ms`, or less when a push says something changed. */
function wait(ms: number, waiters: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      waiters.delete(done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    waiters.add(done)
  })
}
