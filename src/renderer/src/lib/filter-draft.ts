import type { Platform } from '../../../shared/platforms'
import type { InfluencerFilter, SearchFilters, SortField } from '../../../shared/search-filters'
import { searchFiltersSchema } from '../../../shared/search-filters'
import type { AudienceDraft, DictEntry } from './audience-draft'
import { audienceToFilter, emptyAudienceDraft } from './audience-draft'
import type { FieldProblem, FilterField } from './field-problems'
import { describeIssue, fieldOfPath } from './field-problems'
import { appliedFollowerRange } from './followers'

export type GrowthInterval = NonNullable<InfluencerFilter['followersGrowthRate']>['interval']
export type GrowthOperator = NonNullable<InfluencerFilter['followersGrowthRate']>['operator']

/** What the filter form holds: text as typed, converted to `SearchFilters` only on search. */
export interface FilterDraft {
  followersMin: string
  followersMax: string
  engagementRatePct: string
  locations: DictEntry[]
  language: DictEntry | null
  gender: '' | 'MALE' | 'FEMALE' | 'KNOWN' | 'UNKNOWN'
  ageMin: string
  ageMax: string
  interests: DictEntry[]
  bio: string
  keywords: string
  hashtags: string
  mentions: string
  lookalikes: string
  hasEmail: boolean
  verified: boolean
  accountTypes: (1 | 2 | 3)[]
  lastPosted: string
  growth: { enabled: boolean; interval: GrowthInterval; operator: GrowthOperator; valuePct: string }
  audience: AudienceDraft
  sortField: SortField
  sortDirection: 'asc' | 'desc'
}

export const emptyDraft: FilterDraft = {
  followersMin: '',
  followersMax: '',
  engagementRatePct: '',
  locations: [],
  language: null,
  gender: '',
  ageMin: '',
  ageMax: '',
  interests: [],
  bio: '',
  keywords: '',
  hashtags: '',
  mentions: '',
  lookalikes: '',
  hasEmail: false,
  verified: false,
  accountTypes: [],
  lastPosted: '',
  growth: { enabled: false, interval: 'i3months', operator: 'gte', valuePct: '' },
  audience: emptyAudienceDraft,
  sortField: 'followers',
  sortDirection: 'desc',
}

