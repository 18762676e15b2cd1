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

export function makeReport(): unknown {
  return {
    error: false,
    profile: {
      userId: '1',
      profile: {
        username: 'creator1',
        fullname: 'Creator 1',
        followers: 48_200,
        engagementRate: 0.0313,
      },
      bio: 'Derm-nerd. Collabs: hello@example.com',
      country: 'US',
      contacts: [{ type: 'email', value: 'hello@example.com' }],
      recentPosts: [
        { id: 'p1', text: 'Morning routine', created: daysAgo(5), likes: 1200, comments: 33 },
      ],
      popularPosts: [],
      statHistory: [
        { month: '2025-04', followers: 46_000 },
        { month: '2025-05', followers: 47_100 },
        { month: '2025-06', followers: 48_200 },
      ],
      audience: {
        credibility: 0.81,
        genders: [
          { code: 'FEMALE', weight: 0.78 },
          { code: 'MALE', weight: 0.22 },
        ],
        ages: [{ code: '18-24', weight: 0.41 }],
        geoCountries: [{ name: 'United States', code: 'US', weight: 0.62 }],
      },
    },
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
