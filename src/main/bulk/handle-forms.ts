import type { Platform } from '../../shared/platforms'

/**
 * One pasted value → the account it names. People paste whatever their browser or spreadsheet
 * holds: "@name", "name", full links with tracking parameters, mobile hosts, YouTube's four kinds
 * of channel address, TikTok video links. Each is read to the platform and handle it names, or
 * refused with the reason in plain words (a post link, a short link, an email address…), since a
 * wrong guess would be a lookup, and later a report, for somebody else.
 */
export type ParsedHandle =
  | { ok: true; platform: Platform; handle: string; kind: 'handle' | 'channel' }
  | { ok: false; reason: string }

export const PLATFORM_NAMES: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
}

/** Instagram paths that are not a profile (`instagram.com/<this>/…`). */
const INSTAGRAM_POSTS = new Set(['p', 'reel', 'reels', 'tv'])
const INSTAGRAM_RESERVED = new Set([
  'explore',
  'accounts',
  'direct',
  'about',
  'legal',
  'developer',
  'web',
  'challenge',
  'emails',
  'directory',
  'privacy',
  'terms',
])
const YOUTUBE_VIDEOS = new Set(['watch', 'shorts', 'embed', 'live', 'v', 'clip'])
const YOUTUBE_RESERVED = new Set([
  'playlist',
  'results',
  'feed',
  'hashtag',
  'post',
  'redirect',
  'account',
  'premium',
  'gaming',
  'music',
  'kids',
  'about',
  't',
])
const TIKTOK_RESERVED = new Set(['discover', 'tag', 'music', 'explore', 'foryou', 'live', 'search'])

/** A YouTube channel id: `UC` and 22 characters; case matters, so it is kept as written. */
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/

const HANDLE_RULES: Record<Platform, RegExp> = {
  // Instagram: letters, digits, periods and underscores, up to 30.
  instagram: /^[a-z0-9._]{1,30}$/,
  // TikTok: the same characters, 2 to 24.
  tiktok: /^[a-z0-9._]{2,24}$/,
  // YouTube handles allow letters of any script, digits, ".", "_" and "-"; legacy custom names
  // (`/c/…`, `/user/…`) run longer.
  youtube: /^[\p{L}\p{N}._-]{3,100}$/u,
}

const PREFIX = /^(instagram|insta|ig|tiktok|tt|youtube|yt)\s*[:：]\s*(.+)$/i
const PREFIX_PLATFORMS: Record<string, Platform> = {
  instagram: 'instagram',
  insta: 'instagram',
  ig: 'instagram',
  tiktok: 'tiktok',
  tt: 'tiktok',
  youtube: 'youtube',
  yt: 'youtube',
}

/** Reads one value; null when nothing is there (a blank cell is not a mistake). */
export function parseHandle(raw: string, defaultPlatform: Platform): ParsedHandle | null {
  const value = tidy(raw)
  if (value === '') return null
  const prefixed = PREFIX.exec(value)
  if (prefixed) {
    const platform = PREFIX_PLATFORMS[(prefixed[1] ?? '').toLowerCase()] ?? defaultPlatform
    const rest = prefixed[2] ?? ''
    const parsed = looksLikeLink(rest) ? parseLink(rest) : parseBare(rest, platform)
    if (parsed.ok && parsed.platform !== platform)
      return { ok: false, reason: `labelled ${PLATFORM_NAMES[platform]} but links elsewhere` }
    return parsed
  }
  return looksLikeLink(value) ? parseLink(value) : parseBare(value, defaultPlatform)
}

