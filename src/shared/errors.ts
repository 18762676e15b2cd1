/**
 * Stable error codes shared by the core, the IPC envelope and the renderer. The renderer turns
 * these into plain words; nothing branches on `message`.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'QUOTA_EXCEEDED',
  'PRECONDITION',
  'KEY_MISSING',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_ERROR',
  'FORBIDDEN',
  /** The local database could not be written or read: locked, disk full, damaged. */
  'STORAGE',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorInfo {
  code: ErrorCode
  message: string
  /** Machine-readable extras, e.g. the provider's own error code or the quota meter. */
  details?: Record<string, unknown>
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}

/** What crosses IPC: never a thrown error, always one of these. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo }
