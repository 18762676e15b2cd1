import { describe, expect, it } from 'vitest'
import { parseHandle } from '../../../src/main/bulk/handle-forms'
import type { Platform } from '../../../src/shared/platforms'

/**
 * What people really paste: addresses copied from browser bars and apps (tracking parameters,
 * mobile hosts, stories and video links), spreadsheet cells (quotes, trailing commas, invisible
 * characters), and the garbage that ends up in a column of handles.
 */
type Case = readonly [input: string, platform: Platform, handle: string, kind?: 'channel']

const ACCOUNTS: readonly Case[] = [
  // Bare handles take the platform chosen for them (Instagram here).
  ['@jane.doe', 'instagram', 'jane.doe'],
  ['jane.doe', 'instagram', 'jane.doe'],
  ['Jane.Doe', 'instagram', 'jane.doe'],
  ['  @Jane_Doe  ', 'instagram', 'jane_doe'],
  ['@@jane.doe', 'instagram', 'jane.doe'],
  ['＠ｊａｎｅ．ｄｏｅ', 'instagram', 'jane.doe'],
  ['\u200Bjane.doe\uFEFF', 'instagram', 'jane.doe'],
  ['"@jane.doe",', 'instagram', 'jane.doe'],
  ['“@jane.doe”', 'instagram', 'jane.doe'],
  ['(@jane.doe)', 'instagram', 'jane.doe'],
  ['@jane.doe.', 'instagram', 'jane.doe'],
  ['<https://instagram.com/jane.doe>', 'instagram', 'jane.doe'],
  // Instagram addresses.
  ['https://www.instagram.com/jane.doe/', 'instagram', 'jane.doe'],
  ['https://www.instagram.com/jane.doe/?hl=en', 'instagram', 'jane.doe'],
  ['http://instagram.com/jane.doe?igshid=MzRlODBiNWFlZA==', 'instagram', 'jane.doe'],
  ['instagram.com/jane.doe', 'instagram', 'jane.doe'],
  ['www.instagram.com/Jane.Doe', 'instagram', 'jane.doe'],
  ['https://m.instagram.com/jane.doe/', 'instagram', 'jane.doe'],
  ['https://instagr.am/jane.doe', 'instagram', 'jane.doe'],
  ['HTTPS://WWW.INSTAGRAM.COM/JANE.DOE/', 'instagram', 'jane.doe'],
  ['https://www.instagram.com/jane.doe/reels/', 'instagram', 'jane.doe'],
  ['https://www.instagram.com/stories/jane.doe/3141592653589793238/', 'instagram', 'jane.doe'],
  ['https://www.instagram.com/jane.doe#top', 'instagram', 'jane.doe'],
  // TikTok addresses.
  ['https://www.tiktok.com/@sam.bakes', 'tiktok', 'sam.bakes'],
  ['https://www.tiktok.com/@Sam.Bakes?lang=en&is_from_webapp=1', 'tiktok', 'sam.bakes'],
  ['https://www.tiktok.com/@sam.bakes/video/7234567890123456789', 'tiktok', 'sam.bakes'],
  ['tiktok.com/@sam.bakes', 'tiktok', 'sam.bakes'],
  ['https://m.tiktok.com/@sam.bakes', 'tiktok', 'sam.bakes'],
  ['https://www.tiktok.com/%40sam.bakes', 'tiktok', 'sam.bakes'],
  // YouTube: handles, channel ids, legacy custom and user addresses.
  ['https://www.youtube.com/@MrBeast', 'youtube', 'mrbeast'],
  ['https://youtube.com/@mrbeast/videos', 'youtube', 'mrbeast'],
  ['https://m.youtube.com/@mrbeast?si=abc', 'youtube', 'mrbeast'],
  [
    'https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA',
    'youtube',
    'UCX6OQ3DkcsbYNE6H8uQQuVA',
    'channel',
  ],
  [
    'https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA/featured',
    'youtube',
    'UCX6OQ3DkcsbYNE6H8uQQuVA',
    'channel',
  ],
  ['https://www.youtube.com/c/MrBeast6000', 'youtube', 'mrbeast6000'],
  ['https://www.youtube.com/user/PewDiePie', 'youtube', 'pewdiepie'],
  ['https://www.youtube.com/mrbeast6000', 'youtube', 'mrbeast6000'],
  ['https://www.youtube.com/@%E3%81%82%E3%81%84%E3%81%86', 'youtube', 'あいう'],
  // Labelled values say their platform, whatever the default.
  ['ig: jane.doe', 'instagram', 'jane.doe'],
  ['Instagram: @jane.doe', 'instagram', 'jane.doe'],
  ['TikTok: @sam.bakes', 'tiktok', 'sam.bakes'],
  ['tt:sam.bakes', 'tiktok', 'sam.bakes'],
  ['yt: @mrbeast', 'youtube', 'mrbeast'],
  ['YouTube: https://www.youtube.com/@mrbeast', 'youtube', 'mrbeast'],
]

