import type { ClayItemOutcome, ClayRunResult } from './clay-api'
import { bounded, scrubSecret } from '../scrub-secret'
import type { ClayResultItemBody } from './schemas'

export interface ItemProblem {
  problem: 'malformed_response' | 'unknown_item_status'
  detail: string
}

const MAX_FAILURE_MESSAGE = 500
/** A routine's outputs for one person are a few columns; anything this big is not one. */
export const MAX_RESULT_CHARS = 100_000
/** Deeper than any routine's nested columns; bounds the walks below. */
const MAX_RESULT_DEPTH = 8

/**
 * Turns our item's entry in a completed run into an outcome, or says why it cannot be used. The
 * result is passed on raw: which column holds the email is the user's mapping, read by the core.
 */
export function itemOutcome(item: ClayResultItemBody): ClayItemOutcome | ItemProblem {
  if (item.status === 'failed') {
    const text = (item.error?.message ?? '').replace(/\s+/g, ' ').trim()
    // Not cut here: the key is scrubbed from the whole text first (`redactOutcome`).
    return { status: 'failed', message: text === '' ? 'Clay could not process this creator' : text }
  }
  if (item.status !== 'complete')
    return { problem: 'unknown_item_status', detail: `unexpected item status "${item.status}"` }
  // A complete item without a result carries no columns, exactly like `result: {}`.
  const result = item.result ?? {}
  // Depth first: it stops early, where measuring the size of a hostile body could overflow.
  if (nestedDeeperThan(result, MAX_RESULT_DEPTH))
    return { problem: 'malformed_response', detail: 'the result is nested too deeply' }
  if (JSON.stringify(result).length > MAX_RESULT_CHARS)
    return { problem: 'malformed_response', detail: 'the result is too large to be one creator' }
  return { status: 'complete', result }
}

/** Whether `value` nests objects or arrays more than `levels` deep; never looks further. */
function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false
  if (levels === 0) return true
  return Object.values(value).some((inner) => nestedDeeperThan(inner, levels - 1))
}

/**
 * Clay's free text reaches the screen (a failure message) and the result keys are shown for the
 * user to pick from, so the key is scrubbed from both, wherever a proxy may have echoed it.
 */
export function redactOutcome<T extends ClayItemOutcome>(outcome: T, key: string): T {
  if (outcome.status === 'failed')
    return { ...outcome, message: bounded(scrubSecret(outcome.message, key), MAX_FAILURE_MESSAGE) }
  return { ...outcome, result: redactValue(outcome.result, key) as ClayRunResult }
}

function redactValue(value: unknown, key: string): unknown {
  if (typeof value === 'string') return scrubSecret(value, key)
  if (Array.isArray(value)) return value.map((inner) => redactValue(inner, key))
  if (value === null || typeof value !== 'object') return value
  // fromEntries defines own properties, so a column named "__proto__" stays a plain key.
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [scrubSecret(name, key), redactValue(inner, key)]),
  )
}