/** Compatibility forms (full-width "＠", ligatures) folded; invisible characters and wrapping quotes, brackets and trailing punctuation dropped. */
function tidy(raw: string): string {
  let s = raw
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .trim()
  for (;;) {
    const next = s
      .replace(/^["'“”‘’<([]+/, '')
      .replace(/["'“”‘’>)\]]+$/, '')
      .replace(/[,;.!?]+$/, '')
      .trim()
    if (next === s) return s
    s = next
  }
}

const KNOWN_HOST = /(^|\.)(instagram\.com|instagr\.am|tiktok\.com|youtube\.com|youtu\.be)$/i

function looksLikeLink(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^www\./i.test(value)) return true
  const host = /^([^/\s?#@]+)[/?#]/.exec(value)?.[1] ?? value.split(/[/?#]/)[0] ?? ''
  return KNOWN_HOST.test(host) || (host.includes('.') && value.includes('/'))
}

function parseLink(value: string): ParsedHandle {
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`)
  } catch {
    return { ok: false, reason: 'not a valid link' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: 'not a web link' }
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment)
  if (/(^|\.)(instagram\.com|instagr\.am)$/.test(host)) return instagramLink(segments)
  if (/(^|\.)tiktok\.com$/.test(host)) return tiktokLink(host, segments)
  if (/(^|\.)youtube\.com$/.test(host)) return youtubeLink(segments)
  if (host === 'youtu.be') return { ok: false, reason: 'a video link, not a channel link' }
  return { ok: false, reason: `a link to ${host}, not to Instagram, TikTok or YouTube` }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function instagramLink(segments: string[]): ParsedHandle {
  const [first, second] = segments
  if (first === undefined) return { ok: false, reason: 'a link to Instagram, not to a profile' }
  const lower = first.toLowerCase()
  if (INSTAGRAM_POSTS.has(lower)) return { ok: false, reason: 'a link to a post, not to a profile' }
  // `instagram.com/stories/<name>/<id>`: the story's author.
  if (lower === 'stories' && second !== undefined) return checked('instagram', second, 'handle')
  if (INSTAGRAM_RESERVED.has(lower) || lower === 'stories')
    return { ok: false, reason: 'an Instagram page, not a profile' }
  return checked('instagram', first, 'handle')
}

function tiktokLink(host: string, segments: string[]): ParsedHandle {
  const [first] = segments
  if (/^(vm|vt)\./.test(host) || first === 't')
    return {
      ok: false,
      reason: 'a TikTok short link: open it and paste the profile link it leads to',
    }
  if (first === undefined) return { ok: false, reason: 'a link to TikTok, not to a profile' }
  // `tiktok.com/@name`, also `tiktok.com/@name/video/123`: the video's author.
  if (first.startsWith('@')) return checked('tiktok', first.slice(1), 'handle')
  if (TIKTOK_RESERVED.has(first.toLowerCase()))
    return { ok: false, reason: 'a TikTok page, not a profile' }
  return { ok: false, reason: 'not a TikTok profile link (those read tiktok.com/@name)' }
}

function youtubeLink(segments: string[]): ParsedHandle {
  const [first, second] = segments
  if (first === undefined) return { ok: false, reason: 'a link to YouTube, not to a channel' }
  if (first.startsWith('@')) return checked('youtube', first.slice(1), 'handle')
  const lower = first.toLowerCase()
  if (lower === 'channel') {
    if (second !== undefined && CHANNEL_ID.test(second))
      return { ok: true, platform: 'youtube', handle: second, kind: 'channel' }
    return { ok: false, reason: 'not a valid YouTube channel id' }
  }
  // Legacy custom addresses: `/c/name` and `/user/name`.
  if (lower === 'c' || lower === 'user') {
    if (second === undefined) return { ok: false, reason: 'a YouTube link without a channel' }
    return checked('youtube', second, 'handle')
  }
  if (YOUTUBE_VIDEOS.has(lower)) return { ok: false, reason: 'a video link, not a channel link' }
  if (YOUTUBE_RESERVED.has(lower)) return { ok: false, reason: 'a YouTube page, not a channel' }
  // `youtube.com/name`: an old vanity address of a channel.
  return checked('youtube', first, 'handle')
}

function parseBare(value: string, platform: Platform): ParsedHandle {
  if (/\s/.test(value))
    return { ok: false, reason: 'has spaces: a name or a sentence, not a handle' }
  if (value.startsWith('#')) return { ok: false, reason: 'a hashtag, not a handle' }
  if (/^[^@]+@[^@]+\.[^@]+$/.test(value))
    return { ok: false, reason: 'an email address, not a handle' }
  const name = value.replace(/^@+/, '')
  if (platform === 'youtube' && CHANNEL_ID.test(name))
    return { ok: true, platform, handle: name, kind: 'channel' }
  return checked(platform, name, 'handle')
}

function checked(platform: Platform, rawName: string, kind: 'handle'): ParsedHandle {
  const name = rawName.replace(/^@+/, '').toLowerCase()
  if (name === '') return { ok: false, reason: 'no handle in it' }
  if (!HANDLE_RULES[platform].test(name))
    return {
      ok: false,
      reason: `not a valid ${PLATFORM_NAMES[platform]} handle`,
    }
  return { ok: true, platform, handle: name, kind }
}
