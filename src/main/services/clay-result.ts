import { isPlausibleEmail } from '../providers/clay/schemas'
import type { ClayRunResult } from '../providers/clay/clay-api'
import { EMAIL } from './creator-repository'

/**
 * Reading a completed routine's result through the user's mapping. What Clay sends is keyed by
 * the routine's output columns; the user says which one holds the email (dotted for a field
 * inside a column: "Enrich person.email"). A set-up mistake must never pass for "no email": that
 * answer is remembered for 30 days, and a mistake would repeat for every creator.
 */

export type SetupProblemCode =
  /** `result: {}`: the routine has no output column mapped in Clay. */
  | 'no_output_columns'
  /** The chosen column is not in the result (renamed, or never there). */
  | 'email_column_missing'
  /** The chosen path stops at a column or field that holds several fields, not one value. */
  | 'email_path_not_a_value'
  /** No email column chosen yet (a test run may still list the columns). */
  | 'email_column_not_chosen'

export type EmailReading =
  | { kind: 'found'; email: string }
  /** The column is there and empty: Clay really found nothing. */
  | { kind: 'not_found' }
  | { kind: 'setup'; code: SetupProblemCode; message: string }
  /** The column holds something that is not an email address. */
  | { kind: 'malformed'; message: string }

/** Paths listed for a test run; a routine's outputs are a few dozen at most. */
const MAX_KEY_PATHS = 200
const MAX_KEY_DEPTH = 6
const MAX_LISTED_IN_MESSAGE = 12

export function readEmail(result: ClayRunResult, emailPath: string | null): EmailReading {
  const columns = Object.keys(result)
  if (columns.length === 0)
    return setup(
      'no_output_columns',
      "Clay's routine returned no columns: map an output column in Clay (for example the work email), then try again. Nothing was remembered about this creator.",
    )
  if (emailPath === null)
    return setup(
      'email_column_not_chosen',
      `Choose the result column that holds the email in Settings → Clay. The routine returned: ${listed(keyPaths(result))}.`,
    )

  const found = resolvePath(result, emailPath.split('.'))
  if (found.kind === 'absent') {
    const where = found.at === '' ? "The routine's result" : `"${found.at}"`
    const has = found.at === '' ? columns : Object.keys(found.parent)
    return setup(
      'email_column_missing',
      `${where} has no "${found.missing}". It has: ${listed(has)}. Choose the email column again in Settings → Clay.`,
    )
  }
  const value = found.value
  // An empty column, or an empty object it sits in, is Clay saying it found nobody's email.
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return { kind: 'not_found' }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const inside = keyPaths(value as ClayRunResult).map((key) => `${emailPath}.${key}`)
    if (inside.length === 0) return { kind: 'not_found' }
    return setup(
      'email_path_not_a_value',
      `"${emailPath}" holds several fields, not one email: choose one of ${listed(inside)} in Settings → Clay.`,
    )
  }
  if (typeof value !== 'string')
    return { kind: 'malformed', message: `Clay's "${emailPath}" did not hold an email address.` }
  const email = value.trim()
  // Storing a garbled address would be worse than storing none.
  if (!isPlausibleEmail(email) || !EMAIL.test(email))
    return {
      kind: 'malformed',
      message: `Clay's "${emailPath}" held something that is not an email address: check that Settings → Clay points at the email column.`,
    }
  return { kind: 'found', email }
}

/**
 * Every field of a result, nested ones dotted ("Enrich person.email"), for the user to pick
 * from. Lists are a value of their own; empty objects are listed by their own name.
 */
export function keyPaths(result: ClayRunResult): string[] {
  const paths: string[] = []
  const walk = (value: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, inner] of Object.entries(value)) {
      if (paths.length >= MAX_KEY_PATHS) return
      const path = prefix === '' ? key : `${prefix}.${key}`
      if (isRecord(inner) && Object.keys(inner).length > 0 && depth < MAX_KEY_DEPTH)
        walk(inner, path, depth + 1)
      else paths.push(path)
    }
  }
  walk(result, '', 1)
  return paths
}

type Resolved =
  | { kind: 'value'; value: unknown }
  | { kind: 'absent'; at: string; missing: string; parent: Record<string, unknown> }

/**
 * Follows a dotted path. Column names may contain dots themselves ("Enrich person v2.0"), so at
 * each level the longest run of parts that names a key wins.
 */
function resolvePath(root: Record<string, unknown>, parts: string[]): Resolved {
  let current: Record<string, unknown> = root
  let at = ''
  let rest = parts
  for (;;) {
    let matched = 0
    for (let n = rest.length; n > 0; n -= 1)
      if (Object.prototype.hasOwnProperty.call(current, rest.slice(0, n).join('.'))) {
        matched = n
        break
      }
    if (matched === 0) return { kind: 'absent', at, missing: rest.join('.'), parent: current }
    const key = rest.slice(0, matched).join('.')
    const value = current[key]
    rest = rest.slice(matched)
    if (rest.length === 0) return { kind: 'value', value }
    // A field inside a column that is empty: nothing was found, whatever the field is called.
    if (value === null || value === undefined) return { kind: 'value', value: null }
    if (!isRecord(value))
      return { kind: 'absent', at: joined(at, key), missing: rest.join('.'), parent: {} }
    if (Object.keys(value).length === 0) return { kind: 'value', value: null }
    current = value
    at = joined(at, key)
  }
}

function joined(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function setup(code: SetupProblemCode, message: string): EmailReading {
  return { kind: 'setup', code, message }
}

function listed(keys: string[]): string {
  if (keys.length === 0) return 'no fields'
  const shown = keys.slice(0, MAX_LISTED_IN_MESSAGE).map((key) => `"${key}"`)
  const more = keys.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}
