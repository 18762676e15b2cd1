import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'
import type { CreatorSummary } from '../../../src/shared/domain'

/**
 * Handles and links checked against the real cache and, for the rest, Modash's free handle
 * lookup on the emulator: what is cached, what resolves, what does not exist; nothing bought.
 */
let h: Harness
let cached: CreatorSummary
let youtube: CreatorSummary
let uncached: SandboxCreator[]
let tiktok: SandboxCreator

beforeAll(async () => {
  h = await startHarness()
  const page = await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
  const yt = await h.core.creators.search({ platform: 'youtube', filters: {}, page: 0 })
  const first = page.creators[0]
  const firstYoutube = yt.creators[0]
  if (!first || !firstYoutube) throw new Error('empty page')
  cached = first
  youtube = firstYoutube
  const seen = new Set(page.creators.map((c) => c.providerId))
  uncached = h.dataset.filter((c) => c.platform === 'instagram' && !seen.has(c.userId)).slice(0, 2)
  const t = h.dataset.find((c) => c.platform === 'tiktok')
  if (!t) throw new Error('no tiktok creator')
  tiktok = t
})
afterAll(async () => h?.close())

const usersCalls = () => h.modashEmu.calls().filter((c) => c.route === 'users').length
const paidCalls = () =>
  h.modashEmu.calls().filter((c) => c.route === 'search' || c.route === 'report').length

function input(lookup: boolean) {
  const [a, b] = uncached
  if (!a || !b) throw new Error('not enough creators')
  return {
    lines: [
      `@${cached.handle}`,
      `https://www.instagram.com/${a.username}/?hl=en`,
      `https://www.tiktok.com/@${tiktok.username}/video/7234567890123456789`,
      '@nobody.at.all.here',
      a.username.toUpperCase(),
      'Jane Doe',
      `https://www.youtube.com/channel/${youtube.providerId}`,
      `https://www.youtube.com/@${youtube.handle}`,
      `instagram.com/${b.username}`,
    ],
    format: 'lines' as const,
    platform: 'instagram' as const,
    lookup,
  }
}

describe('checking imported handles', () => {
  it('without lookups: the cache only, no network', async () => {
    const before = h.modashEmu.calls().length
    const check = await h.core.bulk.check(input(false))
    expect(h.modashEmu.calls().length).toBe(before)
    expect(check.entries.map((e) => [e.line, e.status])).toEqual([
      [1, 'cached'],
      [2, 'unchecked'],
      [3, 'unchecked'],
      [4, 'unchecked'],
      [5, 'duplicate'],
      [6, 'invalid'],
      [7, 'cached'],
      [8, 'duplicate'],
      [9, 'unchecked'],
    ])
    expect(check.entries[4]?.note).toBe('same as line 2')
    expect(check.entries[7]?.note).toBe('same creator as line 7')
    expect(check.creatorIds).toEqual([cached.id, youtube.id])
    expect(check.lookups).toBe(0)
  })

  it('with lookups: the rest resolved for free and kept; the unknown said so', async () => {
    const paidBefore = paidCalls()
    const usersBefore = usersCalls()
    const check = await h.core.bulk.check(input(true))
    expect(check.counts).toEqual({
      cached: 2,
      resolved: 3,
      not_found: 1,
      unchecked: 0,
      duplicate: 2,
      invalid: 1,
    })
    expect(check.lookups).toBe(4)
    expect(usersCalls() - usersBefore).toBe(4)
    expect(paidCalls()).toBe(paidBefore)
    expect(h.modashEmu.balance('mdsh-test-token-7f3a9c1e5b')).toBe(10_000_000 - 2 * 15 * 10)
    const resolved = check.entries.filter((e) => e.status === 'resolved')
    expect(resolved.map((e) => [e.platform, e.creator?.handle])).toEqual([
      ['instagram', uncached[0]?.username],
      ['tiktok', tiktok.username],
      ['instagram', uncached[1]?.username],
    ])
    // Kept in the cache: the profile opens for free, by id, with what the lookup said.
    const kept = await h.core.creators.get(resolved[1]?.creator?.id ?? 0)
    expect(kept.creator).toMatchObject({
      providerId: tiktok.userId,
      handle: tiktok.username,
      followers: tiktok.followers,
      hasDetailedProfile: false,
    })
    expect(check.entries[3]).toMatchObject({ status: 'not_found', line: 4 })
    expect(check.creatorIds).toHaveLength(5)
  })

  it('checking again finds the resolved ones in the cache', async () => {
    const usersBefore = usersCalls()
    const check = await h.core.bulk.check(input(true))
    expect(check.counts.cached).toBe(5)
    expect(check.counts.not_found).toBe(1)
    expect(usersCalls() - usersBefore).toBe(1)
  })

  it('reads a CSV column and reports where each line was', async () => {
    const check = await h.core.bulk.check({
      lines: [
        'Name;Handle',
        `Jane,@${cached.handle}`,
        'Sam,@@',
        'Lee,"https://vm.tiktok.com/ZM1/"',
      ],
      format: 'csv',
      platform: 'instagram',
      lookup: false,
    })
    // The header names no column on its own line (";" is not the delimiter): all one column.
    expect(check.columns).toHaveLength(2)
    const named = await h.core.bulk.check({
      lines: [
        'Name,Handle',
        `Jane,@${cached.handle}`,
        'Sam,@@',
        'Lee,"https://vm.tiktok.com/ZM1/"',
      ],
      format: 'csv',
      platform: 'instagram',
      lookup: false,
    })
    expect(named.columns).toEqual(['Name', 'Handle'])
    expect(named.entries.map((e) => [e.line, e.status, e.note])).toEqual([
      [2, 'cached', null],
      [3, 'invalid', 'no handle in it'],
      [4, 'invalid', 'a TikTok short link: open it and paste the profile link it leads to'],
    ])
  })
})
