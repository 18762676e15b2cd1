import { z } from 'zod'
import {
  count,
  droppedFields,
  flag,
  isRecord,
  lenient,
  lenientArray,
  readId,
  text,
} from './lenient'

/**
 * What we accept from Modash (`docs/providers.md` §1.6–1.13). The recorded live bodies differ from
 * the documentation (no `userId` inside the inner profile, far richer reports), so paid bodies
 * are read leniently: the few things the app cannot do without (a hit's id, the page's arrays)
 * are required; every other field is its value, or null when absent or invalid; unknown keys are
 * kept. A paid page or report is never thrown away over a field the app does not need.
 */

/** The profile fields the app reads from a search hit, a report's inner profile or a users row. */
const PROFILE_FIELDS = [
  'fullname',
  'username',
  'handle',
  'url',
  'picture',
  'followers',
  'engagements',
  'engagementRate',
  'averageViews',
  'isVerified',
  'isPrivate',
] as const

const profileFields = z.looseObject({
  fullname: lenient(text),
  username: lenient(text),
  handle: lenient(text),
  url: lenient(text),
  picture: lenient(text),
  followers: lenient(count),
  engagements: lenient(count),
  engagementRate: lenient(count),
  averageViews: lenient(count),
  isVerified: lenient(flag),
  isPrivate: lenient(flag),
})

/** A creator's basic profile as the app keeps it: the id always, every other fact or null. */
export interface ModashSearchProfile {
  userId: string
  fullname?: string | null
  username?: string | null
  handle?: string | null
  url?: string | null
  picture?: string | null
  followers?: number | null
  engagements?: number | null
  engagementRate?: number | null
  averageViews?: number | null
  isVerified?: boolean | null
  isPrivate?: boolean | null
  [key: string]: unknown
}

export interface ModashSearchHit {
  userId: string
  profile: ModashSearchProfile
  /** Fields Modash sent with a value the app could not trust; they are kept as unknown. */
  invalidFields: string[]
}

export interface ModashSearchPage {
  /** Modash's number as sent: for a broad query the size of its index, not a count of matches. */
  total: number | null
  isExactMatch: boolean | null
  directs: ModashSearchHit[]
  lookalikes: ModashSearchHit[]
  /** Hits without a usable id: billed by Modash, but nothing of them can be kept. */
  unreadableRows: number
}

/** Every field the app reads is present: its value, or null when Modash did not send it. */
function withNulls<T extends Record<string, unknown>>(read: T, fields: readonly string[]): T {
  const out: Record<string, unknown> = { ...read }
  for (const field of fields) out[field] ??= null
  return out as T
}

type Parsed<T> = { success: true; data: T } | { success: false }

/** Reads a profile object; `userId` comes from the caller (the hit), else from the profile. */
export function readProfile(
  raw: unknown,
  fallbackId: string | null,
): { profile: ModashSearchProfile; invalidFields: string[] } | null {
  const source = isRecord(raw) ? raw : {}
  const userId = fallbackId ?? readId(source.userId)
  if (userId === null) return null
  const read = withNulls(profileFields.parse(source), PROFILE_FIELDS)
  return {
    profile: { ...read, userId },
    invalidFields: droppedFields(source, read, PROFILE_FIELDS),
  }
}

function readHits(value: unknown): { hits: ModashSearchHit[]; unreadable: number } {
  const hits: ModashSearchHit[] = []
  let unreadable = 0
  for (const raw of Array.isArray(value) ? value : []) {
    const hit = isRecord(raw) ? raw : {}
    // The live API puts the id on the hit only; the docs' example repeats it inside.
    const inner = isRecord(hit.profile) ? hit.profile : null
    const read =
      inner === null ? null : readProfile(inner, readId(hit.userId) ?? readId(inner.userId))
    if (read === null) unreadable += 1
    else hits.push({ userId: read.profile.userId, ...read })
  }
  return { hits, unreadable }
}

/** Not an error envelope: `error` is absent or false. */
function isSuccessBody(json: unknown): json is Record<string, unknown> {
  return isRecord(json) && (json.error === undefined || json.error === false)
}

export function parseSearchPage(json: unknown): Parsed<ModashSearchPage> {
  if (!isSuccessBody(json)) return { success: false }
  if (!Array.isArray(json.directs) && !Array.isArray(json.lookalikes)) return { success: false }
  const directs = readHits(json.directs)
  const lookalikes = readHits(json.lookalikes)
  const total = z.number().int().nonnegative().safeParse(json.total)
  return {
    success: true,
    data: {
      total: total.success ? total.data : null,
      isExactMatch: typeof json.isExactMatch === 'boolean' ? json.isExactMatch : null,
      directs: directs.hits,
      lookalikes: lookalikes.hits,
      unreadableRows: directs.unreadable + lookalikes.unreadable,
    },
  }
}

const weighted = z.looseObject({
  code: lenient(text),
  name: lenient(text),
  weight: count,
})

const REPORT_FIELDS = [
  'bio',
  'description',
  'country',
  'city',
  'gender',
  'language',
  'isPrivate',
  'isVerified',
  'contacts',
  'audience',
] as const

const reportFields = z.looseObject({
  bio: lenient(text),
  description: lenient(text),
  country: lenient(text),
  city: lenient(text),
  gender: lenient(text),
  language: lenient(z.looseObject({ code: z.string(), name: lenient(text) })),
  isPrivate: lenient(flag),
  isVerified: lenient(flag),
  contacts: lenientArray(z.looseObject({ type: z.string(), value: z.string() })),
  audience: lenient(
    z.looseObject({
      credibility: lenient(count),
      genders: lenientArray(weighted),
      ages: lenientArray(weighted),
      geoCountries: lenientArray(weighted),
      languages: lenientArray(weighted),
    }),
  ),
})

export type ModashReportProfile = z.output<typeof reportFields> & {
  userId: string
  profile: ModashSearchProfile
}

export interface ModashReport {
  profile: ModashReportProfile
}

/** A report; its creator id is the report's own, else the id the report was bought for. */
export function parseReport(json: unknown, requestedId: string): Parsed<ModashReport> {
  if (!isSuccessBody(json) || !isRecord(json.profile)) return { success: false }
  const body = json.profile
  const userId = readId(body.userId) ?? requestedId
  const inner = readProfile(isRecord(body.profile) ? body.profile : {}, userId)
  if (inner === null) return { success: false }
  const read = withNulls(reportFields.parse(body), REPORT_FIELDS)
  return { success: true, data: { profile: { ...read, userId, profile: inner.profile } } }
}

export const usersSchema = z.looseObject({
  error: z.literal(false).optional(),
  users: z.array(
    z.looseObject({
      userId: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
      username: lenient(text),
      fullname: lenient(text),
      picture: lenient(text),
      profile_picture: lenient(text),
      followers: lenient(count),
      isVerified: lenient(flag),
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

/**
 * `/user/info`. Whether live bodies carry `error: false` is not known, and `rawRequests` has been
 * seen negative (Modash lets the last batch through), so only finiteness is required.
 */
export const userInfoSchema = z.looseObject({
  error: z.literal(false).optional(),
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
