import { sql } from 'kysely'
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Platform } from '../../shared/platforms'
import type { SearchFilters } from '../../shared/search-filters'
import type { Database } from '../db/schema'
import type { CreatorRow } from './creator-repository'

/**
 * Answers a search from creators already in the cache, for offline use and provider outages.
 * It applies what the cache can evaluate (basic stats, and report fields where a report was
 * bought) and names every filter it could not, so the UI can say the answer is approximate.
 */

/** Above this many matches the count is reported as a floor ("10,000+"), not counted exactly. */
export const LOCAL_COUNT_CAP = 10_000

type Query = SelectQueryBuilder<Database, 'creators', object>

/** Filters the cache can evaluate; everything else in the filters goes to `unapplied`. */
const APPLIED_INFLUENCER = new Set([
  'followers',
  'engagementRate',
  'language',
  'gender',
  'bio',
  'keywords',
  'isVerified',
  'hasContactDetails',
  'engagements',
  'views',
])
const APPLIED_AUDIENCE = new Set(['credibility'])

export interface LocalPage {
  creators: CreatorRow[]
  total: number
  totalIsCapped: boolean
  unapplied: string[]
}

export async function searchLocally(
  db: Kysely<Database>,
  platform: Platform,
  filters: SearchFilters,
  page: number,
  pageSize: number,
): Promise<LocalPage> {
  const where = (q: Query): Query => applyFilters(q.where('platform', '=', platform), filters)
  const creators = await where(db.selectFrom('creators'))
    .selectAll()
    .orderBy(sortColumn(filters), filters.sort?.direction === 'asc' ? 'asc' : 'desc')
    .orderBy('id')
    .limit(pageSize)
    .offset(page * pageSize)
    .execute()
  // Counting stops at the cap: an exact count of a million rows costs more than the page.
  const counted = await db
    .selectFrom(
      where(db.selectFrom('creators'))
        .select('id')
        .limit(LOCAL_COUNT_CAP + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const n = Number(counted.n)
  return {
    creators,
    total: Math.min(n, LOCAL_COUNT_CAP),
    totalIsCapped: n > LOCAL_COUNT_CAP,
    unapplied: unappliedFilters(filters),
  }
}

function applyFilters(query: Query, filters: SearchFilters): Query {
  let q = query
  const f = filters.influencer ?? {}
  if (f.followers?.min !== undefined) q = q.where('followers', '>=', f.followers.min)
  if (f.followers?.max !== undefined) q = q.where('followers', '<=', f.followers.max)
  if (f.engagements?.min !== undefined) q = q.where('engagements', '>=', f.engagements.min)
  if (f.engagements?.max !== undefined) q = q.where('engagements', '<=', f.engagements.max)
  if (f.views?.min !== undefined) q = q.where('average_views', '>=', f.views.min)
  if (f.views?.max !== undefined) q = q.where('average_views', '<=', f.views.max)
  if (f.engagementRate !== undefined) q = q.where('engagement_rate', '>=', f.engagementRate)
  if (f.language !== undefined) q = q.where('language', '=', f.language)
  if (f.gender === 'MALE' || f.gender === 'FEMALE') q = q.where('gender', '=', f.gender)
  if (f.gender === 'KNOWN') q = q.where('gender', 'in', ['MALE', 'FEMALE'])
  if (f.isVerified !== undefined) q = q.where('is_verified', '=', f.isVerified ? 1 : 0)
  for (const word of [f.bio, f.keywords]) {
    if (word !== undefined)
      q = q.where(sql<boolean>`bio LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`)
  }
  const email = f.hasContactDetails?.find((c) => c.contactType === 'email')
  if (email?.filterAction === 'must') q = q.where('email_found', '=', 1)
  if (email?.filterAction === 'not') q = q.where('email_found', '=', 0)
  const credibility = filters.audience?.credibility
  if (credibility !== undefined) q = q.where('credibility', '>=', credibility)
  return q
}

function sortColumn(filters: SearchFilters): 'followers' | 'engagement_rate' | 'engagements' {
  switch (filters.sort?.field) {
    case 'engagementRate':
      return 'engagement_rate'
    case 'engagements':
      return 'engagements'
    default:
      return 'followers'
  }
}

export function unappliedFilters(filters: SearchFilters): string[] {
  const out: string[] = []
  for (const key of Object.keys(filters.influencer ?? {})) {
    if (!APPLIED_INFLUENCER.has(key)) out.push(`influencer.${key}`)
  }
  const gender = filters.influencer?.gender
  if (gender === 'UNKNOWN') out.push('influencer.gender')
  for (const key of Object.keys(filters.audience ?? {})) {
    if (!APPLIED_AUDIENCE.has(key)) out.push(`audience.${key}`)
  }
  return out.sort()
}

/** `%` and `_` typed by the user are text, not wildcards. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}
