import type { CallMeta } from '../modash/modash-api'

/**
 * One item's inputs for a routine, keyed by the routine author's input column names ("Handle",
 * "Full Name", "Domain"…), never by fixed keys (`docs/providers.md` §1.13). Which app value goes in
 * which column is the user's mapping (Settings → Clay).
 */
export type ClayRunInputs = Record<string, string>

/** A completed item's outputs, keyed by the routine's output column names; values as Clay sent them. */
export type ClayRunResult = Record<string, unknown>

export interface ClayRunStarted {
  runId: string
  meta: CallMeta
}

/**
 * What the run did for our item. A completed item's result is handed over raw: which column
 * holds the email is the user's mapping, read by the core (`services/clay-result.ts`).
 */
export type ClayItemOutcome =
  { status: 'complete'; result: ClayRunResult } | { status: 'failed'; message: string }

export interface ClayRunOutcome {
  runId: string
  outcome: ClayItemOutcome
  meta: CallMeta
}

export interface ClayWorkspace {
  workspaceId: string
  meta: CallMeta
}

export interface ClayWaitOptions {
  timeoutMs?: number
}

/**
 * Clay's routine API as the core uses it. There is no idempotency key, so `startRun` is never
 * retried after an ambiguous failure; the caller persists `runId` before `waitForRun` so an
 * interrupted wait is resumed, not re-run (and re-paid).
 */
export interface ClayApi {
  /** `GET /me`: free; proves the key works (used by "Test key"). */
  me(): Promise<ClayWorkspace>
  startRun(routineId: string, itemId: string, inputs: ClayRunInputs): Promise<ClayRunStarted>
  /**
   * Polls until the run is terminal or `timeoutMs` (default: the client's poll timeout) passes;
   * then it fails with `poll_timeout` and the run id stays valid to resume.
   */
  waitForRun(runId: string, itemId: string, options?: ClayWaitOptions): Promise<ClayRunOutcome>
}
