import { z } from 'zod'

/**
 * The search filters a user can set, as the Modash Discovery API accepts them
 * (`docs/providers.md` §1.5). Objects are strict: an unknown key is a typo the user
 * would otherwise pay for, so it is refused. Strings and arrays are bounded so an oversized input
 * is refused before any work.
 */

/** The longest bio or caption text a filter takes; the form's fields carry it as their limit. */
export const MAX_FILTER_TEXT = 200
const MAX_TEXT = MAX_FILTER_TEXT
const MAX_ITEMS = 100

const text = z.string().trim().min(1).max(MAX_TEXT)
const count = z.number().int().min(0).max(1_000_000_000)
const range = z
  .strictObject({ min: count.optional(), max: count.optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: 'min must not exceed max',
  })
const dictionaryId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const ratio = z.number().min(0).max(1)
const weight = z.number().gt(0).max(1)

export const CREATOR_AGES = [18, 25, 35, 45, 65] as const
export const AUDIENCE_AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-64', '65-'] as const
export const CONTACT_TYPES = [
  'bbm',
  'email',
  'facebook',
  'instagram',
  'itunes',
  'kakao',
  'kik',
  'lineid',
  'linktree',
  'pinterest',
  'sarahah',
  'sayat',
  'skype',
  'snapchat',
  'tiktok',
  'tumblr',
  'twitchtv',
  'twitter',
  'vk',
  'wechat',
  'youtube',
] as const
export const SORT_FIELDS = [
  'engagements',
  'followers',
  'engagementRate',
  'keywords',
  'audienceGeo',
  'audienceLang',
  'audienceGender',
  'audienceAge',
  'audienceRelevance',
  'relevance',
  'followersGrowth',
  'audienceInterest',
  'reelsPlays',
] as const
export type SortField = (typeof SORT_FIELDS)[number]

const creatorAge = z.union(
  CREATOR_AGES.map((a) => z.literal(a)) as [z.ZodLiteral<18>, ...z.ZodLiteral<number>[]],
)

export const influencerFilterSchema = z.strictObject({
  followers: range.optional(),
  engagementRate: ratio.optional(),
  location: z.array(dictionaryId).min(1).max(MAX_ITEMS).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'a language code such as "en"')
    .optional(),
  lastposted: z.number().int().min(30).max(3650).optional(),
  relevance: z
    .array(z.string().regex(/^[#@][\p{L}\p{N}._]{1,100}$/u, '"#hashtag" or "@username"'))
    .min(1)
    .max(MAX_ITEMS)
    .optional(),
  audienceRelevance: z
    .array(z.string().regex(/^@[\p{L}\p{N}._]{1,100}$/u, '"@username"'))
    .min(1)
    .max(MAX_ITEMS)
    .optional(),
  gender: z.enum(['MALE', 'FEMALE', 'KNOWN', 'UNKNOWN']).optional(),
  age: z.strictObject({ min: creatorAge.optional(), max: creatorAge.optional() }).optional(),
  followersGrowthRate: z
    .strictObject({
      interval: z.enum(['i1month', 'i2months', 'i3months', 'i4months', 'i5months', 'i6months']),
      value: z.number().min(-10).max(10),
      operator: z.enum(['gte', 'gt', 'lt', 'lte']),
    })
    .optional(),
  bio: text.optional(),
  keywords: text.optional(),
  hasYouTube: z.boolean().optional(),
  hasContactDetails: z
    .array(
      z.strictObject({
        contactType: z.enum(CONTACT_TYPES),
        filterAction: z.enum(['must', 'should', 'not']),
      }),
    )
    .min(1)
    .max(CONTACT_TYPES.length)
    .optional(),
  accountTypes: z
    .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
    .min(1)
    .max(3)
    .optional(),
  brands: z.array(dictionaryId).min(1).max(MAX_ITEMS).optional(),
  interests: z.array(dictionaryId).min(1).max(MAX_ITEMS).optional(),
  textTags: z
    .array(
      z.strictObject({
        type: z.enum(['hashtag', 'mention']),
        value: z.string().regex(/^[\p{L}\p{N}._]{1,100}$/u),
      }),
    )
    .min(1)
    .max(MAX_ITEMS)
    .optional(),
  reelsPlays: range.optional(),
  engagements: range.optional(),
  views: range.optional(),
  isVerified: z.boolean().optional(),
  hasSponsoredPosts: z.boolean().optional(),
})
export type InfluencerFilter = z.infer<typeof influencerFilterSchema>

export const audienceFilterSchema = z.strictObject({
  location: z
    .array(z.strictObject({ id: dictionaryId, weight }))
    .min(1)
    .max(MAX_ITEMS)
    .optional(),
  language: z.strictObject({ id: z.string().regex(/^[a-z]{2,3}$/), weight }).optional(),
  gender: z.strictObject({ id: z.enum(['MALE', 'FEMALE']), weight }).optional(),
  age: z
    .array(z.strictObject({ id: z.enum(AUDIENCE_AGE_BANDS), weight }))
    .min(1)
    .max(AUDIENCE_AGE_BANDS.length)
    .optional(),
  interests: z
    .array(z.strictObject({ id: dictionaryId, weight }))
    .min(1)
    .max(MAX_ITEMS)
    .optional(),
  credibility: ratio.optional(),
})
export type AudienceFilter = z.infer<typeof audienceFilterSchema>

export const sortSchema = z.strictObject({
  field: z.enum(SORT_FIELDS),
  direction: z.enum(['asc', 'desc']).optional(),
  value: dictionaryId.optional(),
})
export type SearchSort = z.infer<typeof sortSchema>

export const searchFiltersSchema = z
  .strictObject({
    influencer: influencerFilterSchema.optional(),
    audience: audienceFilterSchema.optional(),
    sort: sortSchema.optional(),
    calculationMethod: z.enum(['median', 'average']).optional(),
  })
  .superRefine((f, ctx) => {
    const field = f.sort?.field
    const needs: Partial<Record<SortField, boolean>> = {
      keywords: f.influencer?.keywords !== undefined,
      audienceGeo: f.audience?.location !== undefined,
      audienceLang: f.audience?.language !== undefined,
      audienceGender: f.audience?.gender !== undefined,
      audienceAge: f.audience?.age !== undefined,
      audienceInterest: f.audience?.interests !== undefined,
      followersGrowth: f.influencer?.followersGrowthRate !== undefined,
    }
    if (field !== undefined && needs[field] === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['sort', 'field'],
        message: `sorting by ${field} needs the matching filter`,
      })
    }
    if ((field === 'audienceGeo' || field === 'audienceInterest') && f.sort?.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sort', 'value'],
        message: `sorting by ${field} needs a value`,
      })
    }
  })
export type SearchFilters = z.infer<typeof searchFiltersSchema>

/** Modash serves pages of 15 results; page numbers run 0..665. */
export const PAGE_SIZE = 15
export const MAX_PAGE = 665
export const pageSchema = z.number().int().min(0).max(MAX_PAGE)
