import type { Kysely } from 'kysely'
import type { ClayMapping } from '../../shared/domain'
import type { Platform } from '../../shared/platforms'
import type { Database } from '../db/schema'
import { ClayMissingFieldError } from '../providers/clay/clay-errors'
import type { ClayRunInputs } from '../providers/clay/clay-api'
import { AppError } from '../../shared/errors'
import { APP_INPUT_LABELS, inputForColumn } from './clay-mapping'
import type { appInputValues } from './clay-mapping'
import { ClaySetupError } from './clay-setup-error'
import type { CoreDeps } from './core-deps'
import { clayStartPurchase, emailKey } from './clay-start-purchase'
import { buy } from './purchase/purchase'

/**
 * The `clay_runs` table: one row per Clay run the app started, written before anything waits on
 * it, so an interrupted lookup is resumed for free instead of bought again. A row stays open
 * (`finished_at` null) only while its answer may still come; every other ending closes it with
 * its outcome, so a dead run never blocks the creator.
 */

/** Clay keeps a run's results for a while, not for ever; an open run older than this is given up. */
export const RUN_EXPIRY_HOURS = 24

export interface OpenRun {
  runId: string
  startedAt: string
}

/** Who asked and why, for the audit rows a run writes. */
export interface ClayLog {
  provider: 'clay'
  action: string
  reason: string
  creatorId: number
  userId: string
}

export function itemId(creatorId: number): string {
  return `creator-${creatorId}`
}

function expiryLine(now: Date): string {
  return new Date(now.getTime() - RUN_EXPIRY_HOURS * 3_600_000).toISOString()
}

/** The creator's run still worth waiting for, if any. Reads only: for the profile view. */
export async function liveOpenRun(
  db: Kysely<Database>,
  creatorId: number,
  now: Date,
): Promise<OpenRun | null> {
  const row = await db
    .selectFrom('clay_runs')
    .select(['run_id', 'started_at'])
    .where('creator_id', '=', creatorId)
    .where('finished_at', 'is', null)
    .where('started_at', '>', expiryLine(now))
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row ? { runId: row.run_id, startedAt: row.started_at } : null
}

/**
 * The run to resume for a lookup. Open runs past their expiry are closed as `expired` first (they
 * were counted when they started, so closing them costs nothing) and are never resumed.
 */
export async function openRunToResume(deps: CoreDeps, log: ClayLog): Promise<OpenRun | null> {
  const now = deps.clock.now()
  const expired = await deps.db
    .selectFrom('clay_runs')
    .select('run_id')
    .where('creator_id', '=', log.creatorId)
    .where('finished_at', 'is', null)
    .where('started_at', '<=', expiryLine(now))
    .execute()
  for (const { run_id } of expired)
    await closeRun(deps, run_id, 'expired', { ...log, action: 'enrich-result' })
  return liveOpenRun(deps.db, log.creatorId, now)
}

/**
 * Closes an open run with its outcome and writes the audit row, in one transaction. A run closed
 * meanwhile (abandoned while a click was waiting on it) keeps its first outcome.
 */
export async function closeRun(
  deps: CoreDeps,
  runId: string,
  outcome: string,
  log: ClayLog,
  audit: { auditOutcome?: string; httpStatus?: number | null; durationMs?: number } = {},
  more?: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('clay_runs')
      .set({ finished_at: deps.clock.now().toISOString(), outcome })
      .where('run_id', '=', runId)
      .where('finished_at', 'is', null)
      .execute()
    await more?.(trx)
    await deps.logger.record(
      {
        ...log,
        outcome: audit.auditOutcome ?? outcome,
        httpStatus: audit.httpStatus ?? null,
        durationMs: audit.durationMs ?? 0,
      },
      trx,
    )
  })
}

/**
 * Buys a Clay run start through the purchase routine: reserved, journaled, its run id stored and
 * counted in one transaction. A start Clay refused is released; one whose answer was lost is
 * counted (it may have run), never retried. A missing input column is a set-up error.
 */
export async function startClayRun(
  deps: CoreDeps,
  creatorId: number,
  inputs: ClayRunInputs,
  log: ClayLog,
  explainMissing: (column: string) => string,
): Promise<string> {
  const routineId = deps.clayRoutineId()
  if (routineId === null)
    throw new AppError('KEY_MISSING', 'Set the Clay routine id in Settings to find emails.')
  const creator = await creatorRefOf(deps, creatorId)
  try {
    const bought = await buy(deps, clayStartPurchase, {
      key: emailKey(creatorId),
      context: { creatorId, platform: creator.platform, providerId: creator.providerId, routineId },
      reserveUnits: 1,
      worstCaseMilliCredits: () => 0,
      // A teammate's run is resumed (polling is free) while Clay still keeps its results.
      teamMaxAgeMs: RUN_EXPIRY_HOURS * 3_600_000,
      audit: { ...log, action: 'enrich-start' },
      call: async () => {
        const started = await deps.clay.startRun(routineId, itemId(creatorId), inputs)
        return {
          data: { runId: started.runId },
          raw: { routine_run_id: started.runId },
          meta: started.meta,
        }
      },
    })
    return bought.result
  } catch (err) {
    if (err instanceof ClayMissingFieldError)
      throw new ClaySetupError('missing_required_field', explainMissing(err.column))
    throw err
  }
}

async function creatorRefOf(
  deps: CoreDeps,
  creatorId: number,
): Promise<{ platform: Platform; providerId: string }> {
  const row = await deps.db
    .selectFrom('creators')
    .select(['platform', 'provider_id'])
    .where('id', '=', creatorId)
    .executeTakeFirstOrThrow()
  return { platform: row.platform as Platform, providerId: row.provider_id }
}

/** Plain words for Clay's `Missing required field: <column>`, naming what the user can fix. */
export function missingFieldMessage(
  mapping: ClayMapping,
  values: ReturnType<typeof appInputValues>,
  column: string,
): string {
  const input = inputForColumn(mapping, column)
  if (input !== null && values[input] === null)
    return `Clay's routine needs "${column}" (the creator's ${APP_INPUT_LABELS[input]}), and none is known for this creator. Nothing was charged.`
  return `Clay's routine needs an input column named "${column}", and Settings → Clay sends nothing under that name. Map one of the creator's details to "${column}" (the name must match exactly). Nothing was charged.`
}
