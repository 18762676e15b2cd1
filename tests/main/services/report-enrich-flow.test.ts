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

const modashCalls = (route: string) => h.modashEmu.calls().filter((c) => c.route === route)
const meter = async (name: string) =>
  (await h.core.usage.quota()).meters.find((m) => m.meter === name)!

/** Buys one search page and returns its creators joined with what the dataset knows of them. */
async function creators() {
  const page = await h.core.creators.search({
    platform: 'instagram',
    filters: { influencer: { followers: { min: 5000 } } },
    page: 0,
  })
  return page.creators.map((c) => ({
    ...c,
    truth: h.dataset.find((d) => d.platform === 'instagram' && d.userId === c.providerId)!,
  }))
}

describe('profile and report', () => {
  it('serves the basic profile from the cache without any network call', async () => {
    const [c] = await creators()
    const calls = h.modashEmu.calls().length
    const detail = await h.core.creators.get(c!.id)
    expect(detail).toMatchObject({ source: 'cache', report: null, reportsCharged: 0 })
    expect(detail.creator.handle).toBe(c!.handle)
    expect(h.modashEmu.calls()).toHaveLength(calls)
  })

  it('buys a report once and serves it from the cache until it is 30 days old', async () => {
    const [c] = await creators()
    const bought = await h.core.creators.select(c!.id)
    expect(bought).toMatchObject({
      source: 'provider',
      reportsCharged: 1,
      stale: false,
      reportAgeDays: 0,
    })
    expect(bought.report?.providerId).toBe(c!.providerId)

    h.clock.advanceDays(29.99)
    expect(await h.core.creators.select(c!.id)).toMatchObject({
      source: 'cache',
      reportsCharged: 0,
      reportAgeDays: 29,
    })
    expect(modashCalls('report')).toHaveLength(1)

    h.clock.advanceDays(0.01)
    expect(await h.core.creators.select(c!.id)).toMatchObject({
      source: 'provider',
      reportsCharged: 1,
    })
    expect(modashCalls('report')).toHaveLength(2)
    // Thirty days on is the next billing month: the second report counts there.
    expect((await h.core.usage.quota()).month).toBe('2026-12')
    expect(await meter('report')).toMatchObject({ used: 1, reserved: 0 })
    const paid = (
      await h.core.usage.log({ page: 0, pageSize: 50, action: 'report', outcome: 'ok' })
    ).rows
    expect(paid.map((r) => r.costUnits)).toEqual([1, 1])
  })

  it('refreshes on request, still inside the quota', async () => {
    const [c] = await creators()
    await h.core.creators.select(c!.id)
    await h.core.settings.set({ limits: { report: 1 } })
    await expect(h.core.creators.select(c!.id, { refresh: true })).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
    expect(modashCalls('report')).toHaveLength(1)
    await h.core.settings.set({ limits: { report: 2 } })
    expect(await h.core.creators.select(c!.id, { refresh: true })).toMatchObject({
      source: 'provider',
      reportsCharged: 1,
    })
  })

  it('serves the old report, marked stale, when a refresh fails', async () => {
    const [c] = await creators()
    await h.core.creators.select(c!.id)
    h.modashEmu.injectFaults(
      'report',
      Array.from({ length: 3 }, () => ({
        kind: 'status' as const,
        status: 503,
        code: 'internal_server_error',
      })),
    )
    const stale = await h.core.creators.select(c!.id, { refresh: true })
    expect(stale).toMatchObject({ source: 'cache', stale: true, reportsCharged: 0 })
    expect(stale.staleReason).toMatch(/could not refresh/)
    expect(await meter('report')).toMatchObject({ used: 1, reserved: 0 })
  })

  it('passes provider errors through when nothing is cached, with nothing charged', async () => {
    const [c] = await creators()
    h.modashEmu.injectFaults('report', [{ kind: 'status', status: 409, code: 'retry_later' }])
    await expect(h.core.creators.select(c!.id)).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      details: { providerCode: 'retry_later' },
    })
    expect(await meter('report')).toMatchObject({ used: 0, reserved: 0 })
    const log = await h.core.usage.log({ page: 0, pageSize: 1 })
    expect(log.rows[0]).toMatchObject({ action: 'report', outcome: 'retry_later', costUnits: 0 })
  })

  it('answers NOT_FOUND for an unknown creator id', async () => {
    await expect(h.core.creators.select(987_654)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(h.core.creators.get(987_654)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('enrich', () => {
  it('needs a detailed report first', async () => {
    const [c] = await creators()
    await expect(h.core.creators.enrich(c!.id)).rejects.toMatchObject({ code: 'PRECONDITION' })
    expect(h.clayEmu.runs()).toHaveLength(0)
  })

  it('uses the email in the Modash report without calling Clay', async () => {
    const list = await creators()
    const withEmail = list.find((c) => c.truth.contacts.some((x) => x.type === 'email'))!
    await h.core.creators.select(withEmail.id)
    const r = await h.core.creators.enrich(withEmail.id)
    expect(r.email).toMatchObject({ status: 'found', source: 'modash' })
    expect(r.enrichmentsCharged).toBe(0)
    expect(h.clayEmu.runs()).toHaveLength(0)
  })

  it('finds an email through Clay once, and never calls Modash', async () => {
    const list = await creators()
    const target = list.find(
      (c) => !c.truth.contacts.some((x) => x.type === 'email') && c.truth.clayEmail !== null,
    )!
    await h.core.creators.select(target.id)
    const modashBefore = h.modashEmu.calls().length

    const r = await h.core.creators.enrich(target.id)
    expect(r).toMatchObject({
      source: 'provider',
      enrichmentsCharged: 1,
      email: { status: 'found', source: 'clay', email: target.truth.clayEmail },
    })
    const again = await h.core.creators.enrich(target.id)
    expect(again).toMatchObject({
      source: 'cache',
      enrichmentsCharged: 0,
      email: { email: target.truth.clayEmail },
    })

    expect(h.clayEmu.runs()).toHaveLength(1)
    expect(h.modashEmu.calls()).toHaveLength(modashBefore)
    expect(await meter('enrichment')).toMatchObject({ used: 1, reserved: 0 })
  })

  it('remembers "not found" for 30 days so nobody pays twice for nothing', async () => {
    const list = await creators()
    const target = list.find(
      (c) => !c.truth.contacts.some((x) => x.type === 'email') && c.truth.clayEmail === null,
    )!
    await h.core.creators.select(target.id)
    const r = await h.core.creators.enrich(target.id)
    expect(r.email).toMatchObject({
      status: 'not_found',
      email: null,
      retryAfter: '2026-12-10T12:00:00.000Z',
    })
    h.clock.advanceDays(29)
    expect(await h.core.creators.enrich(target.id)).toMatchObject({
      source: 'cache',
      enrichmentsCharged: 0,
    })
    expect(h.clayEmu.runs()).toHaveLength(1)
    h.clock.advanceDays(1)
    // The report is now 30 days old too, but enrichment never buys a report.
    const modashBefore = h.modashEmu.calls().length
    expect(await h.core.creators.enrich(target.id)).toMatchObject({
      source: 'provider',
      enrichmentsCharged: 1,
    })
    expect(h.clayEmu.runs()).toHaveLength(2)
    expect(h.modashEmu.calls()).toHaveLength(modashBefore)
  })

  it('resumes a run that outlived its wait instead of paying for a new one', async () => {
    await h.close()
    h = await startHarness({ clay: { pollsUntilDone: 1_000_000 } })
    const list = await creators()
    const target = list.find(
      (c) => !c.truth.contacts.some((x) => x.type === 'email') && c.truth.clayEmail !== null,
    )!
    await h.core.creators.select(target.id)
    // The click waits no longer than the poll timeout; the lookup stays pending, to resume.
    expect(await h.core.creators.enrich(target.id)).toMatchObject({
      enrichmentsCharged: 1,
      email: { status: 'unknown', pendingLookup: { startedAt: expect.any(String) as string } },
    })
    const [run] = h.clayEmu.runs()
    h.clayEmu.finishRun(run!.runId)
    const r = await h.core.creators.enrich(target.id)
    expect(r).toMatchObject({ enrichmentsCharged: 0, email: { status: 'found', source: 'clay' } })
    expect(h.clayEmu.runs()).toHaveLength(1)
    expect(await meter('enrichment')).toMatchObject({ used: 1, reserved: 0 })
  })

  it('refunds the lookup when Clay refuses the run', async () => {
    const list = await creators()
    const target = list.find((c) => !c.truth.contacts.some((x) => x.type === 'email'))!
    await h.core.creators.select(target.id)
    h.clayEmu.injectFaults('run', [{ kind: 'status', status: 402, message: 'Out of credits' }])
    await expect(h.core.creators.enrich(target.id)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
    expect(await meter('enrichment')).toMatchObject({ used: 0, reserved: 0 })
  })
})
