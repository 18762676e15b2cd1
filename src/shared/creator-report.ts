/**
 * A creator's detailed report as the app shows it: built in main from the stored, validated
 * Modash answer (`services/creator-report.ts`), so the renderer never reads the provider's wire
 * format. Every figure is its value or null when the report did not carry it (or carried a value
 * that could not be trusted); lists are empty then. Shares and rates are ratios (0.62 = 62 %).
 */

/** One entry of a breakdown: a country, an age band, an interest… with its share of the whole. */
export interface ReportShare {
  /** What a person reads: "United States", "25–34", "Female". */
  label: string
  /** The provider's code when it has one ("US", "25-34", "FEMALE"); null otherwise. */
  code: string | null
  /** 0..1. */
  weight: number
}

export interface ReportPost {
  id: string
  text: string
  url: string | null
  created: string | null
  likes: number | null
  comments: number | null
  views: number | null
  hashtags: string[]
}

export interface ReportContact {
  type: string
  value: string
}

/** A figure now and its change since the month before (a ratio, negative when shrinking). */
export interface ReportTrend {
  value: number | null
  change: number | null
}

export interface ReportMonth {
  /** "2025-06". */
  month: string
  followers: number | null
  following: number | null
  avgLikes: number | null
  avgViews: number | null
}

export interface ReportContentStats {
  /** The provider's key: all, reels, posts, videos, shorts… */
  kind: string
  label: string
  engagements: number | null
  engagementRate: number | null
  avgLikes: number | null
  avgComments: number | null
  avgViews: number | null
}

export interface ReportLookalike {
  providerId: string
  handle: string | null
  fullName: string | null
  url: string | null
  followers: number | null
  engagementRate: number | null
}

/** How sponsored posts do against the creator's other posts (medians). */
export interface ReportSponsored {
  /** Sponsored median likes ÷ organic median likes; null when either is unknown. */
  likesRatio: number | null
  viewsRatio: number | null
  sponsoredMedianLikes: number | null
  sponsoredMedianViews: number | null
  organicMedianLikes: number | null
  organicMedianViews: number | null
}

export interface ReportAgeGender {
  /** "18–24". */
  label: string
  male: number
  female: number
}

export interface ReportAudience {
  /** Share of followers that look like real people. */
  credibility: number | null
  /** Share of followers that are notable accounts. */
  notable: number | null
  genders: ReportShare[]
  ages: ReportShare[]
  gendersPerAge: ReportAgeGender[]
  countries: ReportShare[]
  states: ReportShare[]
  cities: ReportShare[]
  languages: ReportShare[]
  interests: ReportShare[]
  brandAffinity: ReportShare[]
  ethnicities: ReportShare[]
  /** Real people, suspicious accounts, mass followers, influencers. */
  types: ReportShare[]
  /** How many accounts the followers themselves follow (fewer: more likely to see a post). */
  reachability: ReportShare[]
}

export interface CreatorReport {
  providerId: string | null
  handle: string | null
  fullName: string | null
  url: string | null
  followers: number | null
  engagements: number | null
  engagementRate: number | null
  avgLikes: number | null
  avgComments: number | null
  /** Average views per post or video (TikTok, YouTube; Instagram from its history or stats). */
  avgViews: number | null
  /** Instagram: average plays of a reel. */
  avgReelsPlays: number | null
  totalLikes: number | null
  totalViews: number | null
  postsCount: number | null
  bio: string | null
  city: string | null
  state: string | null
  country: string | null
  /** "Female", "Male", or the provider's word. */
  gender: string | null
  /** "25–34". */
  ageGroup: string | null
  language: { code: string; name: string | null } | null
  isVerified: boolean | null
  isPrivate: boolean | null
  /** "Regular", "Business", "Creator". */
  accountType: string | null
  contacts: ReportContact[]
  /** The creator's own topics and the brands they work with or talk about. */
  interests: string[]
  brandAffinity: string[]
  hashtags: { tag: string; weight: number | null }[]
  mentions: { tag: string; weight: number | null }[]
  trends: { followers: ReportTrend; avgLikes: ReportTrend; avgViews: ReportTrend }
  sponsored: ReportSponsored
  byContentType: ReportContentStats[]
  /** Oldest month first. */
  history: ReportMonth[]
  recentPosts: ReportPost[]
  popularPosts: ReportPost[]
  sponsoredPosts: ReportPost[]
  lookalikes: ReportLookalike[]
  /** The followers; null when the report carries no audience. */
  audience: ReportAudience | null
  /** Who liked recent posts. */
  audienceLikers: ReportAudience | null
}

/** The best "average views" a report gives: per post, else reels plays, else the stats. */
export function reportAverageViews(report: CreatorReport): number | null {
  return report.avgViews ?? report.avgReelsPlays ?? report.trends.avgViews.value
}