const GARBAGE: readonly (readonly [input: string, reason: RegExp])[] = [
  ['Jane Doe', /spaces/],
  ['jane@example.com', /email address/],
  ['#foodie', /hashtag/],
  ['@', /no handle/],
  ['jane!doe', /not a valid Instagram handle/],
  ['a'.repeat(31), /not a valid Instagram handle/],
  ['=HYPERLINK("http://evil.example")', /not a valid/],
  ['javascript:alert(1)', /not a valid/],
  ['https://www.instagram.com/p/CxYz123AbC/', /post/],
  ['https://www.instagram.com/reel/CxYz123AbC/', /post/],
  ['https://www.instagram.com/explore/tags/food/', /not a profile/],
  ['https://www.instagram.com/', /not to a profile/],
  ['https://www.instagram.com.evil.example/jane', /instagram\.com\.evil\.example/],
  ['https://evilinstagram.com/jane', /evilinstagram\.com/],
  ['https://vm.tiktok.com/ZMabc123/', /short link/],
  ['https://www.tiktok.com/t/ZTRabc123/', /short link/],
  ['https://www.tiktok.com/tag/baking', /not a profile/],
  ['https://www.tiktok.com/sam.bakes', /tiktok\.com\/@name/],
  ['https://www.tiktok.com/@a', /not a valid TikTok handle/],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', /video link/],
  ['https://youtu.be/dQw4w9WgXcQ', /video link/],
  ['https://www.youtube.com/shorts/abc123', /video link/],
  ['https://www.youtube.com/channel/not-an-id', /channel id/],
  ['https://www.youtube.com/playlist?list=PL123', /not a channel/],
  ['https://twitter.com/jane', /twitter\.com, not to Instagram/],
  ['x.com/jane', /x\.com/],
  ['https://linktr.ee/jane', /linktr\.ee/],
  ['ftp://instagram.com/jane', /not a web link/],
  ['https://', /not a valid link/],
  ['tt: https://www.instagram.com/jane.doe', /labelled TikTok but links elsewhere/],
]

describe('reading a pasted handle or profile link', () => {
  it.each(
    ACCOUNTS.map(([input, platform, handle, kind]) => ({
      input,
      platform,
      handle,
      kind: kind ?? 'handle',
    })),
  )('$input → $platform $handle', ({ input, platform, handle, kind }) => {
    expect(parseHandle(input, 'instagram')).toEqual({ ok: true, platform, handle, kind })
  })

  it.each(GARBAGE)('refuses %s', (input, reason) => {
    const parsed = parseHandle(input, 'instagram')
    expect(parsed?.ok).toBe(false)
    if (parsed?.ok === false) expect(parsed.reason).toMatch(reason)
  })

  it('gives a bare handle the platform chosen for it, and a link its own', () => {
    expect(parseHandle('@sam.bakes', 'tiktok')).toMatchObject({ platform: 'tiktok' })
    expect(parseHandle('instagram.com/sam.bakes', 'tiktok')).toMatchObject({
      platform: 'instagram',
    })
    expect(parseHandle('UCX6OQ3DkcsbYNE6H8uQQuVA', 'youtube')).toEqual({
      ok: true,
      platform: 'youtube',
      handle: 'UCX6OQ3DkcsbYNE6H8uQQuVA',
      kind: 'channel',
    })
  })

  it('reads nothing from a blank value', () => {
    for (const blank of ['', '   ', '""', '\u200B', ',;'])
      expect(parseHandle(blank, 'instagram')).toBeNull()
  })
})
