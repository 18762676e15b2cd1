import type { CreatorSummary, EmailInfo } from '../../../shared/domain'
import { ageInDays } from './format'

export type EmailState = 'found' | 'not_found' | 'unknown'

/** What is known of a creator's email now: a remembered "not found" lapses at its date. */
export function emailState(c: CreatorSummary, now: Date = new Date()): EmailState {
  if (c.emailFound) return 'found'
  const until = c.emailNotFoundUntil
  if (until && Date.parse(until) > now.getTime()) return 'not_found'
  return 'unknown'
}

/** Age of the owned report in days, or null when none is owned. */
export function reportAge(c: CreatorSummary, now: Date = new Date()): number | null {
  return c.hasDetailedProfile ? ageInDays(c.detailedFetchedAt, now) : null
}

/** The summary fields an email answer changes. */
export function emailPatch(email: EmailInfo): Partial<CreatorSummary> {
  if (email.status === 'found') return { emailFound: true, emailNotFoundUntil: null }
  if (email.status === 'not_found') {
    return { emailFound: false, emailNotFoundUntil: email.retryAfter }
  }
  return { emailFound: false, emailNotFoundUntil: null }
}
