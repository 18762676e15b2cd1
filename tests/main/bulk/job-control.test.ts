import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBulkHarness } from './bulk-harness'
import type { BulkHarness } from './bulk-harness'
import type { JobSummary } from '../../../src/shared/bulk'
import type { Platform } from '../../../src/shared/platforms'

/**
 * Background jobs over the real services and emulators: pause, resume, cancel, a monthly limit
 * met mid-job, a restart mid-job, a Clay set-up problem, and the amount the user confirmed.
 */
let h: BulkHarness
beforeEach(async () => {
  h = await startBulkHarness()
})
afterEach(async () => h?.close())

async function creators(platform: Platform, count: number): Promise<number[]> {
  const page = await h.core.creators.search({ platform, filters: {}, page: 0 })
  return page.creators.slice(0, count).map((c) => c.id)
}

async function job(id: number): Promise<JobSummary> {
  const found = (await h.core.bulk.status()).jobs.find((j) => j.id === id)
  if (!found) throw new Error(`no job ${id}`)
  return found
}

async function until(test: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** Every report call waits this long, so a test can act while one is on its way. */
function slowReports(count: number, ms: number): void {
  h.modashEmu.injectFaults(
    'report',
    Array.from({ length: count }, () => ({ kind: 'delay' as const, ms })),
  )
}

const startReports = (ids: number[], title = 'Reports') =>
  h.core.bulk.start({
    target: { creatorIds: ids },
    reports: true,
    emails: false,
    title,
    confirmed: { reports: ids.length, enrichments: 0 },
  })

describe('background jobs', () => {
  it('pauses after the item in progress, and resumes where it was', async () => {
    const ids = await creators('instagram', 6)
    slowReports(1, 500)
    const started = await startReports(ids)
    await until(
      () => h.reportsCharged() === 0 && h.modashEmu.calls().some((c) => c.route === 'report'),
    )
    await h.core.bulk.control({ jobId: started.id, action: 'pause' })
    await h.core.bulk.idle()
    const paused = await job(started.id)
    expect(paused).toMatchObject({ state: 'paused', items: { done: 1, pending: 5 } })
    expect(h.reportsCharged()).toBe(1)

    await h.core.bulk.control({ jobId: started.id, action: 'resume' })
    await h.core.bulk.idle()
    expect(await job(started.id)).toMatchObject({
      state: 'done',
      items: { done: 6, pending: 0 },
      spent: { reports: 6, milliCredits: 6000 },
    })
    expect(h.reportsCharged()).toBe(6)
  })

  it('cancels: what was not started is skipped, and never bought', async () => {
    const ids = await creators('tiktok', 5)
    slowReports(1, 500)
    const started = await startReports(ids)
    await until(() => h.modashEmu.calls().some((c) => c.route === 'report'))
    const cancelled = await h.core.bulk.control({ jobId: started.id, action: 'cancel' })
    expect(cancelled.state).toBe('cancelled')
    await h.core.bulk.idle()
    expect(await job(started.id)).toMatchObject({
      state: 'cancelled',
      items: { done: 1, skipped: 4, pending: 0 },
      spent: { reports: 1 },
    })
    expect(h.reportsCharged()).toBe(1)
    await expect(
      h.core.bulk.control({ jobId: started.id, action: 'resume' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION' })
  })

  it('stops at the monthly limit with the right counts, and goes on once it is raised', async () => {
    const ids = await creators('youtube', 8)
    const settings = await h.core.settings.get()
    await h.core.settings.set({ limits: { ...settings.limits, report: 3 } })
    const started = await startReports(ids)
    await h.core.bulk.idle()
    const stopped = await job(started.id)
    expect(stopped).toMatchObject({
      state: 'stopped',
      items: { done: 3, pending: 5, failed: 0 },
      spent: { reports: 3, milliCredits: 3000 },
    })
    expect(stopped.stopReason).toMatch(/Monthly reports limit reached/)
    expect(stopped.stopReason).toMatch(/5 items left/)
    expect(h.reportsCharged()).toBe(3)
    const quota = await h.core.usage.quota()
    expect(quota.meters.find((m) => m.meter === 'report')).toMatchObject({ used: 3, reserved: 0 })

    await h.core.settings.set({ limits: { ...settings.limits, report: 100 } })
    await h.core.bulk.control({ jobId: started.id, action: 'resume' })
    await h.core.bulk.idle()
    expect(await job(started.id)).toMatchObject({
      state: 'done',
      items: { done: 8, pending: 0 },
      spent: { reports: 8 },
      stopReason: null,
    })
    expect(h.reportsCharged()).toBe(8)
  })

  it('resumes a job the app was closed in the middle of, without buying anything twice', async () => {
    const ids = await creators('instagram', 6)
    slowReports(6, 60)
    const started = await startReports(ids)
    await until(() => h.reportsCharged() >= 2)
    expect((await job(started.id)).items.pending).toBeGreaterThan(0)
    await h.reopen()
    await h.core.bulk.idle()
    expect(await job(started.id)).toMatchObject({
      state: 'done',
      items: { done: 6, pending: 0 },
      spent: { reports: 6, milliCredits: 6000 },
    })
    expect(h.reportsCharged()).toBe(6)
  })

  it('fails each item in plain words when Clay is not set up, and goes on', async () => {
    const ids = await creators('instagram', 3)
    for (const id of ids) await h.core.creators.select(id)
    await h.core.settings.set({ clayMapping: { emailPath: null } })
    const preview = await h.core.bulk.preview({
      target: { creatorIds: ids },
      reports: true,
      emails: true,
    })
    const started = await h.core.bulk.start({
      target: { creatorIds: ids },
      reports: true,
      emails: true,
      title: 'Emails',
      confirmed: { reports: 0, enrichments: preview.emails.lookups },
    })
    expect(preview.emails.lookups).toBeGreaterThan(0)
    await h.core.bulk.idle()
    const ended = await job(started.id)
    // Creators whose report holds an email need no lookup: only the others fail.
    expect(ended.state).toBe('done')
    expect(ended.items.failed).toBe(preview.emails.lookups)
    expect(ended.items.done).toBe(3 - preview.emails.lookups)
    const failed = await h.core.bulk.items({ jobId: started.id, state: 'failed' })
    for (const item of failed.items) expect(item.message).toMatch(/email/i)
    expect(h.clayCharged()).toBe(0)
  })

  it('never spends more than was confirmed: a report that ages past its limit stops the job', async () => {
    const ids = await creators('tiktok', 2)
    for (const id of ids) await h.core.creators.select(id)
    const before = h.reportsCharged()
    const started = await startReports(ids)
    await h.core.bulk.control({ jobId: started.id, action: 'pause' })
    await h.core.bulk.idle()
    h.clock.advanceDays(31)
    await h.core.bulk.control({ jobId: started.id, action: 'resume' })
    await h.core.bulk.idle()
    const stopped = await job(started.id)
    expect(stopped.state).toBe('stopped')
    expect(stopped.stopReason).toMatch(/spent the 0 reports you confirmed/)
    expect(h.reportsCharged()).toBe(before)
  })
})
