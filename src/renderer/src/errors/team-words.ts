import type { ErrorCode, ErrorInfo } from '../../../shared/errors'
import { asString } from '../lib/unknown'
import type { ErrorWords } from './error-words'

const TITLES: Partial<Record<ErrorCode, string>> = {
  PROVIDER_UNAVAILABLE: 'The team database cannot be reached',
  FORBIDDEN: 'The team database refused',
  VALIDATION: 'The team invitation cannot be used',
  PRECONDITION: 'Team mode: not possible yet',
  STORAGE: 'The team database refused the request',
}

/**
 * Errors about the team database (main marks them with `details.team`): they are not the data
 * provider's, so the generic words ("Modash cannot be reached", "blocked in offline mode")
 * would point the person the wrong way. Main's messages for these are written for the person
 * and say what to do, so they are shown as they are. Null for any other error.
 */
export function teamWords(error: ErrorInfo): ErrorWords | null {
  if (asString(error.details?.team) === null) return null
  const title = TITLES[error.code]
  return title === undefined ? null : { title, detail: error.message }
}
