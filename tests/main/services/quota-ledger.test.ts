import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { openTestDb } from '../../helpers/open-test-db'

let t: Awaited<ReturnType<typeof openTestDb>>
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => {
  await t.cleanup()
})

const meter = async (name: 'discovery' | 'report' | 'enrichment') =>
  (await t.ledger.status()).meters.find((m) => m.meter === name)!

describe('QuotaLedger', () => {
  it('reserves the worst case, then settles to the real cost', async () => {
    const r = await t.ledger.reserve('discovery', 15)
    expect(await meter('discovery')).toMatchObject({ used: 0, reserved: 15, limit: 140_000 })
    await t.ledger.settle(r, 9, 90)
    expect(await meter('discovery')).toMatchObject({ used: 9, reserved: 0 })
    expect((await t.ledger.status()).modashMilliCreditsUsed).toBe(90)
  })

  it('settles once however often settle is called', async () => {
    const r = await t.ledger.reserve('report', 1)
    await t.ledger.settle(r, 1, 1000)
    await t.ledger.settle(r, 1, 1000)
    expect(await meter('report')).toMatchObject({ used: 1, reserved: 0 })
  })

  it('releases everything when the call fails', async () => {
    const r = await t.ledger.reserve('report', 1)
    await t.ledger.release(r)
    expect(await meter('report')).toMatchObject({ used: 0, reserved: 0 })
  })

  it('refuses past the limit with QUOTA_EXCEEDED and the reset date', async () => {
    await t.settings.set({ limits: { report: 2 } })
    await t.ledger.settle(await t.ledger.reserve('report', 1), 1, 1000)
    await t.ledger.reserve('report', 1)
    const err = await t.ledger.reserve('report', 1).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: {
        meter: 'report',
        used: 1,
        reserved: 1,
        limit: 2,
        resetsAt: '2026-12-01T00:00:00.000Z',
      },
    })
  })

  it('never lets concurrent reservations pass a limit', async () => {
    await t.settings.set({ limits: { discovery: 45 } })
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () => t.ledger.reserve('discovery', 15)),
    )
    const granted = attempts.filter((a) => a.status === 'fulfilled')
    expect(granted).toHaveLength(3)
    for (const a of attempts)
      if (a.status === 'rejected') expect(a.reason).toMatchObject({ code: 'QUOTA_EXCEEDED' })
  })

  it('has no limit for enrichments unless one is set', async () => {
    for (let i = 0; i < 5; i++) await t.ledger.settle(await t.ledger.reserve('enrichment', 1), 1, 0)
    expect(await meter('enrichment')).toMatchObject({ used: 5, limit: null })
    await t.settings.set({ limits: { enrichment: 5 } })
    await expect(t.ledger.reserve('enrichment', 1)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
  })

  it('keeps months apart and resets on the cycle day', async () => {
    await t.settings.set({ limits: { report: 1 } })
    await t.ledger.settle(await t.ledger.reserve('report', 1), 1, 1000)
    await expect(t.ledger.reserve('report', 1)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' })
    t.clock.set('2026-12-01T00:00:00.000Z')
    expect((await t.ledger.status()).month).toBe('2026-12')
    await expect(t.ledger.reserve('report', 1)).resolves.toMatchObject({ month: '2026-12' })
  })

  it('records what the provider charged, even beyond the reservation', async () => {
    const r = await t.ledger.reserve('discovery', 15)
    await t.ledger.settle(r, 16, 160)
    expect(await meter('discovery')).toMatchObject({ used: 16, reserved: 0 })
  })

  it('refuses to settle a negative or fractional charge', async () => {
    const r = await t.ledger.reserve('discovery', 15)
    await expect(t.ledger.settle(r, -1, 0)).rejects.toMatchObject({ code: 'INTERNAL' })
    await expect(t.ledger.settle(r, 1.5, 15)).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(await meter('discovery')).toMatchObject({ used: 0, reserved: 15 })
  })

  it('at start-up releases unsent reservations and counts sent ones at their worst case', async () => {
    await t.ledger.reserve('discovery', 15)
    const sent = await t.ledger.reserve('report', 1)
    await t.ledger.markSent(sent)
    expect(await t.ledger.recover()).toEqual({ released: 1, settled: 1 })
    expect(await meter('discovery')).toMatchObject({ used: 0, reserved: 0 })
    expect(await meter('report')).toMatchObject({ used: 1, reserved: 0 })
    expect((await t.ledger.status()).modashMilliCreditsUsed).toBe(1000)
  })
})
