import { AppError } from '../../shared/errors'
import { ProviderError } from '../providers/provider-error'

/** The outcome the audit log records for a failed call. */
export function failureOutcome(err: unknown): string {
  if (err instanceof ProviderError) return err.providerCode
  if (err instanceof AppError) return err.code.toLowerCase()
  return 'internal_error'
}

export function failureStatus(err: unknown): number | null {
  return err instanceof ProviderError ? err.httpStatus : null
}

export function failureDuration(err: unknown): number {
  return err instanceof ProviderError ? err.durationMs : 0
}

/**
 * Failures where the cached or local answer is the right thing to show: the provider is down or
 * answered nonsense. Not for a rejected key, an exhausted plan or a bad request, which the
 * user must act on.
 */
export function canServeFromCache(err: unknown): boolean {
  if (!(err instanceof ProviderError)) return false
  return err.code === 'PROVIDER_UNAVAILABLE' || err.providerCode === 'malformed_response'
}

/** A failed call the provider may still have charged for (its answer was lost on the way). */
export function mayHaveBilled(err: unknown): boolean {
  return err instanceof ProviderError && err.billed === 'uncertain'
}
