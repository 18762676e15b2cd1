import { z } from 'zod'
import {
  AUDIENCE_AGE_BANDS,
  CONTACT_TYPES,
  MAX_PAGE,
  SORT_FIELDS,
} from '../../../shared/search-filters'
import type { SortField } from '../../../shared/search-filters'

/**
 * The search body as Modash validates it (`docs/providers.md` §1.5), written apart from the app's own
 * `searchFiltersSchema` so a mistake there is caught here instead of mirrored. Unknown keys are
 * refused; audience weights take Modash's documented defaults.
 */

const nonNegative = z.number().finite().nonnegative()
const range = z.strictObject({ min: nonNegative.optional(), max: nonNegative.optional() })
const id = z.number().int().positive()
const weight = z.number().gt(0).max(1)
const creatorAge = z.literal([18, 25, 35, 45, 65])

const influencerShape = {
  followers: range.optional(),
  engagementRate: z.number().min(0).max(1).optional(),
  location: z.array(id).min(1).optional(),
  language: z.string().min(1).optional(),
  lastposted: z.number().int().min(30).optional(),
  relevance: z
    .array(z.string().regex(/^[#@].+/))
    .min(1)
    .max(200)
    .optional(),
  audienceRelevance: z.array(z.string().regex(/^@.+/)).min(1).max(100).optional(),
  gender: z.enum(['MALE', 'FEMALE', 'KNOWN', 'UNKNOWN']).optional(),
  age: z.strictObject({ min: creatorAge.optional(), max: creatorAge.optional() }).optional(),
  followersGrowthRate: z
    .strictObject({
      interval: z.enum(['i1month', 'i2months', 'i3months', 'i4months', 'i5months', 'i6months']),
      value: z.number().finite(),
      operator: z.enum(['gte', 'gt', 'lt', 'lte']),
    })
    .optional(),
  bio: z.string().min(1).optional(),
  keywords: z.string().min(1).optional(),
  hasYouTube: z.boolean().optional(),
  hasContactDetails: z
    .array(
      z.strictObject({
        contactType: z.enum(CONTACT_TYPES),
        filterAction: z.enum(['must', 'should', 'not']),
      }),
    )
    .min(1)
    .optional(),
  accountTypes: z
    .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
    .min(1)
    .optional(),
  brands: z.array(id).min(1).optional(),
  interests: z.array(id).min(1).optional(),
  textTags: z
    .array(z.strictObject({ type: z.enum(['hashtag', 'mention']), value: z.string().min(1) }))
    .min(1)
    .optional(),
  reelsPlays: range.optional(),
  engagements: range.optional(),
  views: range.optional(),
  isVerified: z.boolean().optional(),
  hasSponsoredPosts: z.boolean().optional(),
}
export type InfluencerKey = keyof typeof influencerShape
const INFLUENCER_KEYS = Object.keys(influencerShape) as [InfluencerKey, ...InfluencerKey[]]

const influencer = z.strictObject({
  ...influencerShape,
  filterOperations: z
    .array(
      z.strictObject({ operator: z.enum(['and', 'or', 'not']), filter: z.enum(INFLUENCER_KEYS) }),
    )
    .optional(),
})

const ageBand = z.enum(AUDIENCE_AGE_BANDS)
const audience = z.strictObject({
  location: z
    .array(z.strictObject({ id, weight: weight.default(0.2) }))
    .min(1)
    .optional(),
  language: z.strictObject({ id: z.string().min(1), weight: weight.default(0.2) }).optional(),
  gender: z
    .strictObject({ id: z.enum(['MALE', 'FEMALE']), weight: weight.default(0.5) })
    .optional(),
  age: z
    .array(z.strictObject({ id: ageBand, weight: weight.default(0.3) }))
    .min(1)
    .optional(),
  ageRange: z
    .strictObject({
      min: z.enum(['13', '18', '25', '35', '45', '65']).optional(),
      max: z.enum(['17', '24', '34', '44', '64']).optional(),
      weight: weight.default(0.3),
    })
    .optional(),
  interests: z
    .array(z.strictObject({ id, weight: weight.default(0.3) }))
    .min(1)
    .optional(),
  credibility: z.number().min(0).max(1).optional(),
})

/** The influencer filter each sort field reads, for the "can't sort by an or/not filter" rule. */
export const SORT_FILTER: Partial<Record<SortField, InfluencerKey>> = {
  followers: 'followers',
  engagements: 'engagements',
  engagementRate: 'engagementRate',
  keywords: 'keywords',
  relevance: 'relevance',
  followersGrowth: 'followersGrowthRate',
  reelsPlays: 'reelsPlays',
}

export const searchBodySchema = z
  .strictObject({
    page: z.number().int().min(0).max(MAX_PAGE).optional(),
    calculationMethod: z.enum(['median', 'average']).optional(),
    sort: z
      .strictObject({
        field: z.enum(SORT_FIELDS),
        direction: z.enum(['asc', 'desc']).optional(),
        value: id.optional(),
      })
      .optional(),
    filter: z
      .strictObject({ influencer: influencer.optional(), audience: audience.optional() })
      .optional(),
  })
  .superRefine((body, ctx) => {
    const inf = body.filter?.influencer
    const aud = body.filter?.audience
    const field = body.sort?.field
    const present: Partial<Record<SortField, boolean>> = {
      keywords: inf?.keywords !== undefined,
      audienceGeo: aud?.location !== undefined,
      audienceLang: aud?.language !== undefined,
      audienceGender: aud?.gender !== undefined,
      audienceAge: aud?.age !== undefined || aud?.ageRange !== undefined,
      audienceInterest: aud?.interests !== undefined,
      followersGrowth: inf?.followersGrowthRate !== undefined,
    }
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message })
    if (field !== undefined && present[field] === false)
      issue(['sort', 'field'], `sorting by ${field} needs the matching filter`)
    if ((field === 'audienceGeo' || field === 'audienceInterest') && body.sort?.value === undefined)
      issue(['sort', 'value'], `sorting by ${field} needs a value`)
    if (aud?.age !== undefined && aud.ageRange !== undefined)
      issue(['filter', 'audience', 'ageRange'], 'age and ageRange cannot be combined')
    const ops = inf?.filterOperations ?? []
    for (const op of ops) {
      if (inf?.[op.filter] === undefined)
        issue(['filter', 'influencer', 'filterOperations'], `${op.filter} is not set`)
    }
    if (ops.filter((o) => o.operator === 'or').length === 1)
      issue(['filter', 'influencer', 'filterOperations'], 'an or needs at least two filters')
    const sortKey = field === undefined ? undefined : SORT_FILTER[field]
    if (ops.some((o) => o.operator !== 'and' && o.filter === sortKey))
      issue(['sort', 'field'], 'cannot sort by a filter used in an or/not operation')
  })

export type SearchBody = z.infer<typeof searchBodySchema>
export type InfluencerFilters = NonNullable<NonNullable<SearchBody['filter']>['influencer']>
export type AudienceFilters = NonNullable<NonNullable<SearchBody['filter']>['audience']>

/** Modash's `message` for a refused body: the first problem, with where it is. */
export function describeIssue(error: z.ZodError): string {
  const first = error.issues[0]
  if (first === undefined) return 'invalid body'
  const where = first.path.length > 0 ? first.path.join('.') : 'body'
  return `${where}: ${first.message}`
}
