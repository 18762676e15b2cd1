import type { SandboxCreator } from '../dataset/generate-dataset'

/** Pictures point at a reserved `.invalid` host: the sandbox must never fetch from the internet. */
export function pictureUrl(c: SandboxCreator): string {
  return `https://img.sandbox.invalid/${c.platform}/${c.userId}.jpg`
}

export function profileUrl(c: SandboxCreator): string {
  if (c.platform === 'instagram') return `https://www.instagram.com/${c.username}/`
  if (c.platform === 'tiktok') return `https://www.tiktok.com/@${c.username}`
  return `https://www.youtube.com/channel/${c.userId}`
}

/**
 * The `profile` object of a search hit as the live API sends it (`docs/providers.md` §1.13): no
 * `userId` inside (it is on the hit only, unlike the docs' example), `isVerified` and `isPrivate`
 * included; TikTok and YouTube add `averageViews`, YouTube its `handle`.
 */
export function searchProfile(c: SandboxCreator): Record<string, unknown> {
  return {
    engagementRate: c.engagementRate,
    engagements: c.engagements,
    followers: c.followers,
    fullname: c.fullname,
    url: profileUrl(c),
    username: c.username,
    isVerified: c.isVerified,
    // A private account has no report and is not listed, so every listed creator is public.
    isPrivate: false,
    picture: pictureUrl(c),
    ...(c.platform !== 'instagram' ? { averageViews: c.averageViews } : {}),
    ...(c.platform === 'youtube' ? { handle: c.handle } : {}),
  }
}

/** A search hit or a report's lookalike: the id on the hit, the profile beside it. */
export function searchHit(c: SandboxCreator): { userId: string; profile: Record<string, unknown> } {
  return { userId: c.userId, profile: searchProfile(c) }
}
