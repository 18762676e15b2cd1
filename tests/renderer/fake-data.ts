import type { CreatorReport, ReportAudience, ReportShare } from '../../src/shared/creator-report'
import type {
  BalanceReconciliation,
  CreatorDetail,
  CreatorSummary,
  QuotaStatus,
  Settings,
  UsageStats,
} from '../../src/shared/domain'

export const NOW = new Date()
export const daysAgo = (n: number): string => new Date(NOW.getTime() - n * 86_400_000).toISOString()

export function makeCreator(id: number, overrides: Partial<CreatorSummary> = {}): CreatorSummary {
  return {
    id,
    platform: 'instagram',
    providerId: String(1_000_000 + id),
    handle: `creator${id}`,
    fullName: `Creator ${id}`,
    profileUrl: `https://www.instagram.com/creator${id}/`,
    pictureUrl: null,
    followers: 10_000 + id,
    engagements: 300,
    engagementRate: 0.031,
    averageViews: null,
    hasDetailedProfile: false,
    emailFound: false,
    basicFetchedAt: daysAgo(3),
    detailedFetchedAt: null,
    ...overrides,
  }
}

const share = (label: string, weight: number, code: string | null = null): ReportShare => ({
  label,
  code,
  weight,
})

/** A report as main hands it to the renderer (`CreatorReport`), every section filled. */
export function makeReport(overrides: Partial<CreatorReport> = {}): CreatorReport {
  const audience: ReportAudience = {
    credibility: 0.81,
    notable: 0.03,
    genders: [share('Female', 0.78, 'FEMALE'), share('Male', 0.22, 'MALE')],
    ages: [share('18–24', 0.41, '18-24'), share('25–34', 0.37, '25-34')],
    gendersPerAge: [
      { label: '18–24', female: 0.32, male: 0.09 },
      { label: '25–34', female: 0.29, male: 0.08 },
    ],
    countries: [share('United States', 0.62, 'US'), share('Canada', 0.11, 'CA')],
    states: [],
    cities: [share('New York', 0.14), share('Toronto', 0.05)],
    languages: [share('English', 0.88, 'en')],
    interests: [share('Beauty & Cosmetics', 0.44)],
    brandAffinity: [share('Glossier', 0.06)],
    ethnicities: [],
    types: [share('Real people', 0.81, 'real'), share('Suspicious accounts', 0.19, 'suspicious')],
    reachability: [share('Follow under 500', 0.6, '-500')],
  }
  return {
    providerId: '1',
    handle: 'creator1',
    fullName: 'Creator 1',
    url: 'https://www.instagram.com/creator1/',
    followers: 48_200,
    engagements: 1_500,
    engagementRate: 0.0313,
    avgLikes: 1_400,
    avgComments: 40,
    avgViews: null,
    avgReelsPlays: 9_800,
    totalLikes: null,
    totalViews: null,
    postsCount: 410,
    bio: 'Derm-nerd. Collabs: hello@example.com',
    city: 'Austin',
    state: 'Texas',
    country: 'US',
    gender: 'Female',
    ageGroup: '25–34',
    language: { code: 'en', name: 'English' },
    isVerified: false,
    isPrivate: false,
    accountType: 'Creator',
    contacts: [{ type: 'email', value: 'hello@example.com' }],
    interests: ['Beauty & Cosmetics', 'Fitness'],
    brandAffinity: ['Glossier'],
    hashtags: [{ tag: 'skincare', weight: 0.4 }],
    mentions: [{ tag: 'glossier', weight: 0.2 }],
    trends: {
      followers: { value: 48_200, change: 0.023 },
      avgLikes: { value: 1_400, change: -0.05 },
      avgViews: { value: null, change: null },
    },
    sponsored: {
      likesRatio: 0.82,
      viewsRatio: null,
      sponsoredMedianLikes: 1_100,
      sponsoredMedianViews: null,
      organicMedianLikes: 1_340,
      organicMedianViews: null,
    },
    byContentType: [
      {
        kind: 'all',
        label: 'All content',
        engagements: 1_440,
        engagementRate: 0.0313,
        avgLikes: 1_400,
        avgComments: 40,
        avgViews: 9_800,
      },
    ],
    history: [
      { month: '2025-04', followers: 46_000, following: 500, avgLikes: 1_300, avgViews: null },
      { month: '2025-05', followers: 47_100, following: 510, avgLikes: 1_470, avgViews: null },
      { month: '2025-06', followers: 48_200, following: 515, avgLikes: 1_400, avgViews: null },
    ],
    recentPosts: [
      {
        id: 'p1',
        text: 'Morning routine',
        url: null,
        created: daysAgo(5),
        likes: 1200,
        comments: 33,
        views: null,
        hashtags: ['skincare'],
      },
    ],
    popularPosts: [],
    sponsoredPosts: [
      {
        id: 's1',
        text: 'Ad: my serum',
        url: null,
        created: daysAgo(9),
        likes: 1100,
        comments: 20,
        views: null,
        hashtags: [],
      },
    ],
    lookalikes: [
      {
        providerId: '77',
        handle: 'lookalike77',
        fullName: 'Look Alike',
        url: null,
        followers: 51_000,
        engagementRate: 0.028,
      },
    ],
    audience,
    audienceLikers: { ...audience, credibility: 0.85 },
    ...overrides,
  }
}

