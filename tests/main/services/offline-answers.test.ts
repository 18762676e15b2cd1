import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatasetIndex } from '../../../src/main/sandbox/modash-emulator/dataset-index'
import { runSearch } from '../../../src/main/sandbox/modash-emulator/search'
import { searchBodySchema } from '../../../src/main/sandbox/modash-emulator/search-schema'
import type { SearchResult } from '../../../src/shared/domain'
import type { SearchFilters } from '../../../src/shared/search-filters'
import { startHarness } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'

/**
 * Offline answers end to end through the core, over the Modash emulator: the issue's own case
 * (Germany offline), a city, and a search answered free online because an earlier, broader one
 * was fetched to its last page.
 */

const GERMANY = 51477
const BERLIN = 62422

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

const searchCalls = () => h.modashEmu.calls().filter((c) => c.route === 'search')
const search = (filters: SearchFilters, page = 0) =>
  h.core.creators.search({ platform: 'instagram', filters, page })
const country = (providerId: string) =>
  h.dataset.find((c) => c.platform === 'instagram' && c.userId === providerId)?.country ?? null

/** Every cached Instagram creator with what the emulator knows of its country. */
async function cached() {
  const rows = await h.core.deps.db
    .selectFrom('creators')
    .select(['id', 'provider_id', 'has_detailed_profile'])
    .where('platform', '=', 'instagram')
    .execute()
  return rows.map((r) => ({ ...r, country: country(r.provider_id) }))
}

describe('offline: location', () => {
  it('lists only creators proven German, and counts the others that may be', async () => {
    // A broad search (mostly Americans), one bought for Germany, and a few reports.
    const broad = await search({ influencer: { followers: { min: 10_000 } } })
    const german = await search({ influencer: { location: [GERMANY] } })
    for (const c of broad.creators.slice(0, 6)) await h.core.creators.select(c.id)
    await h.core.settings.set({ offline: true })

    const answer = await search({
      influencer: { location: [GERMANY] },
      sort: { field: 'engagementRate' },
    })
    expect(answer).toMatchObject({ source: 'local', localReason: 'offline', neverEvaluable: [] })
    const all = await cached()
    const reportedGermans = all.filter((c) => c.has_detailed_profile === 1 && c.country === 'DE')
    const proven = new Set([
      ...german.creators.map((c) => c.id),
      ...reportedGermans.map((c) => c.id),
    ])
    expect(new Set(answer.creators.map((c) => c.id))).toEqual(proven)
    expect(answer.total).toBe(proven.size)
    for (const c of answer.creators) expect(country(c.providerId)).toBe('DE')
    // In the requested order.
    const rates = answer.creators.map((c) => c.engagementRate ?? 0)
    expect(rates).toEqual([...rates].sort((a, b) => b - a))

    // The rest: unreported creators not on the German page; reported non-Germans are out.
    const open = all.filter((c) => c.has_detailed_profile === 0 && !proven.has(c.id))
    expect(answer.mayMatch).toEqual({
      count: open.length,
      capped: false,
      unknownFilters: ['influencer.location'],
    })
    // Every German in the cache is either listed or among those that may match.
    for (const c of all.filter((x) => x.country === 'DE'))
      expect(proven.has(c.id) || open.some((o) => o.id === c.id)).toBe(true)
    expect(searchCalls()).toHaveLength(2)
  })

  it('takes a city for "unknown" among its country\'s creators and rules out the rest', async () => {
    const german = await search({ influencer: { location: [GERMANY] } })
    for (const c of german.creators.slice(0, 4)) await h.core.creators.select(c.id)
    const broad = await search({ influencer: { followers: { min: 10_000 } } })
    for (const c of broad.creators.slice(0, 4)) await h.core.creators.select(c.id)
    // The picker looked Berlin up online: the cache now knows it lies in Germany.
    await h.core.dictionaries.search({ platform: 'instagram', kind: 'locations', query: 'berl' })
    await h.core.settings.set({ offline: true })

    const answer = await search({ influencer: { location: [BERLIN] } })
    expect(answer.creators).toEqual([])
    expect(answer.neverEvaluable).toEqual([])
    const all = await cached()
    const outside = all.filter((c) => c.has_detailed_profile === 1 && c.country !== 'DE').length
    expect(outside).toBeGreaterThan(0)
    expect(answer.mayMatch?.count).toBe(all.length - outside)
  })

  it('names a location it cannot place, and applies the other filters', async () => {
    await search({ influencer: { followers: { min: 10_000 } } })
    await h.core.settings.set({ offline: true })
    const answer = await search({
      influencer: { location: [123_456_789], followers: { min: 50_000 } },
    })
    expect(answer.neverEvaluable).toEqual(['influencer.location'])
    expect(answer.creators.length).toBeGreaterThan(0)
    for (const c of answer.creators) expect(c.followers).toBeGreaterThanOrEqual(50_000)
  })
})

describe('online: a search inside one fetched to its last page', () => {
  const US = 148838
  const wide: SearchFilters = { influencer: { location: [US], followers: { min: 50_000 } } }

  async function fetchAll(filters: SearchFilters): Promise<SearchResult[]> {
    const pages: SearchResult[] = []
    for (let page = 0; ; page++) {
      const r = await search(filters, page)
      pages.push(r)
      if (r.creators.length < 15) return pages
    }
  }

  /** What Modash itself answers, straight from the emulator's own search. */
  function modash(filters: SearchFilters, page: number) {
    const body = searchBodySchema.parse({
      page,
      ...(filters.sort ? { sort: filters.sort } : {}),
      filter: { influencer: filters.influencer, audience: filters.audience },
    })
    return runSearch(new DatasetIndex(h.dataset), 'instagram', body)
  }

  it('answers a narrower search from the cache, free, exactly as Modash would', async () => {
    const pages = await fetchAll(wide)
    expect(pages.length).toBeGreaterThan(1)
    const bought = searchCalls().length
    const narrower: SearchFilters = {
      influencer: { location: [US], followers: { min: 100_000 }, engagementRate: 0.01 },
      sort: { field: 'engagementRate', direction: 'desc' },
    }
    for (const page of [0, 1]) {
      const answer = await search(narrower, page)
      expect(answer).toMatchObject({ source: 'cache', localReason: 'contained', resultsCharged: 0 })
      const truth = modash(narrower, page)
      expect(answer.creators.map((c) => c.providerId)).toEqual(truth.hits.map((c) => c.userId))
      expect(answer.total).toBe(truth.total)
    }
    expect(modash(narrower, 0).hits.length).toBeGreaterThan(0)
    expect(searchCalls()).toHaveLength(bought)
    const log = await h.core.usage.log({ page: 0, pageSize: 1 })
    expect(log.rows[0]).toMatchObject({
      outcome: 'cache_hit',
      costUnits: 0,
    })
  })

  it('buys when a filter cannot be told for every creator of the broader search', async () => {
    await fetchAll(wide)
    const bought = searchCalls().length
    // No report was bought: the creators' gender is unknown, so the cache cannot answer.
    const r = await search({ influencer: { ...wide.influencer, gender: 'FEMALE' } })
    expect(r.source).toBe('provider')
    expect(searchCalls()).toHaveLength(bought + 1)
  })

  it('buys when the broader search was not fetched to its last page', async () => {
    const first = await search(wide)
    expect(first.creators).toHaveLength(15)
    const bought = searchCalls().length
    const r = await search({ influencer: { ...wide.influencer, followers: { min: 100_000 } } })
    expect(r.source).toBe('provider')
    expect(searchCalls()).toHaveLength(bought + 1)
  })
})
