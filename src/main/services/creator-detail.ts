import type { CreatorDetail, DataSource, EmailInfo } from '../../shared/domain'
import { liveOpenRun } from './clay-runs'
import { ageInDays, DAY_MS } from './clock'
import type { CoreDeps } from './core-deps'
import type { CreatorRow } from './creator-repository'
import { toSummary } from './creator-repository'
import { buildCreatorReport } from './creator-report'

/** Whether a stored report is still young enough to serve instead of buying a new one. */
export function reportIsFresh(row: CreatorRow, now: Date, maxAgeDays: number): boolean {
  if (row.has_detailed_profile !== 1 || row.detailed_profile_fetched_at === null) return false
  return now.getTime() - Date.parse(row.detailed_profile_fetched_at) < maxAgeDays * DAY_MS
}

export function emailInfo(
  row: CreatorRow,
  now: Date,
  pendingLookup: EmailInfo['pendingLookup'] = null,
): EmailInfo {
  if (row.email_found === 1 && row.email !== null) {
    return {
      email: row.email,
      source: row.email_source === 'clay' ? 'clay' : 'modash',
      status: 'found',
      checkedAt: row.clay_enriched_at ?? row.detailed_profile_fetched_at,
      retryAfter: null,
      pendingLookup: null,
    }
  }
  if (row.email_not_found_until !== null && Date.parse(row.email_not_found_until) > now.getTime()) {
    return {
      email: null,
      source: 'clay',
      status: 'not_found',
      checkedAt: row.clay_enriched_at,
      retryAfter: row.email_not_found_until,
      pendingLookup: null,
    }
  }
  return {
    email: null,
    source: null,
    status: 'unknown',
    checkedAt: row.clay_enriched_at,
    retryAfter: null,
    pendingLookup,
  }
}

/**
 * Adds the Clay lookup still waiting for an answer, if any, so the profile can offer to pick it
 * up (free) or abandon it rather than offering a new, paid one.
 */
export async function withPendingLookup(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  detail: CreatorDetail,
): Promise<CreatorDetail> {
  if (detail.email.status !== 'unknown') return detail
  const open = await liveOpenRun(deps.db, detail.creator.id, deps.clock.now())
  if (open === null) return detail
  return { ...detail, email: { ...detail.email, pendingLookup: { startedAt: open.startedAt } } }
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
        : buildCreatorReport(JSON.parse(row.detailed_profile_json) as unknown),
    reportFetchedAt: fetchedAt,
    reportAgeDays: fetchedAt === null ? null : ageInDays(fetchedAt, now),
    source: extra.source,
    stale,
    ...(extra.staleReason === undefined ? {} : { staleReason: extra.staleReason }),
    reportsCharged: extra.reportsCharged,
    email: emailInfo(row, now),
  }
}
