import { AppError } from '../../shared/errors'

export type Provider = 'modash' | 'clay'

/**
 * A failed provider call. `providerCode` is the provider's own code (Modash `code`, or for Clay
 * the HTTP status category) and is what the audit log records as the outcome. `billed` says
 * whether the provider may have charged for it (Modash never bills a failed call; a Clay run
 * start whose answer was lost may have).
 */
export type Billed = 'no' | 'uncertain'

export class ProviderError extends AppError {
  readonly provider: Provider
  readonly providerCode: string
  readonly httpStatus: number | null
  readonly retryable: boolean
  readonly attempts: number
  readonly durationMs: number
  readonly billed: Billed

  constructor(args: {
    provider: Provider
    code: 'PROVIDER_UNAVAILABLE' | 'PROVIDER_ERROR' | 'NOT_FOUND' | 'QUOTA_EXCEEDED' | 'KEY_MISSING'
    providerCode: string
    message: string
    httpStatus?: number | null
    retryable?: boolean
    attempts?: number
    durationMs?: number
    billed?: Billed
  }) {
    super(args.code, args.message, {
      provider: args.provider,
      providerCode: args.providerCode,
      httpStatus: args.httpStatus ?? null,
      billed: args.billed ?? 'no',
    })
    this.name = 'ProviderError'
    this.provider = args.provider
    this.providerCode = args.providerCode
    this.httpStatus = args.httpStatus ?? null
    this.retryable = args.retryable ?? false
    this.attempts = args.attempts ?? 1
    this.durationMs = args.durationMs ?? 0
    this.billed = args.billed ?? 'no'
  }
}
