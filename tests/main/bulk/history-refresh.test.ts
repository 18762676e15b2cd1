import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bulkHandlers } from '../../../src/main/bulk/bulk-handlers'
import { exportFolder } from '../../../src/main/app/export-folder'
import type { SearchResult } from '../../../src/shared/domain'
import { parseCsv } from '../../helpers/rfc4180'
import { startBulkHarness } from './bulk-harness'
import type { BulkHarness } from './bulk-harness'

/**
 * Search history and saved searches read from `search_requests` and the cached pages; the
 * refresh planner and its job against the emulators; the audit-log and usage exports.
 */
let h: BulkHarness
let tenK: SearchResult
let tiktok: SearchResult
const TEN_K = { influencer: { followers: { min: 10_000 } } }

const searchCalls = () =>
  h.modashEmu.calls().filter((c) => c.route === 'search' && c.costMilliCredits > 0).length

beforeAll(async () => {
  h = await startBulkHarness()
  tenK = await h.core.creators.search({ platform: 'instagram', filters: TEN_K, page: 0 })
  await h.core.creators.search({ platform: 'instagram', filters: TEN_K, page: 1 })
  h.clock.advanceMs(60_000)
  tiktok = await h.core.creators.search({ platform: 'tiktok', filters: {}, page: 0 })
  h.clock.advanceMs(60_000)
  // Asked again: a cache hit, free, but still a run of that search.
  await h.core.creators.search({ platform: 'instagram', filters: TEN_K, page: 0 })
}, 60_000)
afterAll(async () => h?.close())