/** A profile without a report unless `reportAgeDays` is given. */
export function makeDetail(
  id: number,
  opts: { reportAgeDays?: number; stale?: boolean } = {},
): CreatorDetail {
  const has = opts.reportAgeDays !== undefined
  return {
    creator: makeCreator(id, { hasDetailedProfile: has }),
    report: has ? makeReport() : null,
    reportFetchedAt: has ? daysAgo(opts.reportAgeDays ?? 0) : null,
    reportAgeDays: has ? (opts.reportAgeDays ?? 0) : null,
    source: opts.stale ? 'local' : 'cache',
    stale: opts.stale ?? false,
    ...(opts.stale ? { staleReason: 'Modash could not be reached.' } : {}),
    reportsCharged: 0,
    email: { email: null, source: null, status: 'unknown', checkedAt: null, retryAfter: null },
  }
}

export function makeQuota(discoveryUsed = 1_200, reportUsed = 100): QuotaStatus {
  return {
    month: '2026-11',
    periodStart: '2026-11-01',
    resetsAt: '2026-12-01T00:00:00.000Z',
    meters: [
      { meter: 'discovery', used: discoveryUsed, reserved: 0, limit: 140_000 },
      { meter: 'report', used: reportUsed, reserved: 0, limit: 1_400 },
      { meter: 'enrichment', used: 4, reserved: 0, limit: 500 },
    ],
    modashMilliCreditsUsed: 0,
    balance: makeBalance(),
    clock: {
      state: 'ok',
      countingAt: '2026-11-24T10:00:00.000Z',
      wallClock: '2026-11-24T10:00:00.000Z',
    },
  }
}

/** A Modash balance read this morning: 2,975.35 credits, 12.40 spent elsewhere since Nov 1. */
export function makeBalance(overrides: Partial<BalanceReconciliation> = {}): BalanceReconciliation {
  return {
    state: 'known',
    unknownReason: null,
    checkedAt: '2026-11-24T09:30:00.000Z',
    balanceMilliCredits: 2_975_350,
    readAt: '2026-11-24T09:30:00.000Z',
    fresh: true,
    since: '2026-11-01T08:00:00.000Z',
    outsideSpendMilliCredits: 12_400,
    appSpendMilliCredits: 15_000,
    availableMilliCredits: 2_975_350,
    covers: { discovery: 297_535, report: 2_975 },
    ...overrides,
  }
}

export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    userId: 'tester',
    billingCycleDay: 1,
    limits: { discovery: 140_000, report: 1_400, enrichment: 500 },
    offline: false,
    sandbox: true,
    reportMaxAgeDays: 30,
    clayMapping: {
      inputs: {
        fullName: 'Full Name',
        handle: 'Handle',
        profileUrl: 'Profile URL',
        platform: 'Platform',
        companyDomain: 'Domain',
      },
      emailPath: 'Work Email',
    },
    currentClient: null,
    ...overrides,
  }
}

export function makeStats(): UsageStats {
  return {
    month: '2026-11',
    daily: [
      { day: '2026-11-01', discovery: 45, report: 2, enrichment: 0 },
      { day: '2026-11-02', discovery: 15, report: 1, enrichment: 1 },
    ],
    cacheHitPerMille: 625,
    cacheHits: 5,
    providerCalls: 3,
    savedDiscoveryResults: 75,
    savedReports: 2,
    savedEnrichments: 0,
    projectedExhaustion: null,
  }
}
