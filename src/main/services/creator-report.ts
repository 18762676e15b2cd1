import type {
  CreatorReport,
  ReportAgeGender,
  ReportAudience,
  ReportContentStats,
  ReportLookalike,
  ReportMonth,
  ReportPost,
  ReportShare,
  ReportSponsored,
  ReportTrend,
} from '../../shared/creator-report'
import { isRecord, readId } from '../providers/modash/lenient'

/**
 * Builds the report the renderer shows from the stored Modash report (`detailed_profile_json`,
 * the `profile` object of the answer, read leniently when it was bought; unknown keys were kept).
 * Every field is read again here without trusting its type: a value that is not what it should
 * be is unknown (null), a list item that cannot be read is left out. Nothing is guessed.
 */
export function buildCreatorReport(stored: unknown): CreatorReport | null {
  if (!isRecord(stored)) return null
  // A whole answer (`{ profile: { profile, audience … } }`) is accepted as well as its inner part.
  const r =
    isRecord(stored.profile) && (isRecord(stored.profile.profile) || 'audience' in stored.profile)
      ? stored.profile
      : stored
  const p = isRecord(r.profile) ? r.profile : {}
  const language = isRecord(r.language) ? r.language : null
  const languageCode = str(language?.code)
  return {
    providerId: readId(r.userId) ?? readId(p.userId),
    handle: str(p.username) ?? str(p.handle),
    fullName: str(p.fullname),
    url: str(p.url),
    followers: count(p.followers),
    engagements: count(p.engagements),
    engagementRate: count(p.engagementRate),
    avgLikes: count(r.avgLikes) ?? count(p.avgLikes),
    avgComments: count(r.avgComments) ?? count(p.avgComments),
    avgViews: count(p.averageViews) ?? count(r.avgViews),
    avgReelsPlays: positive(r.avgReelsPlays),
    totalLikes: count(r.totalLikes),
    totalViews: count(r.totalViews),
    postsCount: count(r.postsCount),
    bio: str(r.bio) ?? str(r.description),
    city: str(r.city),
    state: str(r.state),
    country: str(r.country),
    gender: genderWord(str(r.gender)),
    ageGroup: ageWord(str(r.ageGroup)),
    language: languageCode === null ? null : { code: languageCode, name: str(language?.name) },
    isVerified: bool(r.isVerified),
    isPrivate: bool(r.isPrivate),
    accountType: accountTypeWord(r.accountType),
    contacts: items(r.contacts, (c) => {
      const type = str(c.type)
      const value = str(c.value)
      return type === null || value === null ? null : { type, value }
    }),
    interests: names(r.interests),
    brandAffinity: names(r.brandAffinity),
    hashtags: tags(r.hashtags),
    mentions: tags(r.mentions),
    trends: trends(r.stats),
    sponsored: sponsored(r),
    byContentType: contentStats(r.statsByContentType),
    history: history(r.statHistory),
    recentPosts: posts(r.recentPosts),
    popularPosts: posts(r.popularPosts),
    sponsoredPosts: posts(r.sponsoredPosts),
    lookalikes: items(r.lookalikes, lookalike),
    audience: isRecord(r.audience) ? audience(r.audience) : null,
    audienceLikers: isRecord(r.audienceLikers) ? audience(r.audienceLikers) : null,
  }
}

// ——— readers ———

/** Text as sent (a bio keeps its spacing); empty or blank text is unknown. */
function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null
}

function count(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null
}

/** A figure Modash sends as 0 when it has none (reels plays of an account without reels). */
function positive(v: unknown): number | null {
  const n = count(v)
  return n === null || n === 0 ? null : n
}

function signed(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

function share(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : null
}

function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null
}

function items<T>(v: unknown, read: (o: Record<string, unknown>) => T | null): T[] {
  if (!Array.isArray(v)) return []
  const out: T[] = []
  for (const item of v) {
    if (!isRecord(item)) continue
    const read1 = read(item)
    if (read1 !== null) out.push(read1)
  }
  return out
}

function names(v: unknown): string[] {
  return [...new Set(items(v, (o) => str(o.name)))]
}

function tags(v: unknown): { tag: string; weight: number | null }[] {
  return items(v, (o) => {
    const tag = str(o.tag)
    return tag === null ? null : { tag, weight: share(o.weight) }
  })
}

// ——— words ———

const GENDERS: Record<string, string> = { FEMALE: 'Female', MALE: 'Male' }

function genderWord(code: string | null): string | null {
  if (code === null) return null
  return GENDERS[code.toUpperCase()] ?? code
}

/** "25-34" → "25–34", "65-" → "65+", "-18" → "under 18". */
export function ageWord(code: string | null): string | null {
  if (code === null) return null
  if (code.endsWith('-')) return `${code.slice(0, -1)}+`
  if (code.startsWith('-')) return `under ${code.slice(1)}`
  return code.replace('-', '–')
}

const ACCOUNT_TYPES: Record<string, string> = { 1: 'Regular', 2: 'Business', 3: 'Creator' }

function accountTypeWord(v: unknown): string | null {
  if (typeof v === 'number') return ACCOUNT_TYPES[String(v)] ?? null
  const s = str(v)
  if (s === null) return null
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()
}

const AUDIENCE_TYPES: Record<string, string> = {
  real: 'Real people',
  suspicious: 'Suspicious accounts',
  mass_followers: 'Mass followers',
  influencers: 'Influencers',
}

