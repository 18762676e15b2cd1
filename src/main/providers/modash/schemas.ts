import { z } from 'zod'

/**
 * What we accept from Modash (`providers.md` §1.6–1.11). Responses are parsed before anything is
 * stored: a body that does not match is a provider error and nothing of it is kept. Objects are
 * loose because Modash adds fields over time; the fields we rely on are checked.
 */

const count = z.number().finite().nonnegative()

export const searchProfileSchema = z.looseObject({
  userId: z.string().min(1),
  fullname: z.string().nullish(),
  username: z.string().nullish(),
  handle: z.string().nullish(),
  url: z.string().nullish(),
  picture: z.string().nullish(),
  followers: count.nullish(),
  engagements: count.nullish(),
  engagementRate: count.nullish(),
  averageViews: count.nullish(),
  isVerified: z.boolean().nullish(),
})
export type ModashSearchProfile = z.infer<typeof searchProfileSchema>

export const searchHitSchema = z.looseObject({
  userId: z.string().min(1),
  profile: searchProfileSchema,
})

export const searchPageSchema = z.looseObject({
  error: z.literal(false),
  total: z.number().int().nonnegative(),
  isExactMatch: z.boolean().optional(),
  directs: z.array(searchHitSchema).default([]),
  lookalikes: z.array(searchHitSchema).default([]),
})
export type ModashSearchPage = z.infer<typeof searchPageSchema>

const weighted = z.looseObject({
  code: z.string().optional(),
  name: z.string().optional(),
  weight: count,
})

export const reportSchema = z.looseObject({
  error: z.literal(false),
  profile: z.looseObject({
    userId: z.string().min(1),
    profile: searchProfileSchema,
    bio: z.string().nullish(),
    description: z.string().nullish(),
    country: z.string().nullish(),
    city: z.string().nullish(),
    gender: z.string().nullish(),
    language: z.looseObject({ code: z.string(), name: z.string().optional() }).nullish(),
    isPrivate: z.boolean().nullish(),
    isVerified: z.boolean().nullish(),
    contacts: z.array(z.looseObject({ type: z.string(), value: z.string() })).nullish(),
    audience: z
      .looseObject({
        credibility: count.nullish(),
        genders: z.array(weighted).nullish(),
        ages: z.array(weighted).nullish(),
        geoCountries: z.array(weighted).nullish(),
        languages: z.array(weighted).nullish(),
      })
      .nullish(),
  }),
})
export type ModashReport = z.infer<typeof reportSchema>

export const usersSchema = z.looseObject({
  error: z.literal(false),
  users: z.array(
    z.looseObject({
      userId: z.string().min(1),
      username: z.string().nullish(),
      fullname: z.string().nullish(),
      picture: z.string().nullish(),
      profile_picture: z.string().nullish(),
      followers: count.nullish(),
      isVerified: z.boolean().nullish(),
    }),
  ),
})
export type ModashUsers = z.infer<typeof usersSchema>

export const DICTIONARIES = ['locations', 'languages', 'interests', 'brands'] as const
export type DictionaryKind = (typeof DICTIONARIES)[number]

export const dictionaryEntrySchema = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  code: z.string().optional(),
  name: z.string(),
  title: z.string().optional(),
})
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>

export const userInfoSchema = z.looseObject({
  error: z.literal(false),
  billing: z.looseObject({ credits: z.number().finite(), rawRequests: z.number().finite() }),
  rateLimits: z.unknown().optional(),
})
export type ModashUserInfo = z.infer<typeof userInfoSchema>

/** Modash's own error envelope; `code` is what we switch on, never `message`. */
export const errorEnvelopeSchema = z.looseObject({
  error: z.literal(true),
  code: z.string(),
  message: z.string().optional(),
})
