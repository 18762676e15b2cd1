import { round } from '../dataset/audience'
import type { SandboxCreator, SandboxPost } from '../dataset/generate-dataset'

/** A post as reports list it (recent, popular and sponsored alike). */
export function post(p: SandboxPost): Record<string, unknown> {
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

/**
 * `stats`: each figure now and its change since the month before, a ratio that is negative for
 * a creator who is shrinking (the live API sends such values; the docs' example only has gains).
 */
export function stats(c: SandboxCreator): Record<string, { value: number; compared: number }> {
  const before = c.statHistory.at(-2)
  const compared = (now: number, then: number | null | undefined) =>
    then === undefined || then === null || then === 0 ? 0 : round(now / then - 1)
  return {
    followers: { value: c.followers, compared: compared(c.followers, before?.followers) },
    avgLikes: { value: c.avgLikes, compared: compared(c.avgLikes, before?.avgLikes) },
    ...(c.averageViews !== null
      ? {
          avgViews: { value: c.averageViews, compared: compared(c.averageViews, before?.avgViews) },
        }
      : {}),
  }
}

/**
 * How sponsored posts do against the rest: medians of each kind, and the ratio of the sponsored
 * median to the organic one (0 when either kind is missing, as there is nothing to compare).
 */
export function sponsoredFigures(c: SandboxCreator): Record<string, number> {
  const sponsored = c.recentPosts.filter((p) => p.sponsored)
  const organic = c.recentPosts.filter((p) => !p.sponsored)
  const likes = (posts: SandboxPost[]) => median(posts.map((p) => p.likes))
  const views = (posts: SandboxPost[]) =>
    median(posts.flatMap((p) => (p.views === null ? [] : [p.views])))
  const ratio = (a: number, b: number) => (a === 0 || b === 0 ? 0 : round(a / b))
  return {
    paidPostPerformance: ratio(likes(sponsored), likes(organic)),
    paidPostPerformanceViews: ratio(views(sponsored), views(organic)),
    sponsoredPostsMedianViews: views(sponsored),
    sponsoredPostsMedianLikes: likes(sponsored),
    nonSponsoredPostsMedianViews: views(organic),
    nonSponsoredPostsMedianLikes: likes(organic),
  }
}

/**
 * `statsByContentType`: the creator's figures over all content, then per kind of post (Instagram
 * reels vs photo posts; TikTok and YouTube only have videos). A kind with no recent post is left
 * out rather than reported as zeros.
 */
export function statsByContentType(c: SandboxCreator): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {
    all: {
      engagements: c.engagements,
      engagementRate: c.engagementRate,
      avgLikes: c.avgLikes,
      avgComments: c.avgComments,
      ...(c.averageViews !== null ? { avgViews: c.averageViews } : {}),
      ...(c.avgReelsPlays !== null ? { avgReelsPlays: c.avgReelsPlays } : {}),
    },
  }
  const videos = c.recentPosts.filter((p) => p.views !== null)
  const photos = c.recentPosts.filter((p) => p.views === null)
  const kinds: [string, SandboxPost[]][] =
    c.platform === 'instagram'
      ? [
          ['reels', videos],
          ['posts', photos],
        ]
      : [['videos', videos]]
  for (const [kind, posts] of kinds) {
    if (posts.length === 0) continue
    const avgLikes = Math.round(mean(posts.map((p) => p.likes)))
    const avgComments = Math.round(mean(posts.map((p) => p.comments)))
    const viewed = posts.flatMap((p) => (p.views === null ? [] : [p.views]))
    out[kind] = {
      engagements: avgLikes + avgComments,
      engagementRate: round((avgLikes + avgComments) / c.followers, 6),
      avgLikes,
      avgComments,
      ...(viewed.length > 0 ? { avgViews: Math.round(mean(viewed)) } : {}),
    }
  }
  return out
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2)
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}
