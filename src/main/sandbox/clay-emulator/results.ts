import type { ClayRunItem } from './types'

export type ClayResultItem =
  | {
      id: string
      status: 'complete'
      result: { work_email: string | null; email_status: 'valid' | 'not_found' }
    }
  | { id: string; status: 'failed'; error: { message: string } }

/** Where the fixture lookup starts: the first handle given, else the full name. */
export function lookupKey(inputs: Record<string, unknown>): string | null {
  for (const field of ['instagram_handle', 'tiktok_handle', 'youtube_handle', 'full_name']) {
    const value = inputs[field]
    if (typeof value === 'string' && value.trim() !== '') return normaliseKey(value)
  }
  return null
}

/** Handles arrive as `@Jane.Doe` or `jane.doe` alike; fixtures are matched the same way. */
export function normaliseKey(value: string): string {
  return value.trim().replace(/^@/, '').toLowerCase()
}

/** The routine's answer for one item, from the fixtures. */
export function resultFor(
  item: ClayRunItem,
  emails: Record<string, string | null>,
  failItems: ReadonlySet<string>,
): ClayResultItem {
  const key = lookupKey(item.inputs)
  const failing = new Set([...failItems].map(normaliseKey))
  if (key !== null && failing.has(key))
    return { id: item.id, status: 'failed', error: { message: 'Enrichment step failed' } }
  let email: string | null = null
  if (key !== null)
    for (const [fixtureKey, value] of Object.entries(emails))
      if (normaliseKey(fixtureKey) === key) email = value
  return email === null
    ? { id: item.id, status: 'complete', result: { work_email: null, email_status: 'not_found' } }
    : { id: item.id, status: 'complete', result: { work_email: email, email_status: 'valid' } }
}