describe('search history', () => {
  it('lists every search run, with its runs, cost and cached pages, latest first', async () => {
    const { entries } = await h.core.bulk.history({})
    expect(entries.map((e) => [e.platform, e.filtersHash])).toEqual([
      ['instagram', tenK.filtersHash],
      ['tiktok', tiktok.filtersHash],
    ])
    expect(entries[0]).toMatchObject({
      runs: 3,
      pagesCached: 2,
      resultsCharged: 30,
      milliCredits: 300,
      filters: TEN_K,
      savedId: null,
    })
    expect(entries[1]).toMatchObject({ runs: 1, pagesCached: 1, resultsCharged: 15 })
  })

  it('reopens a past page from the cache, for free', async () => {
    const calls = h.modashEmu.calls().length
    const page = await h.core.bulk.open({
      platform: 'instagram',
      filtersHash: tenK.filtersHash,
      page: 0,
    })
    expect(page).toMatchObject({ source: 'cache', resultsCharged: 0, total: tenK.total })
    expect(page.creators.map((c) => c.id)).toEqual(tenK.creators.map((c) => c.id))
    await expect(
      h.core.bulk.open({ platform: 'instagram', filtersHash: tenK.filtersHash, page: 5 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(h.modashEmu.calls().length).toBe(calls)
  })

  it('saves a search by name, once, and says when it is worth refreshing', async () => {
    await h.core.bulk.save({ platform: 'instagram', filtersHash: tenK.filtersHash, name: 'Ten k' })
    const renamed = await h.core.bulk.save({
      platform: 'instagram',
      filtersHash: tenK.filtersHash,
      name: 'Over ten thousand',
    })
    expect(renamed).toMatchObject({ name: 'Over ten thousand', pagesCached: 2, stale: false })
    await expect(
      h.core.bulk.save({ platform: 'youtube', filtersHash: 'ab'.repeat(32), name: 'Never run' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const { entries } = await h.core.bulk.history({})
    expect(entries[0]).toMatchObject({ savedId: renamed.id, savedName: 'Over ten thousand' })

    expect((await h.core.bulk.saved({ olderThanDays: 7 })).searches).toEqual([
      expect.objectContaining({ id: renamed.id, stale: false, refreshResultsAtMost: 0 }),
    ])
    h.clock.advanceDays(8)
    expect((await h.core.bulk.saved({ olderThanDays: 7 })).searches).toEqual([
      expect.objectContaining({
        stale: true,
        ageDays: 8,
        refreshResultsAtMost: 30,
        refreshMilliCreditsAtMost: 300,
      }),
    ])
    expect((await h.core.bulk.saved({ olderThanDays: 30 })).searches[0]?.stale).toBe(false)
  })
})

describe('the refresh planner', () => {
  it('finds stale reports, pages and expired "not found" emails, and refreshes them as a job', async () => {
    // A report bought now, and a creator Clay finds nothing for: both stale in 31 days.
    const noEmail = tiktok.creators.find((c) => {
      const d = h.dataset.find((x) => x.platform === 'tiktok' && x.userId === c.providerId)
      return d !== undefined && d.contacts.length === 0 && d.clayEmail === null
    })
    const reportOnly = tiktok.creators.find((c) => c !== noEmail)
    if (!reportOnly || !noEmail) throw new Error('no suitable creators')
    await h.core.creators.select(reportOnly.id)
    await h.core.creators.select(noEmail.id)
    expect((await h.core.creators.enrich(noEmail.id)).email.status).toBe('not_found')
    h.clock.advanceDays(31)

    const plan = await h.core.bulk.refreshPlan({ scope: { kind: 'all' }, pageAgeDays: 30 })
    expect(plan).toMatchObject({
      reports: { stale: 2, milliCredits: 2000 },
      pages: { stale: 3, resultsAtMost: 45, milliCreditsAtMost: 450, pageAgeDays: 30 },
      emails: { expired: 1 },
    })
    const only = await h.core.bulk.refreshPlan({
      scope: { kind: 'search', platform: 'instagram', filtersHash: tenK.filtersHash },
      pageAgeDays: 30,
    })
    expect(only).toMatchObject({
      reports: { stale: 0 },
      pages: { stale: 2 },
      emails: { expired: 0 },
    })

    const searchesBefore = searchCalls()
    const reportsBefore = h.reportsCharged()
    const milliBefore = h.modashMilliCharged()
    const clayBefore = h.clayCharged()
    const job = await h.core.bulk.refreshStart({
      scope: { kind: 'all' },
      pageAgeDays: 30,
      parts: { reports: true, pages: true, emails: true },
      confirmed: { reports: 2, enrichments: 1, discovery: 45 },
    })
    expect(job.items.total).toBe(2 + 3)
    await h.core.bulk.idle()
    const done = (await h.core.bulk.status()).jobs.find((j) => j.id === job.id)
    expect(searchCalls() - searchesBefore).toBe(3)
    expect(h.reportsCharged() - reportsBefore).toBe(2)
    expect(h.clayCharged() - clayBefore).toBe(1)
    expect(done).toMatchObject({
      state: 'done',
      kind: 'refresh',
      items: { done: 5, failed: 0 },
      spent: {
        reports: 2,
        enrichments: 1,
        discovery: 45,
        milliCredits: h.modashMilliCharged() - milliBefore,
      },
    })
    // Nothing stale is left, and the history counts what the refresh bought.
    expect(
      await h.core.bulk.refreshPlan({ scope: { kind: 'all' }, pageAgeDays: 30 }),
    ).toMatchObject({ reports: { stale: 0 }, pages: { stale: 0 }, emails: { expired: 0 } })
    const { entries } = await h.core.bulk.history({})
    const ten = entries.find((e) => e.filtersHash === tenK.filtersHash)
    expect(ten).toMatchObject({ resultsCharged: 60, milliCredits: 600, pagesCached: 2 })
  }, 60_000)

  it('refuses a refresh that would buy more than was confirmed', async () => {
    h.clock.advanceDays(31)
    const searches = searchCalls()
    await expect(
      h.core.bulk.refreshStart({
        scope: { kind: 'all' },
        pageAgeDays: 30,
        parts: { reports: false, pages: true, emails: false },
        confirmed: { reports: 0, enrichments: 0, discovery: 15 },
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION' })
    expect(searchCalls()).toBe(searches)
  })
})

describe('exports for re-billing', () => {
  it('writes the audit log and the monthly usage as CSV, as the ledger and the log say', async () => {
    const dir = join(h.dataDir, 'exports')
    const handlers = bulkHandlers({
      core: h.core,
      choosePath: exportFolder(dir),
      now: () => h.clock.now(),
    })
    const audit = await handlers['export:audit-csv']({})
    if (audit === null) throw new Error('cancelled')
    const [header, ...rows] = parseCsv(readFileSync(audit.path, 'utf8'))
    const log = await h.core.usage.log({ page: 0, pageSize: 500 })
    expect(rows).toHaveLength(log.total)
    expect(audit.rows).toBe(log.total)
    const col = (name: string) => header?.indexOf(name) ?? -1
    const units = rows.reduce((sum, r) => sum + Number(r[col('Units charged')]), 0)
    expect(units).toBe(log.rows.reduce((sum, r) => sum + r.costUnits, 0))
    const reportRow = rows.find((r) => r[col('Action')] === 'report' && r[col('Outcome')] === 'ok')
    expect(reportRow?.[col('Modash credits')]).toBe('1.000')

    const none = await handlers['export:audit-csv']({ from: '2001-01-01', to: '2001-01-31' })
    expect(none?.rows).toBe(0)
    await expect(
      handlers['export:audit-csv']({ from: '2026-12-31', to: '2026-01-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    })

    const usage = await handlers['export:usage-csv']({})
    if (usage === null) throw new Error('cancelled')
    const [usageHeader, ...months] = parseCsv(readFileSync(usage.path, 'utf8'))
    expect(usageHeader).toEqual([
      'Month',
      'Discovery results',
      'Reports',
      'Email lookups',
      'Modash credits',
    ])
    const counters = await h.core.deps.db
      .selectFrom('usage_counters')
      .selectAll()
      .orderBy('month')
      .execute()
    expect(months).toEqual(
      counters.map((m) => [
        m.month,
        String(m.modash_discoveries_used),
        String(m.modash_reports_used),
        String(m.clay_enrichments_used),
        (m.modash_millicredits_used / 1000).toFixed(3),
      ]),
    )
  })
})
