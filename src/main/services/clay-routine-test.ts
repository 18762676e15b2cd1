import type { ClayRoutineTest } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { appInputValues, hasMappedInput, routineInputs } from './clay-mapping'
import { storeClayEmail } from './clay-email-store'
import { keyPaths, readEmail } from './clay-result'
import { waitForClayRun } from './clay-run-wait'
import type { ClayLog } from './clay-runs'
import { closeRun, missingFieldMessage, openRunToResume, startClayRun } from './clay-runs'
import { ClaySetupError } from './clay-setup-error'
import type { CoreDeps } from './core-deps'
import { emailInfo } from './creator-detail'
import { requireCreator } from './report-service'

/**
 * Settings → Clay's "test run": one real (paid) run of the routine on a creator the user picked,
 * to show the result's columns so the user can choose the one holding the email. It is a lookup
 * like any other: reserved and counted on the ledger, audited (reason `routine-test`), resumed
 * rather than re-bought if a run for the creator is still open, and an email it finds through
 * the current mapping is kept. What is wrong is answered as `problem`, in plain words, so the
 * user sees it beside the columns instead of as a failure.
 */
export async function testClayRoutine(deps: CoreDeps, creatorId: number): Promise<ClayRoutineTest> {
  const row = await requireCreator(deps, creatorId)
  const settings = await deps.settings.get()
  if (settings.offline)
    throw new AppError('PROVIDER_UNAVAILABLE', 'Offline: a test run needs a connection.')
  const mapping = settings.clayMapping
  if (!hasMappedInput(mapping))
    throw new ClaySetupError(
      'not_mapped',
      "Name at least one of the routine's input columns first (for example the one that takes the handle).",
    )
  const log: ClayLog = {
    provider: 'clay',
    action: 'enrich',
    reason: 'routine-test',
    creatorId,
    userId: settings.userId,
  }
  const answer = (problem: string | null, resultKeys: string[] = [], email: string | null = null) =>
    ({ resultKeys, email, problem }) satisfies ClayRoutineTest

  let runId = (await openRunToResume(deps, log))?.runId ?? null
  if (runId === null) {
    const values = appInputValues(row)
    try {
      runId = await startClayRun(deps, creatorId, routineInputs(mapping, values), log, (column) =>
        missingFieldMessage(mapping, values, column),
      )
    } catch (err) {
      if (err instanceof ClaySetupError) return answer(err.message)
      throw err
    }
  }

  let waited: Awaited<ReturnType<typeof waitForClayRun>>
  try {
    waited = await waitForClayRun(deps, runId, log)
  } catch (err) {
    // A run that ended without an answer has been closed; the next test starts a new one.
    if (err instanceof AppError && err.details?.runClosed === true) return answer(err.message)
    throw err
  }
  if (waited.kind === 'still_running')
    return answer(
      'Clay is still working on this test run. Run the test again in a minute: it picks up this run, at no extra cost.',
    )
  const resultLog = { ...log, action: 'enrich-result' }
  const audit = {
    httpStatus: waited.outcome.meta.httpStatus,
    durationMs: waited.outcome.meta.durationMs,
  }
  const outcome = waited.outcome.outcome
  if (outcome.status === 'failed') {
    await closeRun(deps, runId, 'failed', resultLog, audit)
    return answer(`Clay could not process this creator: ${outcome.message}`)
  }

  const keys = keyPaths(outcome.result)
  const reading = readEmail(outcome.result, mapping.emailPath)
  switch (reading.kind) {
    case 'found': {
      // Kept like any lookup's answer, unless the creator already has an email.
      const known = emailInfo(row, deps.clock.now()).status === 'found'
      const now = deps.clock.now().toISOString()
      await closeRun(deps, runId, 'found', resultLog, audit, (trx) =>
        known ? Promise.resolve() : storeClayEmail(trx, creatorId, reading.email, now),
      )
      return answer(null, keys, reading.email)
    }
    case 'not_found':
      // A test is not a lookup the user asked for on this creator: nothing is remembered.
      await closeRun(deps, runId, 'not_found', resultLog, audit)
      return answer(null, keys)
    case 'setup':
      await closeRun(deps, runId, 'setup_error', resultLog, {
        ...audit,
        auditOutcome: reading.code,
      })
      return answer(reading.message, keys)
    case 'malformed':
      await closeRun(deps, runId, 'malformed_email', resultLog, audit)
      return answer(reading.message, keys)
  }
}
