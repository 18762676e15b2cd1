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

/** The `profile` object of a search hit (`providers.md` §1.6), with the per-platform extras. */
export function searchProfile(c: SandboxCreator): Record<string, unknown> {
  return {
    userId: c.userId,
    fullname: c.fullname,
    username: c.username,
    url: profileUrl(c),
    picture: pictureUrl(c),
    followers: c.followers,
    engagements: c.engagements,
    engagementRate: c.engagementRate,
    ...(c.platform !== 'instagram' ? { averageViews: c.averageViews } : {}),
    ...(c.platform === 'youtube' ? { handle: c.handle } : {}),
  }
}
