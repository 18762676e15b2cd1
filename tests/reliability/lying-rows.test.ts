import { afterEach, describe, expect, it } from 'vitest'
import { createModashClient } from '../../src/main/providers/modash/modash-client'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import type { SearchResult } from '../../src/shared/domain'
import { MODASH_TOKEN } from '../helpers/core-harness'
import { startLyingProxy } from '../helpers/lying-proxy'
import type { LyingProxy } from '../helpers/lying-proxy'
import { startRig } from './helpers/rig'
import type { Rig } from './helpers/rig'

/**
 * Modash bills every row it returns, so a page with one odd row must be kept, not thrown away:
 * the good rows stored, the odd value stored as unknown (never as a wrong number), and the user
 * told exactly what was charged. The emulator serves and bills the page; a proxy in front of it
 * corrupts the rows on the way, as a provider that lies would.
 */

interface Hit {
  userId?: unknown
  profile: Record<string, unknown>
}
interface Page {
  lookalikes: Hit[]
}

let rig: Rig | null = null
let proxy: LyingProxy | null = null
afterEach(async () => {
  await rig?.close()
  await proxy?.close()
  rig = proxy = null
})

async function rigBehindProxy(): Promise<{ r: Rig; p: LyingProxy }> {
  // The proxy needs the emulator's address, which exists only once the rig has started.
  let viaProxy: ModashApi | null = null
  const lazy: ModashApi = {
    search: (...a) => viaProxy!.search(...a),
    report: (...a) => viaProxy!.report(...a),
    users: (...a) => viaProxy!.users(...a),
    dictionary: (...a) => viaProxy!.dictionary(...a),
    userInfo: () => viaProxy!.userInfo(),
  }
  const r = await startRig({ wrapClients: ({ clay }) => ({ modash: lazy, clay }) })
  const p = await startLyingProxy(r.modashEmu.baseUrl)
  viaProxy = createModashClient({
    baseUrl: p.baseUrl,
    token: () => MODASH_TOKEN,
    retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 5 },
    limits: { searchPerSecond: 1000, reportPerSecond: 1000, usersPerSecond: 1000 },
  })
  rig = r
  proxy = p
  return { r, p }
}

const search = {
  platform: 'instagram',
  page: 0,
  filters: { influencer: { followers: { min: 20_000 } } },
} as const
const used = async (r: Rig) =>
  (await r.ok('usage:quota', {})).meters.find((m) => m.meter === 'discovery')!

describe('a paid page with malformed rows', () => {
  for (const bad of [-5, 'NaN', null] as const) {
    it(`keeps every row when one has followers: ${JSON.stringify(bad)}`, async () => {
      const { r, p } = await rigBehindProxy()
      let oddId = ''
      p.rewriteNext('/search', (body) => {
        const page = body as Page
        const hit = page.lookalikes[3]!
        oddId = String(hit.userId)
        hit.profile.followers = bad
        return page
      })
      const result: SearchResult = await r.ok('creators:search', search)
      expect(result).toMatchObject({ source: 'provider', resultsCharged: 15 })
      expect(result.creators).toHaveLength(15)
      const odd = result.creators.find((c) => c.providerId === oddId)!
      expect(odd.followers).toBeNull()
      if (bad !== null) expect(result.dataNotes?.join(' ')).toMatch(/followers/)
      else expect(result.dataNotes).toEqual([])
      expect(await used(r)).toMatchObject({ used: 15, reserved: 0 })

      const again: SearchResult = await r.ok('creators:search', search)
      expect(again).toMatchObject({ source: 'cache', resultsCharged: 0 })
      expect(r.modashEmu.calls().filter((c) => c.route === 'search')).toHaveLength(1)
    })
  }

  it('counts a row without any id as charged, keeps the rest, and says so', async () => {
    const { r, p } = await rigBehindProxy()
    p.rewriteNext('/search', (body) => {
      const page = body as Page
      delete page.lookalikes[0]!.userId
      delete page.lookalikes[0]!.profile.userId
      return page
    })
    const result: SearchResult = await r.ok('creators:search', search)
    expect(result.resultsCharged).toBe(15)
    expect(result.creators).toHaveLength(14)
    expect(result.dataNotes?.join(' ')).toMatch(/1 of 15 results came without an id/)
    expect(await used(r)).toMatchObject({ used: 15, reserved: 0 })
    expect((await r.ok('usage:quota', {})).modashMilliCreditsUsed).toBe(150)
  })

  it('records a page of 16 results as 16 charged and keeps them all', async () => {
    const { r, p } = await rigBehindProxy()
    p.rewriteNext('/search', (body) => {
      const page = body as Page
      const extra = structuredClone(page.lookalikes[0]!)
      extra.userId = 'extra-row-9000'
      extra.profile.username = 'extra.row.9000'
      page.lookalikes.push(extra)
      return page
    })
    const result: SearchResult = await r.ok('creators:search', search)
    expect(result.resultsCharged).toBe(16)
    expect(result.creators).toHaveLength(16)
    const quota = await r.ok('usage:quota', {})
    expect(quota.meters.find((m) => m.meter === 'discovery')).toMatchObject({
      used: 16,
      reserved: 0,
    })
    expect(quota.modashMilliCreditsUsed).toBe(160)
  })

  it('keeps a report whose inner profile has no id and whose fields are odd', async () => {
    const { r, p } = await rigBehindProxy()
    const page: SearchResult = await r.ok('creators:search', search)
    const creator = page.creators[0]!
    p.rewriteNext('/report', (body) => {
      const report = body as { profile: Record<string, unknown> & { profile: Hit['profile'] } }
      delete report.profile.profile.userId
      report.profile.profile.engagementRate = 'high'
      report.profile.country = 42
      return report
    })
    const detail = await r.ok('creators:select', { creatorId: creator.id })
    expect(detail).toMatchObject({ source: 'provider', reportsCharged: 1 })
    expect(detail.creator.engagementRate).toBeNull()
    expect((await r.ok('usage:quota', {})).meters.find((m) => m.meter === 'report')).toMatchObject({
      used: 1,
      reserved: 0,
    })
    const again = await r.ok('creators:select', { creatorId: creator.id })
    expect(again).toMatchObject({ source: 'cache', reportsCharged: 0 })
  })
})