const REACH: Record<string, string> = {
  '-500': 'Follow under 500',
  '500-1000': 'Follow 500–1,000',
  '1000-1500': 'Follow 1,000–1,500',
  '1500-': 'Follow over 1,500',
}

const CONTENT_KINDS: Record<string, string> = {
  all: 'All content',
  reels: 'Reels',
  posts: 'Photo posts',
  videos: 'Videos',
  shorts: 'Shorts',
  streams: 'Streams',
}

// ——— sections ———

function shares(
  v: unknown,
  label: (o: Record<string, unknown>) => string | null,
  weightKey = 'weight',
): ReportShare[] {
  const out = items(v, (o) => {
    const weight = share(o[weightKey])
    const name = label(o)
    if (weight === null || name === null) return null
    const code = str(o.code)
    return { label: name, code, weight }
  })
  return out.sort((a, b) => b.weight - a.weight)
}

function audience(a: Record<string, unknown>): ReportAudience {
  const named = (o: Record<string, unknown>) => str(o.name) ?? str(o.code)
  return {
    credibility: share(a.credibility),
    notable: share(a.notable),
    genders: shares(a.genders, (o) => genderWord(str(o.code) ?? str(o.name))),
    // Ages keep the provider's order (youngest first), which is how a person reads them.
    ages: items(a.ages, (o) => {
      const weight = share(o.weight)
      const code = str(o.code)
      return weight === null || code === null
        ? null
        : { label: ageWord(code) ?? code, code, weight }
    }),
    gendersPerAge: items(a.gendersPerAge, (o): ReportAgeGender | null => {
      const code = str(o.code)
      const male = share(o.male)
      const female = share(o.female)
      if (code === null || male === null || female === null) return null
      return { label: ageWord(code) ?? code, male, female }
    }),
    countries: shares(a.geoCountries, named),
    states: shares(a.geoStates, named),
    cities: shares(a.geoCities, named),
    languages: shares(a.languages, named),
    interests: shares(a.interests, named),
    brandAffinity: shares(a.brandAffinity, named),
    ethnicities: shares(a.ethnicities, named),
    types: shares(a.audienceTypes, (o) => {
      const code = str(o.code)
      return code === null ? null : (AUDIENCE_TYPES[code] ?? code)
    }),
    reachability: items(a.audienceReachability, (o) => {
      const weight = share(o.weight)
      const code = str(o.code)
      return weight === null || code === null ? null : { label: REACH[code] ?? code, code, weight }
    }),
  }
}

function trend(v: unknown): ReportTrend {
  if (!isRecord(v)) return { value: null, change: null }
  return { value: count(v.value), change: signed(v.compared) }
}

function trends(v: unknown): CreatorReport['trends'] {
  const s = isRecord(v) ? v : {}
  return { followers: trend(s.followers), avgLikes: trend(s.avgLikes), avgViews: trend(s.avgViews) }
}

function sponsored(r: Record<string, unknown>): ReportSponsored {
  return {
    likesRatio: positive(r.paidPostPerformance),
    viewsRatio: positive(r.paidPostPerformanceViews),
    sponsoredMedianLikes: positive(r.sponsoredPostsMedianLikes),
    sponsoredMedianViews: positive(r.sponsoredPostsMedianViews),
    organicMedianLikes: positive(r.nonSponsoredPostsMedianLikes),
    organicMedianViews: positive(r.nonSponsoredPostsMedianViews),
  }
}

function contentStats(v: unknown): ReportContentStats[] {
  if (!isRecord(v)) return []
  return Object.entries(v).flatMap(([kind, raw]): ReportContentStats[] => {
    if (!isRecord(raw)) return []
    return [
      {
        kind,
        label: CONTENT_KINDS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1),
        engagements: count(raw.engagements),
        engagementRate: count(raw.engagementRate),
        avgLikes: count(raw.avgLikes),
        avgComments: count(raw.avgComments),
        avgViews: count(raw.avgViews) ?? positive(raw.avgReelsPlays),
      },
    ]
  })
}

const MONTH = /^\d{4}-\d{2}/

function history(v: unknown): ReportMonth[] {
  const months = items(v, (o): ReportMonth | null => {
    const month = str(o.month)
    if (month === null || !MONTH.test(month)) return null
    return {
      month: month.slice(0, 7),
      followers: count(o.followers),
      following: count(o.following),
      avgLikes: count(o.avgLikes),
      avgViews: count(o.avgViews),
    }
  })
  const byMonth = new Map(months.map((m) => [m.month, m]))
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
}

function posts(v: unknown): ReportPost[] {
  if (!Array.isArray(v)) return []
  return v.flatMap((item, index): ReportPost[] => {
    if (!isRecord(item)) return []
    return [
      {
        id: readId(item.id) ?? String(index),
        text: str(item.text) ?? str(item.title) ?? '',
        url: str(item.url),
        created: str(item.created),
        likes: count(item.likes),
        comments: count(item.comments),
        views: count(item.views),
        hashtags: Array.isArray(item.hashtags)
          ? item.hashtags.flatMap((h) => (typeof h === 'string' && h.trim() ? [h.trim()] : []))
          : [],
      },
    ]
  })
}

function lookalike(o: Record<string, unknown>): ReportLookalike | null {
  const p = isRecord(o.profile) ? o.profile : o
  const providerId = readId(o.userId) ?? readId(p.userId)
  if (providerId === null) return null
  return {
    providerId,
    handle: str(p.username) ?? str(p.handle),
    fullName: str(p.fullname),
    url: str(p.url),
    followers: count(p.followers),
    engagementRate: count(p.engagementRate),
  }
}
