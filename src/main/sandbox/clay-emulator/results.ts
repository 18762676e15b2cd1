import type { ClayRunItem } from './types'

export type ClayResultItem =
  | { id: string; status: 'complete'; result: Record<string, unknown> }
  | { id: string; status: 'failed'; error: { message: string } }

/** The output columns of the emulated email routine, named as a routine author would. */
export const WORK_EMAIL_COLUMN = 'Work Email'
export const PERSON_COLUMN = 'Enrich person'

/** Handles arrive as `@Jane.Doe` or `jane.doe` alike; fixtures are matched the same way. */
export function normaliseKey(value: string): string {
  return value.trim().replace(/^@/, '').toLowerCase()
}

/** Columns that name the person; their values are tried before any other input. */
const IDENTITY_COLUMN = /handle|user ?name|username/i
const NAME_COLUMN = /name/i

/**
 * The values the fixture lookup tries, normalised, in order: handle-like columns first, then the
 * rest as sent. Column names are the routine author's, so only their values are trusted.
 */
export function lookupCandidates(inputs: Record<string, unknown>): string[] {
  const entries = Object.entries(inputs).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
  )
  const ordered = [
    ...entries.filter(([column]) => IDENTITY_COLUMN.test(column)),
    ...entries.filter(([column]) => !IDENTITY_COLUMN.test(column)),
  ]
  return ordered.map(([, value]) => normaliseKey(value))
}

/** Fixture emails by normalised key, built once per emulator rather than once per item. */
export class EmailFixtures {
  private readonly emails = new Map<string, string | null>()
  private readonly failing: ReadonlySet<string>

  constructor(emails: Record<string, string | null>, failItems: ReadonlySet<string>) {
    for (const [key, email] of Object.entries(emails)) this.emails.set(normaliseKey(key), email)
    this.failing = new Set([...failItems].map(normaliseKey))
  }

  /** The routine's answer for one item. */
  resultFor(item: ClayRunItem, outputsMapped: boolean): ClayResultItem {
    const candidates = lookupCandidates(item.inputs)
    if (candidates.some((key) => this.failing.has(key)))
      return { id: item.id, status: 'failed', error: { message: 'Enrichment step failed' } }
    // No output column mapped: Clay still runs the routine and reports it complete, with nothing.
    if (!outputsMapped) return { id: item.id, status: 'complete', result: {} }
    const key = candidates.find((candidate) => this.emails.has(candidate)) ?? null
    const email = key === null ? null : (this.emails.get(key) ?? null)
    return {
      id: item.id,
      status: 'complete',
      result: {
        [WORK_EMAIL_COLUMN]: email,
        [PERSON_COLUMN]: {
          email,
          full_name: nameOf(item.inputs),
          linkedin_url:
            email === null || key === null ? null : `https://www.linkedin.com/in/${slug(key)}`,
        },
      },
    }
  }
}

function slug(key: string): string {
  return key.replace(/[^a-z0-9.-]+/g, '-')
}

function nameOf(inputs: Record<string, unknown>): string | null {
  for (const [column, value] of Object.entries(inputs))
    if (NAME_COLUMN.test(column) && !IDENTITY_COLUMN.test(column) && typeof value === 'string')
      return value.trim() === '' ? null : value.trim()
  return null
}
