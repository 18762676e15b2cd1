import type { ClayItemOutcome } from './clay-api'
import { isPlausibleEmail } from './schemas'
import type { ClayResultItemBody } from './schemas'

export interface ItemProblem {
  problem: 'malformed_response' | 'unknown_item_status'
  detail: string
}

const MAX_FAILURE_MESSAGE = 500

/** Turns our item's entry in a completed run into an outcome, or says why it cannot be used. */
export function itemOutcome(item: ClayResultItemBody): ClayItemOutcome | ItemProblem {
  if (item.status === 'failed') {
    const text = (item.error?.message ?? '').replace(/\s+/g, ' ').trim()
    return {
      status: 'failed',
      message:
        text === '' ? 'Clay could not process this creator' : text.slice(0, MAX_FAILURE_MESSAGE),
    }
  }
  if (item.status !== 'complete')
    return { problem: 'unknown_item_status', detail: `unexpected item status "${item.status}"` }

  // Routines name their output as their author chose; `work_email` first, then `email`.
  const email = firstNonEmpty(item.result?.work_email, item.result?.email)
  if (email === null) return { status: 'not_found' }
  // Storing a garbled address would be worse than storing none.
  if (!isPlausibleEmail(email))
    return { problem: 'malformed_response', detail: 'the email is not a plausible address' }
  return { status: 'found', email, emailStatus: item.result?.email_status ?? null }
}

function firstNonEmpty(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const trimmed = value?.trim()
    if (trimmed) return trimmed
  }
  return null
}
