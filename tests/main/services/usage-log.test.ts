import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHarness } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'

let h: Harness
beforeEach(async () => {
  h = await startHarness({ clay: { pollsUntilDone: 1 } })
})
afterEach(async () => {
  await h.close()
})

const FILTERS = { influencer: { followers: { min: 10_000 } } }

describe('the audit log says what was bought, for whom and by whom', () => {
  it('names the creator of a report and the search of a search row, and the user', async () => {
    await h.core.settings.set({ userId: 'Ana' })
    const page = await h.core.creators.search({ platform: 'instagram', filters: FILTERS, page: 0 })
    const c = page.creators[0]!
    await h.core.creators.select(c.id)
    const log = await h.core.usage.log({ page: 0, pageSize: 10 })
    const report = log.rows.find((r) => r.action === 'report')!
    expect(report).toMatchObject({
      userId: 'Ana',
      creator: { handle: c.handle, fullName: c.fullName, platform: 'instagram' },
      costMilliCredits: 1_000,
    })
    const search = log.rows.find((r) => r.action === 'search')!
    expect(search.search).toEqual({
      platform: 'instagram',
      filters: expect.objectContaining({ influencer: { followers: { min: 10_000 } } }) as unknown,
      page: 0,
    })
    expect(log.choices?.actions).toEqual(expect.arrayContaining(['report', 'search']))
    expect(log.choices?.outcomes).toContain('ok')
  })

  it('filters by a date range', async () => {
    await h.core.creators.search({ platform: 'instagram', filters: FILTERS, page: 0 })
    const now = h.clock.now().getTime()
    const inRange = await h.core.usage.log({
      page: 0,
      pageSize: 10,
      from: new Date(now - 60_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
    })
    expect(inRange.total).toBeGreaterThan(0)
    const before = await h.core.usage.log({
      page: 0,
      pageSize: 10,
      to: new Date(now - 86_400_000).toISOString(),
    })
    expect(before.total).toBe(0)
  })
})

describe('usage in Modash credits, this period and the ones before', () => {
  it('adds up the credits spent and shows an earlier period', async () => {
    await h.core.creators.search({ platform: 'instagram', filters: FILTERS, page: 0 })
    const now = await h.core.usage.stats()
    expect(now.monthsBack).toBe(0)
    expect(now.modashMilliCredits).toBe(15 * 10)
    const before = await h.core.usage.stats({ monthsBack: 1 })
    expect(before.monthsBack).toBe(1)
    expect(before.periodEnd).toBe(now.periodStart)
    expect(before.modashMilliCredits).toBe(0)
    expect(before.daily.length).toBeGreaterThanOrEqual(28)
    expect(before.projectedExhaustion).toBeNull()
  })
})
