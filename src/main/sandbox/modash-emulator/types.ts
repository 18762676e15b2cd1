import type { Platform } from '../../../shared/platforms'
import type { SandboxCreator } from '../dataset/generate-dataset'

/** The routes faults can target (`docs/providers.md` §1.2); `health` is never faulted. */
export type ModashRoute = 'search' | 'report' | 'users' | 'dictionary' | 'userInfo'

/** Injected faults, each consumed by one request: the route's own queue first, then `any`. */
export type ModashFault =
  /** Answer with this status and Modash's error envelope without doing the work (never billed). */
  | { kind: 'status'; status: number; code?: string; retryAfterSeconds?: number }
  /** Wait, then serve the request normally. */
  | { kind: 'delay'; ms: number }
  /** Never answer; the socket stays open until the client gives up or the emulator closes. */
  | { kind: 'hang' }
  /** Serve normally but send the headers, wait `ms`, then send the body. */
  | { kind: 'slow-body'; ms: number }
  /** Serve (and bill) normally, then send a body that is not JSON under a JSON content type. */
  | { kind: 'malformed-json' }
  /** Serve (and bill) normally, then send only the first half of the JSON body. */
  | { kind: 'truncated-json' }
  /** Serve (and bill) normally, then label the JSON body as HTML. */
  | { kind: 'wrong-content-type' }
  /** Serve normally, adding fields Modash may introduce one day. */
  | { kind: 'unexpected-fields' }
  /** Destroy the socket without doing the work. */
  | { kind: 'reset' }

export const REPORT_ERROR_CODES = [
  'account_not_found',
  'handle_not_found',
  'account_removed',
  'private_account',
  'empty_audience',
  'retry_later',
] as const
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number]

export interface ModashRateLimit {
  /** Tier limit for `/search`; Modash's usual tier allows 2 per second. */
  searchPerSecond?: number
  /** Tier limit for `/profile/{id}/report`; 2 per second. */
  reportPerSecond?: number
  /** Fixed limit for `/users`; 10 per second. */
  usersPerSecond?: number
  /** Bucket size per class: how many requests may arrive at once. Defaults to the class's rate. */
  burst?: number
}

export interface ModashEmulatorOptions {
  dataset: readonly SandboxCreator[]
  /** Valid API tokens and their balance in milli-credits (1 report = 1000, 1 result = 10). */
  tokens: Record<string, number>
  /** Token buckets per API token and route class; off by default so tests are not slowed. */
  rateLimit?: ModashRateLimit | false
  /**
   * Let one request through when the balance is positive but below its cost, leaving the balance
   * negative, as Modash was seen to do; every later paid request is refused.
   */
  allowOverdraft?: boolean
  /** Reports that fail with a scripted error, keyed by the id (or username) requested. */
  reportErrors?: Record<string, ReportErrorCode>
  /**
   * What `/user/info` reports for the separate RAW API meter. Defaults to 0; may be negative, as
   * Modash lets the last batch through and was seen answering -10 (`docs/providers.md` §1.13).
   */
  rawRequests?: number
  /**
   * Whether `/user/info` carries `error: false` like every other body. Defaults to true; false
   * leaves it out, since the live body is not known to have it.
   */
  userInfoErrorField?: boolean
  /** Loopback port; 0 (default) picks a free one. */
  port?: number
}

export interface ModashCallRecord {
  route: ModashRoute | 'health' | 'unknown'
  platform: Platform | null
  /** The token the request presented (valid or not), or null when none. */
  token: string | null
  /** How the token was presented. */
  auth: 'bearer' | 'query' | null
  /** The status sent, or null when the socket was destroyed or left hanging. */
  status: number | null
  /** Milli-credits charged for this call (only ever on a 200). */
  costMilliCredits: number
  /** `Date.now()` when the request arrived. */
  at: number
  /** The injected fault this request consumed, if any. */
  fault?: ModashFault['kind']
}

export interface ModashEmulator {
  /** Ends with `/v1`, like the real base URL. */
  baseUrl: string
  close(): Promise<void>
  /** Sets (or creates) a token's balance in milli-credits. */
  setBalance(token: string, milliCredits: number): void
  /** A token's balance in milli-credits; throws for an unknown token. */
  balance(token: string): number
  injectFaults(route: ModashRoute | 'any', faults: ModashFault[]): void
  /** Scripts (or with null, clears) the error a report request for this id fails with. */
  setReportError(userId: string, code: ReportErrorCode | null): void
  calls(): ModashCallRecord[]
}