/** "#vegan, food @x" → ["vegan", "food", "x"]: users paste tags with or without their sigil. */
export function splitTokens(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^[#@]+/, ''))
    .filter((t) => t.length > 0)
}

function influencerToFilter(
  d: FilterDraft,
  platform: Platform,
  problems: FieldProblem[],
): InfluencerFilter {
  const f: InfluencerFilter = {}
  const range = appliedFollowerRange(d.followersMin, d.followersMax)
  if (range.invalid) problems.push({ field: 'followers', message: `${range.invalid}.` })
  else if (range.min !== null || range.max !== null) {
    f.followers = {
      ...(range.min !== null ? { min: range.min } : {}),
      ...(range.max !== null ? { max: range.max } : {}),
    }
  }
  if (d.engagementRatePct.trim() !== '') {
    const pct = Number(d.engagementRatePct)
    if (!Number.isFinite(pct) || pct < 0 || pct > 100)
      problems.push({
        field: 'engagementRate',
        message: 'Min engagement rate must be a percentage from 0 to 100.',
      })
    else f.engagementRate = pct / 100
  }
  if (d.locations.length > 0) f.location = d.locations.map((l) => Number(l.id))
  if (d.language) f.language = d.language.id
  if (d.gender !== '') f.gender = d.gender
  if (d.ageMin !== '' || d.ageMax !== '') {
    f.age = {
      ...(d.ageMin !== '' ? { min: Number(d.ageMin) } : {}),
      ...(d.ageMax !== '' ? { max: Number(d.ageMax) } : {}),
    }
  }
  if (d.interests.length > 0) f.interests = d.interests.map((i) => Number(i.id))
  if (d.bio.trim() !== '') f.bio = d.bio.trim()
  if (d.keywords.trim() !== '') f.keywords = d.keywords.trim()
  const tags = [
    ...splitTokens(d.hashtags).map((value) => ({ type: 'hashtag' as const, value })),
    ...splitTokens(d.mentions).map((value) => ({ type: 'mention' as const, value })),
  ]
  if (tags.length > 0) f.textTags = tags
  const lookalikes = splitTokens(d.lookalikes).map((h) => `@${h}`)
  if (lookalikes.length > 0) f.relevance = lookalikes
  if (d.hasEmail) f.hasContactDetails = [{ contactType: 'email', filterAction: 'must' }]
  if (d.verified) f.isVerified = true
  // Account types exist only on Instagram; elsewhere Modash ignores or refuses them.
  if (platform === 'instagram' && d.accountTypes.length > 0)
    f.accountTypes = [...d.accountTypes].sort()
  if (d.lastPosted !== '') f.lastposted = Number(d.lastPosted)
  if (d.growth.enabled) {
    const pct = Number(d.growth.valuePct)
    if (d.growth.valuePct.trim() === '' || !Number.isFinite(pct))
      problems.push({ field: 'growth', message: 'Follower growth needs a percentage, such as 5.' })
    else if (pct < -1000 || pct > 1000)
      problems.push({
        field: 'growth',
        message: 'Follower growth must be between −1,000 % and 1,000 %.',
      })
    else
      f.followersGrowthRate = {
        interval: d.growth.interval,
        operator: d.growth.operator,
        value: pct / 100,
      }
  }
  return f
}

function sortValue(d: FilterDraft): number | undefined {
  if (d.sortField === 'audienceGeo') return numberOrUndefined(d.audience.locations[0]?.id)
  if (d.sortField === 'audienceInterest') return numberOrUndefined(d.audience.interests[0]?.id)
  return undefined
}

const numberOrUndefined = (id: string | undefined) => (id === undefined ? undefined : Number(id))

export interface DraftResult {
  filters: SearchFilters | null
  /** Each problem as a sentence, in form order. */
  problems: string[]
  /** The same problems with the field each belongs to, to mark it and move focus there. */
  fieldProblems: FieldProblem[]
}

/**
 * Builds and validates the request before anything is paid: a filter Modash would refuse is a
 * wasted call, so the contract's own schema is checked here and its messages shown in the form.
 */
export function draftToFilters(draft: FilterDraft, platform: Platform): DraftResult {
  const problems: FieldProblem[] = []
  const influencer = influencerToFilter(draft, platform, problems)
  const audienceProblems: string[] = []
  const audience = audienceToFilter(draft.audience, audienceProblems)
  for (const message of audienceProblems) problems.push({ field: 'credibility', message })
  const value = sortValue(draft)
  const filters: SearchFilters = {
    ...(Object.keys(influencer).length > 0 ? { influencer } : {}),
    ...(audience ? { audience } : {}),
    sort: {
      field: draft.sortField,
      direction: draft.sortDirection,
      ...(value !== undefined ? { value } : {}),
    },
  }
  if (problems.length === 0) {
    const parsed = searchFiltersSchema.safeParse(filters)
    if (parsed.success) return { filters: parsed.data, problems: [], fieldProblems: [] }
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path)
      // A mention is a text tag too: say it at the field it was typed in.
      const tag = issue.path[2]
      const typed =
        field === 'hashtags' && typeof tag === 'number' ? textTagField(draft, tag) : field
      problems.push(describeIssue(issue, typed))
    }
  }
  // One sentence per field and problem, in the order the form shows them.
  const seen = new Set<string>()
  const unique = problems.filter((p) => !seen.has(p.message) && seen.add(p.message))
  return { filters: null, problems: unique.map((p) => p.message), fieldProblems: unique }
}

/** Text tags are hashtags first, then mentions, in the order `influencerToFilter` builds them. */
function textTagField(draft: FilterDraft, index: number): FilterField {
  return index < splitTokens(draft.hashtags).length ? 'hashtags' : 'mentions'
}
