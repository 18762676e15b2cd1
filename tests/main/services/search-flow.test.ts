import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SearchFilters } from '../../../src/shared/search-filters'
import { startHarness } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

const searchCalls = () => h.modashEmu.calls().filter((c) => c.route === 'search')
const discovery = async () =>
  (await h.core.usage.quota()).meters.find((m) => m.meter === 'discovery')!
const filters: SearchFilters = { influencer: { followers: { min: 10_000, max: 500_000 } } }

describe('search', () => {
  it('buys a page once, then serves it from the cache for free', async () => {
    const first = await h.core.creators.search({ platform: 'instagram', filters, page: 0 })
    expect(first.source).toBe('provider')
    expect(first.creators.length).toBeGreaterThan(0)
    expect(first.creators.length).toBeLessThanOrEqual(15)
    expect(first.resultsCharged).toBe(first.creators.length)

    const again = await h.core.creators.search({ platform: 'instagram', filters, page: 0 })
    expect(again.source).toBe('cache')
    expect(again.resultsCharged).toBe(0)
    expect(again.creators.map((c) => c.id)).toEqual(first.creators.map((c) => c.id))
    expect(again.total).toBe(first.total)

    expect(searchCalls()).toHaveLength(1)
    expect(await discovery()).toMatchObject({ used: first.creators.length, reserved: 0 })
    const charged = h.modashEmu.calls().reduce((sum, c) => sum + c.costMilliCredits, 0)
    expect((await h.core.usage.quota()).modashMilliCreditsUsed).toBe(charged)

    const log = await h.core.usage.log({ page: 0, pageSize: 10 })
    expect(log.rows.map((r) => r.outcome)).toEqual(['cache_hit', 'ok'])
    expect(log.rows[0]).toMatchObject({ cacheHit: true, costUnits: 0 })
    expect(log.rows[1]).toMatchObject({
      cacheHit: false,
      costUnits: first.creators.length,
      httpStatus: 200,
    })
  })

  it('treats the same filters written differently as the same search', async () => {
    await h.core.creators.search({ platform: 'instagram', filters, page: 0 })
    const rewritten = await h.core.creators.search({
      platform: 'instagram',
      page: 0,
      filters: {
        calculationMethod: 'median',
        sort: { field: 'followers', direction: 'desc' },
        influencer: { followers: { max: 498_000, min: 9_800 } },
      },
    })
    expect(rewritten.source).toBe('cache')
    expect(searchCalls()).toHaveLength(1)
  })

  it('pays for a new page and for different filters', async () => {
    await h.core.creators.search({ platform: 'instagram', filters, page: 0 })
    const next = await h.core.creators.search({ platform: 'instagram', filters, page: 1 })
    const other = await h.core.creators.search({ platform: 'tiktok', filters, page: 0 })
    expect(next.source).toBe('provider')
    expect(other.source).toBe('provider')
    expect(searchCalls()).toHaveLength(3)
  })

  it('never stores a creator twice when pages overlap', async () => {
    await h.core.creators.search({ platform: 'instagram', filters, page: 0 })
    await h.core.creators.search({
      platform: 'instagram',
      filters: { ...filters, sort: { field: 'engagements' } },
      page: 0,
    })
    const dupes = await h.core.deps.db
      .selectFrom('creators')
      .select(['platform', 'provider_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['platform', 'provider_id'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
    expect(dupes).toEqual([])
  })

  it('lets exactly 3 of 50 concurrent searches reach Modash when 45 results are left', async () => {
    await h.core.settings.set({ limits: { discovery: 45 } })
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        h.core.creators.search({
          platform: 'instagram',
          filters: { influencer: { followers: { min: 1000 * (i + 1) } } },
          page: 0,
        }),
      ),
    )
    const ok = outcomes.filter((o) => o.status === 'fulfilled')
    expect(ok).toHaveLength(3)
    for (const o of outcomes)
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'QUOTA_EXCEEDED' })
    expect(searchCalls()).toHaveLength(3)
    const meter = await discovery()
    expect(meter.reserved).toBe(0)
    expect(meter.used).toBeLessThanOrEqual(45)
  })

  it('refuses a paid search over the limit without a network call', async () => {
    await h.core.settings.set({ limits: { discovery: 14 } })
    await expect(
      h.core.creators.search({ platform: 'instagram', filters, page: 0 }),
    ).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { resetsAt: '2026-12-01T00:00:00.000Z' },
    })
    expect(searchCalls()).toHaveLength(0)
  })

  it('answers from the local cache when Modash fails, and says so', async () => {
    await h.core.creators.search({ platform: 'instagram', filters, page: 0 })
    h.modashEmu.injectFaults(
      'search',
      Array.from({ length: 3 }, () => ({
        kind: 'status' as const,
        status: 500,
        code: 'internal_server_error',
      })),
    )
    const fallback = await h.core.creators.search({
      platform: 'instagram',
      filters: { influencer: { followers: { min: 20_000 } } },
      page: 0,
    })
    expect(fallback.source).toBe('local')
    expect(fallback.staleReason).toMatch(/Modash could not answer/)
    expect(fallback.localReason).toBe('provider_failed')
    expect(fallback.resultsCharged).toBe(0)
    expect(fallback.creators.length).toBeGreaterThan(0)
    for (const c of fallback.creators) expect(c.followers).toBeGreaterThanOrEqual(20_000)
    expect(await discovery()).toMatchObject({ reserved: 0 })
    const log = await h.core.usage.log({ page: 0, pageSize: 1 })
    expect(log.rows[0]).toMatchObject({ outcome: 'internal_server_error', costUnits: 0 })
  })

  it('says why an answer is local, names the filters it could not apply and what may match', async () => {
    await h.core.creators.search({ platform: 'instagram', filters, page: 0 })
    await h.core.settings.set({ offline: true })
    const local = await h.core.creators.search({
      platform: 'instagram',
      filters: {
        influencer: { location: [148838], followers: { min: 1000 }, relevance: ['@someone'] },
      },
      page: 0,
      // The renderer sends "cache only" whenever offline mode is on: offline is still the reason.
      cacheOnly: true,
    })
    expect(local).toMatchObject({ source: 'local', localReason: 'offline' })
    expect(local.staleReason).toMatch(/^Offline mode is on/)
    expect(local.neverEvaluable).toEqual(['influencer.relevance'])
    expect(local.unappliedFilters).toEqual(['influencer.relevance'])
    // Nothing bought says where these creators live: all may match, none is listed.
    expect(local.creators).toEqual([])
    expect(local.mayMatch).toMatchObject({ unknownFilters: ['influencer.location'] })
    expect(local.mayMatch!.count).toBeGreaterThan(0)
    expect(searchCalls()).toHaveLength(1)
  })

  it('says "cache only" was ticked when it was', async () => {
    const r = await h.core.creators.search({
      platform: 'tiktok',
      filters,
      page: 0,
      cacheOnly: true,
    })
    expect(r).toMatchObject({ source: 'local', localReason: 'cache_only' })
    expect(r.staleReason).toMatch(/Search cache only/)
  })

  it('answers cache-only searches without the network', async () => {
    const r = await h.core.creators.search({
      platform: 'youtube',
      filters,
      page: 0,
      cacheOnly: true,
    })
    expect(r.source).toBe('local')
    expect(searchCalls()).toHaveLength(0)
  })

  it('passes a rejected key through as an error, not a local answer, and refunds the reservation', async () => {
    h.modashEmu.injectFaults('search', [{ kind: 'status', status: 401, code: 'api_token_invalid' }])
    await expect(
      h.core.creators.search({ platform: 'instagram', filters, page: 0 }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
      details: { providerCode: 'api_token_invalid' },
    })
    expect(await discovery()).toMatchObject({ used: 0, reserved: 0 })
  })
})
