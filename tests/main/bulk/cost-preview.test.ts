import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportHasEmail, startBulkHarness } from './bulk-harness'
import type { BulkHarness } from './bulk-harness'
import type { CreatorSummary } from '../../../src/shared/domain'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'

/**
 * The one cost preview a batch is confirmed with, against what the job then really charges,
 * counted by the emulators: to the unit for reports and Modash credits; for Clay, the lookups the
 * preview calls certain, plus those of bought reports that turn out to hold no email.
 */
let h: BulkHarness
let creators: CreatorSummary[]
const source = (c: CreatorSummary): SandboxCreator => {
  const found = h.dataset.find((d) => d.platform === c.platform && d.userId === c.providerId)
  if (!found) throw new Error(`no sample creator ${c.providerId}`)
  return found
}

beforeAll(async () => {
  h = await startBulkHarness()
  const page = await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
  creators = page.creators
  if (creators.length < 15) throw new Error('short page')
  // Reports bought 31 days ago (stale now); one of them also looked up, its answer remembered.
  const stale = creators.slice(0, 3)
  for (const c of stale) await h.core.creators.select(c.id)
  const lookedUp = stale.find((c) => !reportHasEmail(source(c)))
  if (lookedUp) await h.core.creators.enrich(lookedUp.id)
  h.clock.advanceDays(31)
  // Reports bought today (fresh), two of them with their email settled already.
  const fresh = creators.slice(3, 8)
  for (const c of fresh) await h.core.creators.select(c.id)
  for (const c of fresh.slice(0, 2)) await h.core.creators.enrich(c.id)
}, 60_000)
afterAll(async () => h?.close())

describe('one cost preview for a batch', () => {
  it('is what the job then charges', async () => {
    const ids = creators.map((c) => c.id)
    const readingsBefore = h.balanceReadings()
    const preview = await h.core.bulk.preview({
      target: { creatorIds: [...ids, ids[0] ?? 0, 999_999] },
      reports: true,
      emails: true,
    })
    // Before a large action the Modash balance is read, so the ledger holds the batch to it.
    expect(h.balanceReadings()).toBe(readingsBefore + 1)
    expect(preview.creators).toBe(15)
    expect(preview.missing).toBe(1)
    expect(preview.reports).toEqual({ fresh: 5, toBuy: 10, milliCredits: 10_000 })
    expect(preview.emails.known + preview.emails.notFoundRemembered).toBeGreaterThanOrEqual(2)
    const { known, notFoundRemembered, waiting, lookups, lookupsAtMost, needReport } =
      preview.emails
    expect(known + notFoundRemembered + waiting + lookups + lookupsAtMost + needReport).toBe(15)
    expect(needReport).toBe(0)

    // The creators whose report is bought and whose email is not known yet: a lookup runs for
    // those whose new report holds no email, as the emulator's own data says.
    const toBuy = creators.filter((c, i) => i < 3 || i >= 8)
    const unknown = []
    for (const c of toBuy)
      if ((await h.core.creators.get(c.id)).email.status === 'unknown') unknown.push(c)
    expect(lookupsAtMost).toBe(unknown.length)
    const unsureLookups = unknown.filter((c) => !reportHasEmail(source(c))).length
    expect(unsureLookups).toBeGreaterThan(0)

    const reportsBefore = h.reportsCharged()
    const milliBefore = h.modashMilliCharged()
    const clayBefore = h.clayCharged()
    const quotaBefore = await h.core.usage.quota()
    const job = await h.core.bulk.start({
      target: { creatorIds: ids },
      reports: true,
      emails: true,
      title: 'Shortlist',
      confirmed: { reports: preview.reports.toBuy, enrichments: lookups + lookupsAtMost },
    })
    await h.core.bulk.idle()
    const done = (await h.core.bulk.status()).jobs.find((j) => j.id === job.id)

    const reports = h.reportsCharged() - reportsBefore
    const milli = h.modashMilliCharged() - milliBefore
    const clay = h.clayCharged() - clayBefore
    expect(reports).toBe(preview.reports.toBuy)
    expect(milli).toBe(preview.reports.milliCredits)
    expect(clay).toBe(lookups + unsureLookups)
    expect(clay).toBeLessThanOrEqual(lookups + lookupsAtMost)

    expect(done).toMatchObject({
      state: 'done',
      items: { total: 15, done: 15, pending: 0, failed: 0, skipped: 0 },
      spent: { reports, enrichments: clay, discovery: 0, milliCredits: milli },
    })
    // The ledger counted exactly what the emulators charged.
    const quota = await h.core.usage.quota()
    const used = (q: typeof quota, m: string) => q.meters.find((x) => x.meter === m)?.used ?? 0
    expect(used(quota, 'report') - used(quotaBefore, 'report')).toBe(reports)
    expect(used(quota, 'enrichment') - used(quotaBefore, 'enrichment')).toBe(clay)
    expect(quota.modashMilliCreditsUsed - quotaBefore.modashMilliCreditsUsed).toBe(milli)
    expect(quota.meters.every((m) => m.reserved === 0)).toBe(true)

    // Everything is in the cache now: the same batch previews as free.
    const again = await h.core.bulk.preview({
      target: { creatorIds: ids },
      reports: true,
      emails: true,
    })
    expect(again.reports).toEqual({ fresh: 15, toBuy: 0, milliCredits: 0 })
    expect(again.emails.lookups + again.emails.lookupsAtMost).toBe(0)
  }, 60_000)

  it('refuses to start when the batch costs more than was confirmed', async () => {
    const page = await h.core.creators.search({ platform: 'tiktok', filters: {}, page: 0 })
    const ids = page.creators.slice(0, 3).map((c) => c.id)
    const before = h.reportsCharged()
    await expect(
      h.core.bulk.start({
        target: { creatorIds: ids },
        reports: true,
        emails: false,
        title: 'Too cheap',
        confirmed: { reports: 2, enrichments: 0 },
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION' })
    expect(h.reportsCharged()).toBe(before)
  })

  it('counts emails that need a report as skipped when reports are not asked for', async () => {
    const page = await h.core.creators.search({ platform: 'youtube', filters: {}, page: 0 })
    const preview = await h.core.bulk.preview({
      target: { creatorIds: page.creators.slice(0, 4).map((c) => c.id) },
      reports: false,
      emails: true,
    })
    expect(preview.reports).toEqual({ fresh: 0, toBuy: 0, milliCredits: 0 })
    expect(preview.emails.needReport).toBe(4)
    // This billing period: the 5 reports bought today and the job's 10 (the first 3 were last month's).
    expect(preview.left).toEqual({
      report: 1400 - 15,
      enrichment: null,
      discovery: expect.any(Number) as unknown,
    })
  })
})
