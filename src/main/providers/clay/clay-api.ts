import type { CallMeta } from '../modash/modash-api'

/** One creator's inputs for the email routine (Clay Public API v0, `providers.md` §2.6). */
export interface ClayEnrichInput {
  full_name?: string
  first_name?: string
  last_name?: string
  company_domain?: string
  instagram_handle?: string
  tiktok_handle?: string
  youtube_handle?: string
  profile_url?: string
}

export interface ClayRunStarted {
  runId: string
  meta: CallMeta
}

export type ClayItemOutcome =
  | { status: 'found'; email: string; emailStatus: string | null }
  | { status: 'not_found' }
  | { status: 'failed'; message: string }

export interface ClayRunOutcome {
  runId: string
  outcome: ClayItemOutcome
  meta: CallMeta
}

/**
 * Clay's routine API as the core uses it. There is no idempotency key, so `startRun` is never
 * retried after an ambiguous failure; the caller persists `runId` before `waitForRun` so an
 * interrupted wait is resumed, not re-run (and re-paid).
 */
export interface ClayWorkspace {
  workspaceId: string
  meta: CallMeta
}

export interface ClayApi {
  /** `GET /me`: free; proves the key works (used by "Test key"). */
  me(): Promise<ClayWorkspace>
  startRun(routineId: string, itemId: string, inputs: ClayEnrichInput): Promise<ClayRunStarted>
  waitForRun(runId: string, itemId: string): Promise<ClayRunOutcome>
}
