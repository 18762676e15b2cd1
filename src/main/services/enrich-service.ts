import type { ClayMapping, EnrichResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ClayItemOutcome } from '../providers/clay/clay-api'
import { appInputValues, mappingProblem, routineInputs } from './clay-mapping'
import { readEmail } from './clay-result'
import { rememberNotFound, storeClayEmail } from './clay-email-store'
import { waitForClayRun } from './clay-run-wait'
import type { ClayLog } from './clay-runs'
import {
  closeRun,
  liveOpenRun,
  missingFieldMessage,
  openRunToResume,
  startClayRun,
} from './clay-runs'
import { ClaySetupError } from './clay-setup-error'
import type { CoreDeps } from './core-deps'
import { emailInfo } from './creator-detail'
import type { CreatorRow } from './creator-repository'
import { reportEmail } from './creator-repository'
import { replayJournal } from './purchase/purchase'
import { requireCreator } from './report-service'

export { NOT_FOUND_TTL_DAYS } from './clay-email-store'

/**
 * Step 4: the creator's email. Needs a detailed report. Order of preference, cheapest first: an
 * email already found; the email in the Modash report (free); a remembered "not found" (free);
 * a Clay run still open from before (resumed, never re-bought); a new Clay run (paid).
 * Enrichment never calls Modash.
 */
export async function enrichCreator(deps: CoreDeps, creatorId: number): Promise<EnrichResult> {
  // A run bought while the database could not be written is stored now, then resumed for free.
  if (deps.journal.size > 0) await replayJournal(deps, deps.purchaseKinds)
  const row = await requireCreator(deps, creatorId)
  if (row.has_detailed_profile !== 1) {
    throw new AppError('PRECONDITION', 'Get the detailed report first: email lookups need it.')
  }
  const settings = await deps.settings.get()
  const now = deps.clock.now()
  const log: ClayLog = {
    provider: 'clay',
    action: 'enrich',
    reason: 'enrich',
    creatorId,
    userId: settings.userId,
  }

  if (emailInfo(row, now).status !== 'unknown') {
    await deps.logger.record({ ...log, outcome: 'cache_hit', cacheHit: true, savedUnits: 1 })
    return result(deps, row, 'cache', 0)
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
    return result(deps, await requireCreator(deps, creatorId), 'cache', 0)
  }
  if (settings.offline)
    throw new AppError('PROVIDER_UNAVAILABLE', 'Offline: email lookups need a connection.')
  // Before anything is reserved: an unmapped routine would be paid for and answer nothing usable.
  const mapping = settings.clayMapping
  const problem = mappingProblem(mapping)
  if (problem !== null) throw new ClaySetupError('not_mapped', problem)

  const open = await openRunToResume(deps, log)
  const runId = open?.runId ?? (await startLookup(deps, row, mapping, log))
  const charged = open ? 0 : 1
  const waited = await waitForClayRun(deps, runId, log)
  if (waited.kind === 'still_running')
    return result(deps, await requireCreator(deps, creatorId), 'provider', charged)
  await settleLookup(deps, runId, waited.outcome.outcome, mapping, log, waited.outcome.meta)
  return result(deps, await requireCreator(deps, creatorId), 'provider', charged)
}

function startLookup(
  deps: CoreDeps,
  row: CreatorRow,
  mapping: ClayMapping,
  log: ClayLog,
): Promise<string> {
  const values = appInputValues(row)
  return startClayRun(deps, row.id, routineInputs(mapping, values), log, (column) =>
    missingFieldMessage(mapping, values, column),
  )
}

/**
 * Closes the run with what it found and keeps that on the creator. Only an email column that is
 * there and empty is a "not found"; a result the mapping cannot read is a set-up error, which is
 * never remembered: the creator's email stays unknown until the set-up is fixed.
 */
async function settleLookup(
  deps: CoreDeps,
  runId: string,
  outcome: ClayItemOutcome,
  mapping: ClayMapping,
  log: ClayLog,
  meta: { httpStatus: number; durationMs: number },
): Promise<void> {
  const resultLog = { ...log, action: 'enrich-result' }
  const audit = { httpStatus: meta.httpStatus, durationMs: meta.durationMs }
  const now = deps.clock.now().toISOString()
  if (outcome.status === 'failed') {
    await closeRun(deps, runId, 'failed', resultLog, audit)
    throw new AppError(
      'PROVIDER_ERROR',
      `Clay could not look this creator up: ${outcome.message}`,
      {
        provider: 'clay',
        providerCode: 'failed',
        runClosed: true,
      },
    )
  }
  const reading = readEmail(outcome.result, mapping.emailPath)
  switch (reading.kind) {
    case 'found':
      return closeRun(deps, runId, 'found', resultLog, audit, (trx) =>
        storeClayEmail(trx, log.creatorId, reading.email, now),
      )
    case 'not_found':
      return closeRun(deps, runId, 'not_found', resultLog, audit, (trx) =>
        rememberNotFound(trx, log.creatorId, now),
      )
    case 'setup':
      await closeRun(deps, runId, 'setup_error', resultLog, {
        ...audit,
        auditOutcome: reading.code,
      })
      throw new ClaySetupError(reading.code, reading.message)
    case 'malformed':
      await closeRun(deps, runId, 'malformed_email', resultLog, audit)
      throw new AppError('PROVIDER_ERROR', reading.message, {
        provider: 'clay',
        providerCode: 'malformed_email',
        runClosed: true,
      })
  }
}

async function result(
  deps: CoreDeps,
  row: CreatorRow,
  source: EnrichResult['source'],
  charged: number,
): Promise<EnrichResult> {
  const now = deps.clock.now()
  const open = await liveOpenRun(deps.db, row.id, now)
  return {
    creatorId: row.id,
    email: emailInfo(row, now, open === null ? null : { startedAt: open.startedAt }),
    source,
    enrichmentsCharged: charged,
  }
}
