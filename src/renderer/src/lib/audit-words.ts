import type { AuditLogRow } from '../../../shared/domain'
import type { SearchFilters } from '../../../shared/search-filters'
import { safeText } from '../../../shared/safe-text'
import { formatInt, formatPercent } from './format'

/** The audit log's internal codes, as a person reads them; unknown codes fall back to words. */
const ACTIONS: Record<string, string> = {
  search: 'Search',
  report: 'Detailed report',
  enrich: 'Email lookup',
  'enrich-start': 'Email lookup started',
  'enrich-result': 'Email lookup answer',
  deny: 'Refused',
}

const OUTCOMES: Record<string, string> = {
  ok: 'Bought',
  cache_hit: 'From the cache (free)',
  local: 'Answered locally (free)',
  report_email: 'Email was in the report (free)',
  team_cache: 'From the team (free)',
  found: 'Email found',
  not_found: 'No email found',
  expired: 'Lookup expired',
  abandoned: 'Lookup abandoned',
  failed: 'Lookup failed',
  quota_exceeded: 'Refused: limit reached',
  not_enough_credits: 'Refused: Modash balance too low',
  provider_unavailable: 'Provider unreachable',
  provider_error: 'Provider refused',
  retry_later: 'Provider busy, try later',
  api_token_invalid: 'Key rejected',
  timeout: 'Timed out',
  internal_error: 'Failed inside Creator Desk',
  malformed_response: 'Unreadable answer',
}

const PLATFORMS: Record<string, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
}

const plain = (code: string) => code.replace(/_+/g, ' ')

export function actionWords(action: string): string {
  return ACTIONS[action] ?? plain(action)
}

export function outcomeWords(outcome: string): string {
  return OUTCOMES[outcome] ?? plain(outcome)
}

export function platformWords(platform: string): string {
  return PLATFORMS[platform] ?? platform
}

/** "10,000–50,000 followers · bio “vegan” · page 2": the filters that define a search. */
export function searchWords(search: NonNullable<AuditLogRow['search']>): string {
  const f: SearchFilters = search.filters
  const parts: string[] = [platformWords(search.platform)]
  const followers = f.influencer?.followers
  if (followers?.min !== undefined && followers.max !== undefined)
    parts.push(`${formatInt(followers.min)}–${formatInt(followers.max)} followers`)
  else if (followers?.min !== undefined) parts.push(`${formatInt(followers.min)}+ followers`)
  else if (followers?.max !== undefined) parts.push(`up to ${formatInt(followers.max)} followers`)
  if (f.influencer?.engagementRate !== undefined)
    parts.push(`ER ${formatPercent(f.influencer.engagementRate)}+`)
  if (f.influencer?.bio) parts.push(`bio “${safeText(f.influencer.bio)}”`)
  if (f.influencer?.keywords) parts.push(`captions “${safeText(f.influencer.keywords)}”`)
  const tags = f.influencer?.textTags?.length ?? 0
  if (tags > 0)
    parts.push(`${tags} hashtag${tags === 1 ? '' : 's'} or mention${tags === 1 ? '' : 's'}`)
  if (f.influencer?.relevance?.length)
    parts.push(`like ${f.influencer.relevance.map((h) => safeText(h)).join(' ')}`)
  const places = f.influencer?.location?.length ?? 0
  if (places > 0) parts.push(`${places} location${places === 1 ? '' : 's'}`)
  if (f.audience && Object.keys(f.audience).length > 0) parts.push('audience filters')
  parts.push(`page ${search.page + 1}`)
  return parts.join(' · ')
}

/** What a row was about: the creator, the search, or nothing more specific. */
export function subjectWords(row: AuditLogRow): string {
  if (row.creator) {
    const who = row.creator.handle
      ? `@${safeText(row.creator.handle)}`
      : (safeText(row.creator.fullName) ?? 'a creator')
    return `${who} (${platformWords(row.creator.platform)})`
  }
  if (row.search) return searchWords(row.search)
  if (row.creatorId !== null) return 'a creator no longer cached'
  return '—'
}
