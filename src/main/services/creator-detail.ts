import type { CreatorDetail, DataSource, EmailInfo } from '../../shared/domain'
import { ageInDays, DAY_MS } from './clock'
import type { CreatorRow } from './creator-repository'
import { toSummary } from './creator-repository'

/** Whether a stored report is still young enough to serve instead of buying a new one. */
export function reportIsFresh(row: CreatorRow, now: Date, maxAgeDays: number): boolean {
  if (row.has_detailed_profile !== 1 || row.detailed_profile_fetched_at === null) return false
  return now.getTime() - Date.parse(row.detailed_profile_fetched_at) < maxAgeDays * DAY_MS
}

export function emailInfo(row: CreatorRow, now: Date): EmailInfo {
  if (row.email_found === 1 && row.email !== null) {
    return {
      email: row.email,
      source: row.email_source === 'clay' ? 'clay' : 'modash',
      status: 'found',
      checkedAt: row.clay_enriched_at ?? row.detailed_profile_fetched_at,
      retryAfter: null,
    }
  }
  if (row.email_not_found_until !== null && Date.parse(row.email_not_found_until) > now.getTime()) {
    return {
      email: null,
      source: 'clay',
      status: 'not_found',
      checkedAt: row.clay_enriched_at,
      retryAfter: row.email_not_found_until,
    }
  }
  return {
    email: null,
    source: null,
    status: 'unknown',
    checkedAt: row.clay_enriched_at,
    retryAfter: null,
  }
}

export function toDetail(
  row: CreatorRow,
  now: Date,
  maxAgeDays: number,
  extra: { source: DataSource; reportsCharged: number; staleReason?: string },
): CreatorDetail {
  const fetchedAt = row.detailed_profile_fetched_at
  const stale =
    extra.staleReason !== undefined || (fetchedAt !== null && !reportIsFresh(row, now, maxAgeDays))
  return {
    creator: toSummary(row),
    report:
      row.detailed_profile_json === null
        ? null
        : (JSON.parse(row.detailed_profile_json) as unknown),
    reportFetchedAt: fetchedAt,
    reportAgeDays: fetchedAt === null ? null : ageInDays(fetchedAt, now),
    source: extra.source,
    stale,
    ...(extra.staleReason === undefined ? {} : { staleReason: extra.staleReason }),
    reportsCharged: extra.reportsCharged,
    email: emailInfo(row, now),
  }
}
