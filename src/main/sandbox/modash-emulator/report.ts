import { round } from '../dataset/audience'
import { brandName, interestName, languageName } from '../dataset/dictionaries'
import type { SandboxCreator, SandboxPost } from '../dataset/generate-dataset'
import { searchProfile } from './profile'

const ACCOUNT_TYPES = { 1: 'Regular', 2: 'Business', 3: 'Creator' } as const

/** The full report (`providers.md` §1.7) for one creator, with the platform's own extras. */
export function buildReport(c: SandboxCreator): Record<string, unknown> {
  const history = c.statHistory
  const previous = history.at(-2)
  const compared = (now: number, before: number | undefined) =>
    before === undefined || before === 0 ? 0 : round(now / before - 1)
  const text = c.platform === 'youtube' ? { description: c.bio } : { bio: c.bio }
  const popular = [...c.recentPosts].sort((a, b) => b.likes - a.likes).slice(0, 3)
  return {
    error: false,
    profile: {
      userId: c.userId,
      profile: searchProfile(c),
      isPrivate: false,
      isVerified: c.isVerified,
      ...(c.accountType !== null ? { accountType: ACCOUNT_TYPES[c.accountType] } : {}),
      ...text,
      city: c.city,
      state: c.state,
      country: c.country,
      gender: c.gender,
      ageGroup: c.ageGroup,
      language: { code: c.language, name: languageName(c.language) },
      contacts: c.contacts.map((x) => ({ type: x.type, value: x.value })),
      postsCount: c.postsCount,
      avgLikes: c.avgLikes,
      avgComments: c.avgComments,
      ...platformTotals(c),
      stats: {
        avgLikes: { value: c.avgLikes, compared: compared(c.avgLikes, previous?.avgLikes) },
        followers: { value: c.followers, compared: compared(c.followers, previous?.followers) },
      },
      recentPosts: c.recentPosts.map(post),
      popularPosts: popular.map(post),
      sponsoredPosts: c.recentPosts.filter((p) => p.sponsored).map(post),
      hashtags: c.hashtags.map((tag, i) => ({ tag, weight: round(0.4 / (i + 1)) })),
      mentions: c.mentions.map((tag, i) => ({ tag, weight: round(0.2 / (i + 1)) })),
      interests: c.interests.map((id) => ({ id, name: interestName(id) })),
      brandAffinity: c.brands.map((id) => ({ id, name: brandName(id) })),
      statHistory: history.map((m) => ({
        month: m.month,
        followers: m.followers,
        following: m.following,
        avgLikes: m.avgLikes,
        ...(m.avgViews !== null ? { avgViews: m.avgViews } : {}),
      })),
      lookalikes: [],
      audience: audience(c),
      audienceExtra: {},
    },
  }
}

function platformTotals(c: SandboxCreator): Record<string, number> {
  if (c.platform === 'instagram') return { avgReelsPlays: c.avgReelsPlays ?? 0 }
  const views = c.averageViews ?? 0
  if (c.platform === 'tiktok')
    return { totalLikes: c.avgLikes * c.postsCount, totalViews: views * c.postsCount }
  return { totalViews: views * c.postsCount, avgViews: views }
}

function audience(c: SandboxCreator): Record<string, unknown> {
  const a = c.audience
  return {
    credibility: a.credibility,
    notable: round(Math.min(0.2, c.followers / 50_000_000 + 0.01)),
    genders: a.genders,
    ages: a.ages,
    geoCountries: a.geoCountries.map((g) => ({ name: g.name, code: g.code, weight: g.weight })),
    geoCities: a.geoCities.map((g) => ({ name: g.name, weight: g.weight })),
    geoStates: [],
    languages: a.languages,
    interests: a.interests.map((i) => ({ name: i.name, weight: i.weight })),
    ethnicities: [],
    audienceTypes: [],
    audienceReachability: [],
    gendersPerAge: [],
    notableUsers: [],
    audienceLookalikes: [],
    brandAffinity: [],
  }
}

function post(p: SandboxPost): Record<string, unknown> {
  return {
    id: p.id,
    text: p.text,
    url: p.url,
    created: p.created,
    likes: p.likes,
    comments: p.comments,
    ...(p.views !== null ? { views: p.views } : {}),
    hashtags: p.hashtags,
    mentions: p.mentions,
  }
}
