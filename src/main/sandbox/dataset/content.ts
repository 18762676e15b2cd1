import type { Platform } from '../../../shared/platforms'
import { round } from './audience'
import { BIO_EXTRAS } from './niches'
import type { Niche } from './niches'
import type { Rng } from './prng'
import type { SandboxPost, SandboxStatMonth } from './types'

const DIGITS = '0123456789'
const SHORTCODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'
const DAY_MS = 86_400_000

export function generateBio(
  rng: Rng,
  niche: Niche,
  place: string | null,
  email: string | null,
): string {
  const parts = [rng.pick(niche.taglines)]
  if (place !== null && rng.chance(0.6)) parts.push(`${place} based`)
  parts.push(rng.pick(BIO_EXTRAS))
  // Only some creators put the address in the bio; the rest use the contact button.
  if (email !== null && rng.chance(0.6)) parts.push(`Collabs: ${email}`)
  return parts.join(' | ')
}

export interface PostInputs {
  platform: Platform
  username: string
  lastPostedDaysAgo: number
  avgLikes: number
  avgComments: number
  /** Average views of the creator's videos (TikTok/YouTube views, Instagram reels plays). */
  avgViews: number | null
  hashtags: readonly string[]
  mentions: readonly string[]
  hasSponsoredPosts: boolean
  clock: DatasetClock
}

export function generatePosts(rng: Rng, niche: Niche, input: PostInputs): SandboxPost[] {
  const posts: SandboxPost[] = []
  let daysAgo = input.lastPostedDaysAgo
  const count = rng.int(3, 5)
  for (let i = 0; i < count; i++) {
    const tags = rng.sample(input.hashtags, rng.int(1, 3))
    const sponsored = input.hasSponsoredPosts && input.mentions.length > 0 && rng.chance(0.3)
    const mentions = sponsored ? [rng.pick(input.mentions)] : []
    const text = [
      rng.pick(niche.captions),
      ...tags.map((t) => `#${t}`),
      ...mentions.map((m) => `@${m}`),
      ...(sponsored ? ['#ad'] : []),
    ].join(' ')
    const isVideo = input.platform !== 'instagram' || rng.chance(0.5)
    const id = postId(rng, input.platform)
    posts.push({
      id,
      text,
      url: postUrl(input.platform, input.username, id),
      created: input.clock.isoBefore(daysAgo * DAY_MS + rng.int(0, 86_399) * 1000),
      daysAgo,
      likes: Math.round(input.avgLikes * rng.logNormal(0, 0.4)),
      comments: Math.round(input.avgComments * rng.logNormal(0, 0.5)),
      views:
        isVideo && input.avgViews !== null
          ? Math.round(input.avgViews * rng.logNormal(0, 0.5))
          : null,
      hashtags: tags,
      mentions,
      sponsored,
    })
    daysAgo += rng.int(1, 10)
  }
  return posts
}

function postId(rng: Rng, platform: Platform): string {
  if (platform === 'instagram') return `C${rng.chars(SHORTCODE_CHARS, 10)}`
  if (platform === 'tiktok') return `7${rng.chars(DIGITS, 18)}`
  return rng.chars(SHORTCODE_CHARS, 11)
}

function postUrl(platform: Platform, username: string, id: string): string {
  if (platform === 'instagram') return flat(['https://www.instagram.com/p/', id, '/'])
  if (platform === 'tiktok') return flat(['https://www.tiktok.com/@', username, '/video/', id])
  return flat(['https://www.youtube.com/watch?v=', id])
}

/**
 * Joins into one flat string. A template literal keeps its pieces as a rope, and with tens of
 * thousands of posts retained those ropes were a tenth of the dataset's heap (and GC time).
 */
function flat(parts: readonly string[]): string {
  return parts.join('')
}

export interface HistoryInputs {
  followers: number
  following: number
  avgLikes: number
  avgViews: number | null
  /** Monthly growth ratio; past months are the current figures discounted by it. */
  growth: number
  clock: DatasetClock
}

export function generateStatHistory(rng: Rng, input: HistoryInputs): SandboxStatMonth[] {
  const history: SandboxStatMonth[] = []
  for (let back = 5; back >= 0; back--) {
    const factor = (1 + input.growth) ** back
    const noise = back === 0 ? 1 : rng.logNormal(0, 0.05)
    history.push({
      month: input.clock.monthsBack(back),
      followers: Math.max(0, Math.round(input.followers / factor)),
      following: Math.max(0, input.following - back * rng.int(0, 5)),
      avgLikes: Math.max(0, Math.round((input.avgLikes / factor) * noise)),
      avgViews:
        input.avgViews === null ? null : Math.max(0, Math.round((input.avgViews / factor) * noise)),
    })
  }
  return history
}

/** Growth over `months` at a compounded monthly rate, as Modash's `followersGrowthRate` reads it. */
export function growthOver(monthlyRate: number, months: number): number {
  return round((1 + monthlyRate) ** months - 1, 6)
}

/**
 * Dates counted back from the dataset's reference instant. Formatting is cached per day because
 * `Date#toISOString` for every post and month was a large part of the generation time.
 */
export class DatasetClock {
  private readonly days = new Map<number, string>()
  private readonly months: string[] = []

  constructor(private readonly referenceMs: number) {
    const ref = new Date(referenceMs)
    for (let back = 0; back < 12; back++) {
      const month = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - back, 1))
      this.months.push(month.toISOString().slice(0, 7))
    }
  }

  /** `YYYY-MM` of the month `back` months before the reference month (0..11). */
  monthsBack(back: number): string {
    const month = this.months[back]
    if (month === undefined) throw new RangeError('monthsBack supports 0..11')
    return month
  }

  /** ISO-8601 of the instant `ms` milliseconds before the reference. */
  isoBefore(ms: number): string {
    const at = this.referenceMs - ms
    const day = Math.floor(at / DAY_MS)
    let date = this.days.get(day)
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 10)
      this.days.set(day, date)
    }
    const t = at - day * DAY_MS
    const hh = Math.floor(t / 3_600_000)
    const mm = Math.floor(t / 60_000) % 60
    const ss = Math.floor(t / 1000) % 60
    return flat([
      date,
      'T',
      pad(hh, 2),
      ':',
      pad(mm, 2),
      ':',
      pad(ss, 2),
      '.',
      pad(t % 1000, 3),
      'Z',
    ])
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
