import type { EnrichResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ClayEnrichInput, ClayRunOutcome } from '../providers/clay/clay-api'
import { ProviderError } from '../providers/provider-error'
import { addDays } from './clock'
import type { CoreDeps } from './core-deps'
import { emailInfo } from './creator-detail'
import type { CreatorRow } from './creator-repository'
import { EMAIL, reportEmail } from './creator-repository'
import { failureDuration, failureOutcome, failureStatus } from './provider-failure'
import { requireCreator } from './report-service'

/** How long a Clay "not found" is trusted before a new (paid) lookup is allowed. */
export const NOT_FOUND_TTL_DAYS = 30

/**
 * Step 4: the creator's email. Needs a detailed report. Order of preference, cheapest first: an
 * email already found; the email in the Modash report (free); a remembered "not found" (free);
 * a Clay run still pending from before (resumed, never re-bought); a new Clay run (paid).
 * Enrichment never calls Modash.
 */
export async function enrichCreator(deps: CoreDeps, creatorId: number): Promise<EnrichResult> {
  const row = await requireCreator(deps, creatorId)
  if (row.has_detailed_profile !== 1) {
    throw new AppError('PRECONDITION', 'Get the detailed report first: email lookups need it.')
  }
  const settings = await deps.settings.get()
  const now = deps.clock.now()
  const log = {
    provider: 'clay' as const,
    action: 'enrich',
    reason: 'enrich',
    creatorId,
    userId: settings.userId,
  }
  const result = (
    r: CreatorRow,
    source: EnrichResult['source'],
    charged: number,
  ): EnrichResult => ({
    creatorId,
    email: emailInfo(r, deps.clock.now()),
    source,
    enrichmentsCharged: charged,
  })

  if (emailInfo(row, now).status !== 'unknown') {
    await deps.logger.record({ ...log, outcome: 'cache_hit', cacheHit: true, savedUnits: 1 })
    return result(row, 'cache', 0)
  }
  const fromReport = reportEmail(
    row.detailed_profile_json === null ? null : JSON.parse(row.detailed_profile_json),
  )
  if (fromReport !== null) {
    await deps.db
      .updateTable('creators')
      .set({
        email: fromReport,
        email_found: 1,
        email_source: 'modash',
        email_status: 'from_report',
      })
      .where('id', '=', creatorId)
      .execute()
    await deps.logger.record({ ...log, outcome: 'report_email', cacheHit: true, savedUnits: 1 })
    return result(await requireCreator(deps, creatorId), 'cache', 0)
  }
  if (settings.offline)
    throw new AppError('PROVIDER_UNAVAILABLE', 'Offline: email lookups need a connection.')

  const pending = await deps.db
    .selectFrom('clay_runs')
    .select('run_id')
    .where('creator_id', '=', creatorId)
    .where('finished_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const runId = pending?.run_id ?? (await startRun(deps, row, log))
  return finishRun(deps, creatorId, runId, log, pending ? 0 : 1).then(async (charged) =>
    result(await requireCreator(deps, creatorId), 'provider', charged),
  )
}

type LogBase = {
  provider: 'clay'
  action: string
  reason: string
  creatorId: number
  userId: string
}

/** Reserves one lookup and starts the Clay run; the run id is stored before anything else. */
async function startRun(deps: CoreDeps, row: CreatorRow, log: LogBase): Promise<string> {
  const routineId = deps.clayRoutineId()
  if (routineId === null)
    throw new AppError('KEY_MISSING', 'Set the Clay routine id in Settings to find emails.')
  const reservation = await deps.ledger.reserve('enrichment', 1)
  await deps.ledger.markSent(reservation)
  try {
    const started = await deps.clay.startRun(routineId, itemId(row.id), enrichInput(row))
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('clay_runs')
        .values({
          creator_id: row.id,
          run_id: started.runId,
          routine_id: routineId,
          started_at: deps.clock.now().toISOString(),
          finished_at: null,
          outcome: null,
        })
        .execute()
      // Clay charges when it accepts the run, whatever the run finds.
      await deps.ledger.settle(reservation, 1, 0, trx)
      await deps.logger.record(
        {
          ...log,
          action: 'enrich-start',
          outcome: 'ok',
          httpStatus: started.meta.httpStatus,
          durationMs: started.meta.durationMs,
          costUnits: 1,
        },
        trx,
      )
    })
    return started.runId
  } catch (err) {
    const ambiguous = err instanceof ProviderError && err.billed === 'uncertain'
    // A start whose answer was lost may have run and been charged: count it, never retry it blindly.
    if (ambiguous) await deps.ledger.settle(reservation, 1, 0)
    else await deps.ledger.release(reservation)
    await deps.logger.record({
      ...log,
      action: 'enrich-start',
      outcome: failureOutcome(err),
      httpStatus: failureStatus(err),
      durationMs: failureDuration(err),
      costUnits: ambiguous ? 1 : 0,
    })
    throw err
  }
}

/** Waits for the run's result and stores it. Returns the lookups charged by this call. */
async function finishRun(
  deps: CoreDeps,
  creatorId: number,
  runId: string,
  log: LogBase,
  charged: number,
): Promise<number> {
  let outcome: ClayRunOutcome
  try {
    outcome = await deps.clay.waitForRun(runId, itemId(creatorId))
  } catch (err) {
    await deps.logger.record({
      ...log,
      action: 'enrich-result',
      outcome: failureOutcome(err),
      httpStatus: failureStatus(err),
      durationMs: failureDuration(err),
    })
    // The run id stays pending: asking again resumes this run instead of paying for another.
    throw err
  }
  const now = deps.clock.now().toISOString()
  const o = outcome.outcome
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('clay_runs')
      .set({ finished_at: now, outcome: o.status })
      .where('run_id', '=', runId)
      .execute()
    if (o.status === 'found' && EMAIL.test(o.email)) {
      await trx
        .updateTable('creators')
        .set({
          email: o.email,
          email_found: 1,
          email_source: 'clay',
          email_status: o.emailStatus ?? 'found',
          clay_enriched_at: now,
          email_not_found_until: null,
        })
        .where('id', '=', creatorId)
        .execute()
    } else if (o.status === 'not_found') {
      await trx
        .updateTable('creators')
        .set({
          email_found: 0,
          email_status: 'not_found',
          clay_enriched_at: now,
          email_not_found_until: addDays(now, NOT_FOUND_TTL_DAYS),
        })
        .where('id', '=', creatorId)
        .execute()
    }
    await deps.logger.record(
      {
        ...log,
        action: 'enrich-result',
        outcome: o.status,
        httpStatus: outcome.meta.httpStatus,
        durationMs: outcome.meta.durationMs,
      },
      trx,
    )
  })
  if (o.status === 'failed')
    throw new AppError('PROVIDER_ERROR', `Clay could not look this creator up: ${o.message}`)
  return charged
}

function itemId(creatorId: number): string {
  return `creator-${creatorId}`
}

function enrichInput(row: CreatorRow): ClayEnrichInput {
  const input: ClayEnrichInput = {}
  if (row.full_name) input.full_name = row.full_name
  if (row.profile_url) input.profile_url = row.profile_url
  if (row.handle) {
    if (row.platform === 'instagram') input.instagram_handle = row.handle
    if (row.platform === 'tiktok') input.tiktok_handle = row.handle
    if (row.platform === 'youtube') input.youtube_handle = row.handle
  }
  return input
}
