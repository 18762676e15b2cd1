/** The Public API v0 routes the emulator serves (`docs/providers.md` §2.6). */
export type ClayRoute = 'me' | 'run' | 'results'

/** Faults any route can be given; each injected fault is consumed by one request. */
export type ClayFault =
  /** Answer with this status and `{"message"}` without doing the work (nothing is charged). */
  | { kind: 'status'; status: number; message?: string; retryAfterSeconds?: number }
  /** Answer with this status and JSON body without doing the work: for shapes Clay may send. */
  | { kind: 'respond'; status: number; body: unknown }
  /** Wait, then serve the request normally (even if the client has gone by then). */
  | { kind: 'delay'; ms: number }
  /** Never answer; the socket stays open until the client gives up or the emulator closes. */
  | { kind: 'hang' }
  /** Do the work, then send a body that is not JSON under a JSON content type. */
  | { kind: 'malformed-json' }
  /** Do the work, then send only the first half of the JSON body. */
  | { kind: 'truncated-json' }
  /** Do the work, then send the JSON body labelled as HTML. */
  | { kind: 'wrong-content-type' }
  /** Destroy the socket without doing the work. */
  | { kind: 'reset' }

/**
 * Only for `run`: create and charge the run, then destroy the socket before answering. The
 * client cannot tell whether it ran, which is exactly the case it must not retry.
 */
export type ClayRunFault = ClayFault | { kind: 'accept-then-reset' }

export interface ClayRateLimit {
  /** Tokens added per second to each API key's bucket. */
  perSecond: number
  /** Bucket size: how many requests may arrive at once. */
  burst: number
}

/**
 * A routine as its author built it in Clay's UI (`docs/providers.md` §1.13): the input columns a run
 * item must carry, and whether any output column is mapped. Column names are the author's own.
 */
export interface ClayRoutineSpec {
  id: string
  /** Columns every item must fill; a missing one is 400 `Missing required field: <column>`. */
  requiredInputs: string[]
  /** Columns the routine reads when given (documentation only: extra columns are ignored). */
  optionalInputs?: string[]
  /**
   * False when the author mapped no output column: items complete with `result: {}`. Otherwise
   * results carry "Work Email" and an "Enrich person" object (see `results.ts`). Default true.
   */
  outputsMapped?: boolean
}

export interface ClayEmulatorOptions {
  /** Valid API keys and the integer credits each starts with. */
  apiKeys: Record<string, number>
  /**
   * Routines that exist. A bare id, e.g. `'function:t_email'`, gets the default author's columns
   * (`DEFAULT_ROUTINE_COLUMNS`).
   */
  routines: Array<string | ClayRoutineSpec>
  /**
   * Email fixtures by lookup key: a handle or a full name, matched case-insensitively with a
   * leading `@` ignored, against the item's input values whatever their columns are called
   * (handle-like columns first). `null` (or no match) yields a result with no email.
   */
  emails: Record<string, string | null>
  /** Lookup keys whose item fails (`status: 'failed'` inside a 200). */
  failItems?: Set<string>
  /**
   * A run answers 202 to this many result polls before it completes. Defaults to 1, or to 0 when
   * `msUntilDone` is given.
   */
  pollsUntilDone?: number
  /** A run also needs to be this old (ms) before it completes. Defaults to 0. */
  msUntilDone?: number
  /** Token bucket per API key over all routes; off by default. */
  rateLimit?: ClayRateLimit | false
  /** Loopback port; 0 (default) picks a free one. */
  port?: number
}

export interface ClayRunItem {
  id: string
  inputs: Record<string, unknown>
}

export interface ClayRunRecord {
  runId: string
  routineId: string
  items: ClayRunItem[]
  createdAt: number
  /** Result polls answered so far for this run. */
  polls: number
}

export interface ClayCallRecord {
  route: ClayRoute | 'unknown'
  /** Path and query as received. */
  url: string
  /** The status sent, or null when the socket was destroyed or left hanging. */
  status: number | null
  at: number
  /** The injected fault this request consumed, if any. */
  fault?: ClayRunFault['kind']
}

export interface ClayEmulator {
  /** Ends with `/public/v0`, like the real base URL. */
  baseUrl: string
  close(): Promise<void>
  setCredits(apiKey: string, credits: number): void
  credits(apiKey: string): number
  injectFaults(route: 'run', faults: ClayRunFault[]): void
  injectFaults(route: ClayRoute | 'any', faults: ClayFault[]): void
  /** Completes a run now, whatever `pollsUntilDone` / `msUntilDone` say. */
  finishRun(runId: string): void
  /** The run ends with a run-level status (default `failed`) instead of completing. */
  failRun(runId: string, status?: string): void
  /** Clay forgets the run (its results expired): polls answer 404 from now on. */
  forgetRun(runId: string): void
  /** The next `count` runs started end with this run-level status (default `failed`). */
  failNextRuns(count: number, status?: string): void
  runs(): ClayRunRecord[]
  calls(): ClayCallRecord[]
}
