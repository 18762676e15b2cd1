import { AppError } from '../../shared/errors'
import type { ClayRunOutcome } from '../providers/clay/clay-api'
import { ClayRunEndedError } from '../providers/clay/clay-errors'
import { ProviderError } from '../providers/provider-error'
import type { ClayLog } from './clay-runs'
import { closeRun, itemId } from './clay-runs'
import type { CoreDeps } from './core-deps'
import { failureDuration, failureOutcome, failureStatus } from './provider-failure'

export type RunWait =
  | { kind: 'done'; outcome: ClayRunOutcome }
  /** The wait ran out while Clay is still working: the run stays open, to resume or abandon. */
  | { kind: 'still_running' }

/**
 * Waits (at most the client's poll timeout) for an open run. A run that can never answer is
 * closed here with its outcome, so the next click starts afresh instead of resuming it for ever;
 * it was counted when it started, so closing it changes nothing on the ledger.
 */
export async function waitForClayRun(
  deps: CoreDeps,
  runId: string,
  log: ClayLog,
): Promise<RunWait> {
  const resultLog = { ...log, action: 'enrich-result' }
  try {
    return { kind: 'done', outcome: await deps.clay.waitForRun(runId, itemId(log.creatorId)) }
  } catch (err) {
    const audit = {
      auditOutcome: failureOutcome(err),
      httpStatus: failureStatus(err),
      durationMs: failureDuration(err),
    }
    if (err instanceof ClayRunEndedError) {
      await closeRun(deps, runId, err.providerCode, resultLog, audit)
      throw new AppError(
        'PROVIDER_ERROR',
        `Clay's lookup for this creator ended without an answer (${describeEnding(err)}). It has been closed: asking again starts a new lookup, which costs 1 email lookup.`,
        { ...err.details, runClosed: true },
      )
    }
    await deps.logger.record({
      ...resultLog,
      outcome: audit.auditOutcome,
      httpStatus: audit.httpStatus,
      durationMs: audit.durationMs,
    })
    if (err instanceof ProviderError && err.providerCode === 'poll_timeout')
      return { kind: 'still_running' }
    // Anything else (Clay unreachable, an unreadable answer) leaves the run open to resume.
    throw err
  }
}

function describeEnding(err: ClayRunEndedError): string {
  if (err.providerCode === 'run_not_found') return 'Clay no longer has it'
  if (err.providerCode === 'item_missing') return 'Clay finished without this creator'
  return `Clay reported "${err.providerCode.replace(/_/g, ' ')}"`
}
