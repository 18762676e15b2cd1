import type { HttpOutcome } from '../http/http-request'
import { parseRetryAfter } from '../http/backoff'
import { ProviderError } from '../provider-error'
import { bounded, scrubSecret } from '../scrub-secret'
import type { Billed } from '../provider-error'
import { errorEnvelopeSchema } from './schemas'

type ProviderErrorCode = ConstructorParameters<typeof ProviderError>[0]['code']

/** Why one attempt failed, and whether the retry loop may try again. */
export interface AttemptFailure {
  code: ProviderErrorCode
  providerCode: string
  message: string
  httpStatus: number | null
  /** Worth retrying inside this call (429, 5xx, transport failures). */
  retry: boolean
  /** Worth the caller trying again later. */
  retryable: boolean
  retryAfterMs: number | null
  /** Set when Modash did the work of a paid call whose answer was then lost. */
  billed?: Billed
}

const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'account_not_found',
  'handle_not_found',
  'account_removed',
])

/**
 * Maps a failed exchange to our error codes, switching on Modash's `code` first and the status
 * second, as Modash asks (`docs/providers.md` §1.11). `retry_later` means hours, not seconds, so it is
 * never retried here whatever its status.
 */
export function classifyFailure(operation: string, outcome: HttpOutcome): AttemptFailure {
  if (outcome.kind === 'network') {
    const providerCode =
      outcome.reason === 'timeout'
        ? 'timeout'
        : outcome.reason === 'refused'
          ? 'connection_refused'
          : 'network'
    return {
      code: 'PROVIDER_UNAVAILABLE',
      providerCode,
      message: `Modash ${operation} failed: ${outcome.message}`,
      httpStatus: null,
      retry: true,
      retryable: true,
      retryAfterMs: null,
    }
  }
  const { status } = outcome
  const envelope = errorEnvelopeSchema.safeParse(outcome.json)
  const code = envelope.success ? envelope.data.code : null
  const said = envelope.success && envelope.data.message ? `: ${envelope.data.message}` : ''
  const message = `Modash ${operation} failed (HTTP ${status}${code ? ` ${code}` : ''})${said}`
  // Not cut here: the token is scrubbed from the whole text first (`toProviderError`).
  const base = { message, httpStatus: status, retryAfterMs: null }
  const final = (c: ProviderErrorCode, providerCode: string): AttemptFailure => ({
    ...base,
    code: c,
    providerCode,
    retry: false,
    retryable: false,
  })
  const transient = (providerCode: string): AttemptFailure => ({
    ...base,
    code: 'PROVIDER_UNAVAILABLE',
    providerCode,
    retry: true,
    retryable: true,
    retryAfterMs: parseRetryAfter(outcome.headers.get('retry-after')),
  })

  if (code === 'retry_later') return final('PROVIDER_UNAVAILABLE', 'retry_later')
  if (code === 'not_enough_credits') return final('QUOTA_EXCEEDED', code)
  if (code !== null && NOT_FOUND_CODES.has(code)) return final('NOT_FOUND', code)
  if (status === 401 || code === 'api_token_invalid')
    return final('PROVIDER_ERROR', 'api_token_invalid')
  if (status === 429 || code === 'too_many_requests') return transient('too_many_requests')
  if (status >= 500) return transient(code ?? 'internal_server_error')
  return final('PROVIDER_ERROR', code ?? `http_${status}`)
}

/**
 * Modash bills a paid call when it answers 200 (`docs/providers.md` §1.3), whether or not the body
 * then reaches us intact. Such a failure may have cost money and is never retried: asking again
 * would pay again.
 */
export function answeredOk(outcome: HttpOutcome): boolean {
  const { status } = outcome
  return status !== undefined && status >= 200 && status < 300
}

/**
 * Whether a failed paid call may still have been served and billed: it was answered 200, or
 * the client gave up waiting (Modash may finish a request nobody waits for any more, so a retry
 * could pay twice). A refused or reset connection is retried: a reset mostly means an idle
 * pooled socket was closed before the request was read.
 */
export function mayHaveBeenServed(outcome: HttpOutcome): boolean {
  if (outcome.kind === 'network' && outcome.status === undefined)
    return outcome.reason === 'timeout'
  return answeredOk(outcome)
}

/** A 2xx we cannot use: nothing of it is kept, and asking again would be billed again. */
export function malformedResponse(
  operation: string,
  status: number,
  detail: string,
): AttemptFailure {
  return {
    code: 'PROVIDER_ERROR',
    providerCode: 'malformed_response',
    message: `Modash ${operation} returned an unusable response (HTTP ${status}): ${detail}`,
    httpStatus: status,
    retry: false,
    retryable: false,
    retryAfterMs: null,
  }
}

/**
 * Builds the thrown error. The token is scrubbed from the message and from the code whatever
 * produced them: the code is the server's own text, and it reaches the audit log and the UI.
 */
export function toProviderError(
  failure: AttemptFailure,
  attempts: number,
  durationMs: number,
  token: string,
): ProviderError {
  const scrub = (text: string, max: number) => bounded(scrubSecret(text, token), max)
  return new ProviderError({
    provider: 'modash',
    code: failure.code,
    providerCode: scrub(failure.providerCode, 64),
    message: scrub(failure.message, 300),
    httpStatus: failure.httpStatus,
    retryable: failure.retryable,
    attempts,
    durationMs,
    billed: failure.billed ?? 'no',
  })
}
