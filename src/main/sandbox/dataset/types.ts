import type { Platform } from '../../../shared/platforms'
import type { NicheKey } from './niches'

export type CreatorGender = 'MALE' | 'FEMALE' | 'UNKNOWN'
export type AgeGroup = '18-24' | '25-34' | '35-44' | '45-64' | '65-'
export type AudienceAgeBand = '13-17' | '18-24' | '25-34' | '35-44' | '45-64' | '65-'

export interface SandboxPost {
  id: string
  text: string
  url: string
  /** ISO-8601, counted back from the dataset's reference date. */
  created: string
  daysAgo: number
  likes: number
  comments: number
  /** Video views; null for an Instagram photo. */
  views: number | null
  hashtags: string[]
  mentions: string[]
  sponsored: boolean
}

export interface SandboxStatMonth {
  /** `YYYY-MM`, oldest first; the last entry is the reference month. */
  month: string
  followers: number
  following: number
  avgLikes: number
  avgViews: number | null
}

/**
 * What the creator's followers look like. Genders, ages, countries and languages each list
 * shares that sum to 1 (within rounding); cities and interests are independent shares.
 */
export interface SandboxAudience {
  /** Share of real (non-fake) followers, 0.5..0.95. */
  credibility: number
  genders: { code: 'FEMALE' | 'MALE'; weight: number }[]
  ages: { code: AudienceAgeBand; weight: number }[]
  geoCountries: { code: string; name: string; weight: number }[]
  geoCities: { id: number; name: string; weight: number }[]
  languages: { code: string; name: string; weight: number }[]
  interests: { id: number; name: string; weight: number }[]
}

/** One synthetic creator: everything the Modash emulator needs for search, report and lookups. */
export interface SandboxCreator {
  platform: Platform
  /** Instagram: numeric string; TikTok: 19-digit numeric string; YouTube: `UC…` channel id. */
  userId: string
  /** Lowercase, unique per platform. */
  username: string
  /** YouTube `@handle` without the `@`; null elsewhere. */
  handle: string | null
  fullname: string
  niche: NicheKey
  /** A brand or fan page rather than a person (gender UNKNOWN, no age). */
  isBrandPage: boolean
  followers: number
  following: number
  engagements: number
  /** A ratio: engagements / followers. */
  engagementRate: number
  /** TikTok and YouTube only. */
  averageViews: number | null
  /** Instagram only. */
  avgReelsPlays: number | null
  avgLikes: number
  avgComments: number
  postsCount: number
  bio: string
  /**
   * ISO 3166-1 alpha-2, or null (with city and state) for the creators Modash has no location
   * for: a recorded live report had neither `city` nor `country` (`docs/providers.md` §1.13).
   */
  country: string | null
  city: string | null
  cityId: number | null
  state: string | null
  language: string
  gender: CreatorGender
  ageGroup: AgeGroup | null
  isVerified: boolean
  /** Instagram only: 1 regular, 2 business, 3 creator. */
  accountType: 1 | 2 | 3 | null
  hasYouTube: boolean
  hasSponsoredPosts: boolean
  /** Interest dictionary ids. */
  interests: number[]
  /** Brand dictionary ids the creator has worked with. */
  brands: number[]
  hashtags: string[]
  mentions: string[]
  lastPostedDaysAgo: number
  /** Monthly follower growth as a ratio (0.02 = +2 % a month). */
  followersGrowth: number
  audience: SandboxAudience
  /** What Modash knows: an email from the bio or contact button, for about 35 % of creators. */
  contacts: { type: 'email'; value: string }[]
  /**
   * The creator's YouTube channel, which Modash lists among a report's contacts after the emails
   * (Instagram creators with `hasYouTube`); for some it is the only contact (§1.13). Kept apart
   * from `contacts` so that list stays "the emails Modash already has".
   */
  youtubeLink: string | null
  /** What Clay would find for about half of the creators Modash has no email for. */
  clayEmail: string | null
  recentPosts: SandboxPost[]
  statHistory: SandboxStatMonth[]
}
