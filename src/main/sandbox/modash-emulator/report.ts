import { brandName, interestName, languageName } from '../dataset/dictionaries'
import { round } from '../dataset/audience'
import type { SandboxCreator } from '../dataset/generate-dataset'
import { pictureUrl, profileUrl, searchHit } from './profile'
import { audienceBlock } from './report-audience'
import { post, sponsoredFigures, stats, statsByContentType } from './report-content'

const ACCOUNT_TYPES = { 1: 'Regular', 2: 'Business', 3: 'Creator' } as const

/**
 * The full report for one creator in the shape the live API sends (`docs/providers.md` §1.13), which
 * is richer than the docs' example (§1.7) and differs from it where it matters to a client:
 * `profile.profile` has no `userId`; `city` / `state` / `country` are left out for a creator
 * Modash has no location for; contacts may be only a YouTube link; growth can be negative.
 * `lookalikes` are other dataset creators (see `lookalikesOf`).
 */
export function buildReport(
  c: SandboxCreator,
  lookalikes: readonly SandboxCreator[] = [],
): Record<string, unknown> {
  const text = c.platform === 'youtube' ? { description: c.bio } : { bio: c.bio }
  const popular = [...c.recentPosts].sort((a, b) => b.likes - a.likes).slice(0, 3)
  return {
    error: false,
    profile: {
      userId: c.userId,
      profile: reportProfile(c),
      isPrivate: false,
      isVerified: c.isVerified,
      ...(c.accountType !== null ? { accountType: ACCOUNT_TYPES[c.accountType] } : {}),
      ...text,
      ...(c.country !== null ? { city: c.city, state: c.state, country: c.country } : {}),
      gender: c.gender,
      ageGroup: c.ageGroup,
      language: { code: c.language, name: languageName(c.language) },
      contacts: [
        ...c.contacts.map((x) => ({ type: x.type, value: x.value })),
        ...(c.youtubeLink !== null ? [{ type: 'youtube', value: c.youtubeLink }] : []),
      ],
      postsCount: c.postsCount,
      avgLikes: c.avgLikes,
      avgComments: c.avgComments,
      ...platformTotals(c),
      stats: stats(c),
      recentPosts: c.recentPosts.map(post),
      popularPosts: popular.map(post),
      sponsoredPosts: c.recentPosts.filter((p) => p.sponsored).map(post),
      ...sponsoredFigures(c),
      statsByContentType: statsByContentType(c),
      hashtags: c.hashtags.map((tag, i) => ({ tag, weight: round(0.4 / (i + 1)) })),
      mentions: c.mentions.map((tag, i) => ({ tag, weight: round(0.2 / (i + 1)) })),
      interests: c.interests.map((id) => ({ id, name: interestName(id) })),
      brandAffinity: c.brands.map((id) => ({ id, name: brandName(id) })),
      statHistory: c.statHistory.map((m) => ({
        month: m.month,
        followers: m.followers,
        following: m.following,
        avgLikes: m.avgLikes,
        ...(m.avgViews !== null ? { avgViews: m.avgViews } : {}),
      })),
      lookalikes: lookalikes.map(searchHit),
      audience: audienceBlock(c, 'followers'),
      audienceLikers: audienceBlock(c, 'likers'),
      audienceExtra: {},
    },
  }
}

/**
 * A report's inner profile, as recorded live: no `userId` (it is one level up), and the average
 * likes and comments repeated from the report's top level.
 */
function reportProfile(c: SandboxCreator): Record<string, unknown> {
  return {
    fullname: c.fullname,
    username: c.username,
    url: profileUrl(c),
    picture: pictureUrl(c),
    followers: c.followers,
    engagementRate: c.engagementRate,
    engagements: c.engagements,
    avgLikes: c.avgLikes,
    avgComments: c.avgComments,
    ...(c.platform !== 'instagram' ? { averageViews: c.averageViews } : {}),
    ...(c.platform === 'youtube' ? { handle: c.handle } : {}),
  }
}

function platformTotals(c: SandboxCreator): Record<string, number> {
  if (c.platform === 'instagram') return { avgReelsPlays: c.avgReelsPlays ?? 0 }
  const views = c.averageViews ?? 0
  if (c.platform === 'tiktok')
    return { totalLikes: c.avgLikes * c.postsCount, totalViews: views * c.postsCount }
  return { totalViews: views * c.postsCount, avgViews: views }
}
