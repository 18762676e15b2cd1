import { ProviderError } from '../provider-error'
import { bounded, scrubSecret } from '../scrub-secret'
import type { Billed } from '../provider-error'
import { errorBodySchema } from './schemas'

/**
 * Whether Clay may have charged for the failed call. Only a run start whose fate we could not
 * observe is `uncertain`; polling is free and a refused start charged nothing.
 */
export type ClayBilled = Billed

export interface ClayErrorArgs {
  code: ConstructorParameters<typeof ProviderError>[0]['code']
  providerCode: string
  message: string
  httpStatus?: number | null
  retryable?: boolean
  billed: ClayBilled
  attempts: number
  durationMs: number
  /** The run is over on Clay's side (gone, failed, or complete without our item): never resume it. */
  runEnded?: boolean
  /** For a 400 `Missing required field: <column>`: the routine's input column that was not sent. */
  missingColumn?: string
}

type ProviderErrorArgs = ConstructorParameters<typeof ProviderError>[0]

/**
 * A run that can never answer: its results are gone (404), it ended failed, or it completed
 * without our item. Waiting again changes nothing, so the caller closes it instead of resuming.
 */
export class ClayRunEndedError extends ProviderError {
  constructor(args: ProviderErrorArgs) {
    super(args)
    this.name = 'ClayRunEndedError'
  }
}

/**
 * Clay refused a run because the routine needs an input column the request did not fill: a
 * set-up problem (the mapping, or a creator without that value), nothing ran and nothing was charged.
 */
export class ClayMissingFieldError extends ProviderError {
  readonly column: string

  constructor(args: ProviderErrorArgs, column: string) {
    super(args)
    this.name = 'ClayMissingFieldError'
    this.column = column
  }
}

/** Clay's wording for a missing input column (`docs/providers.md` §1.13); null for any other 400. */
export function missingFieldColumn(json: unknown): string | null {
  const parsed = errorBodySchema.safeParse(json)
  if (!parsed.success) return null
  const match = /^\s*Missing required field:\s*(.+?)\s*$/s.exec(parsed.data.message)
  const column = match?.[1]?.replace(/\s+/g, ' ')
  // Not cut here: the key is scrubbed from the whole text first (`clayError`).
  return column === undefined || column === '' ? null : column
}

/**
 * Builds the ProviderError for a Clay failure. The key is scrubbed from the message and the code
 * whatever produced them (a proxy or a misbehaving server may echo request headers back).
 */
export function clayError(args: ClayErrorArgs, apiKey: string | null): ProviderError {
  // Scrubbed whole, then cut: cutting first could split the key into pieces that no longer match.
  const scrub = (text: string, max: number) => bounded(scrubSecret(text, apiKey), max)
  // A run status becomes the provider code, and is Clay's own text like the message.
  const { runEnded, missingColumn, ...rest } = args
  const fields: ProviderErrorArgs = {
    ...rest,
    provider: 'clay',
    message: scrub(args.message, 400),
    providerCode: scrub(args.providerCode, 64),
  }
  if (missingColumn !== undefined)
    return new ClayMissingFieldError(fields, scrub(missingColumn, 200))
  return runEnded ? new ClayRunEndedError(fields) : new ProviderError(fields)
}

/** Clay's own words from an error body, shortened; empty when the body was not the usual shape. */
export function serverMessage(json: unknown): string {
  const parsed = errorBodySchema.safeParse(json)
  if (!parsed.success) return ''
  // Not cut here: the key is scrubbed from the whole text before it is shortened (`clayError`).
  return parsed.data.message.replace(/\s+/g, ' ').trim()
}

/** The category of a non-2xx answer that is not retried here; Clay has no error codes. */
export function statusCategory(
  status: number,
  notFoundCode: 'routine_not_found' | 'run_not_found',
): Pick<ClayErrorArgs, 'code' | 'providerCode'> {
  switch (status) {
    case 400:
      return { code: 'PROVIDER_ERROR', providerCode: 'bad_request' }
    case 401:
      return { code: 'PROVIDER_ERROR', providerCode: 'auth_failed' }
    case 402:
      return { code: 'QUOTA_EXCEEDED', providerCode: 'credits_exhausted' }
    case 403:
      return { code: 'PROVIDER_ERROR', providerCode: 'forbidden' }
    case 404:
      return { code: 'PROVIDER_ERROR', providerCode: notFoundCode }
    default:
      return { code: 'PROVIDER_ERROR', providerCode: `http_${status}` }
  }
}
