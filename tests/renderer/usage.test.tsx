// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AuditLogRow } from '../../src/shared/domain'
import { describeError } from '../../src/renderer/src/errors/error-words'
import { remainingLine } from '../../src/renderer/src/lib/cost-lines'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, ok } from './fake-api'
import { makeBalance, makeQuota } from './fake-data'
import { renderApp } from './helpers'

const row = (id: number): AuditLogRow => ({
  id,
  provider: id % 2 === 0 ? 'clay' : 'modash',
  action: 'search',
  reason: 'user',
  creatorId: null,
  userId: 'tester',
  createdAt: new Date().toISOString(),
  outcome: `outcome-${id}`,
  httpStatus: 200,
  durationMs: 12,
  costUnits: 15,
  costMilliCredits: 150,
  cacheHit: false,
})

describe('usage page', () => {
  it('shows the cache hit rate, what the cache saved and the daily chart', async () => {
    await renderApp(new FakeApi())
    act(() => useUiStore.getState().navigate('usage'))
    expect(await screen.findByText('62.5%')).toBeTruthy()
    expect(screen.getByText(/75 discovery results, 2 reports/)).toBeTruthy()
    expect(
      screen.getByRole('img', { name: /Discovery per day: 60 discovery results over 2 days/ }),
    ).toBeTruthy()
  })

  it('pages and filters the audit log', async () => {
    const fake = new FakeApi()
    fake.auditRows = Array.from({ length: 120 }, (_, i) => row(i + 1))
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('usage'))
    expect(await screen.findByText('outcome-1')).toBeTruthy()
    expect(screen.getByText('Page 1 of 3')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }))
    expect(await screen.findByText('outcome-51')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'clay' } })
    await waitFor(() =>
      expect(fake.callsTo('usage:log').at(-1)).toEqual({ page: 0, pageSize: 50, provider: 'clay' }),
    )
  })

  it('shows the Modash balance, when it was read, and what was spent outside this app', async () => {
    await renderApp(new FakeApi())
    act(() => useUiStore.getState().navigate('usage'))
    const panel = await screen.findByRole('region', { name: 'Modash balance' })
    expect(within(panel).getByText(/2,975\.35 credits/)).toBeTruthy()
    expect(within(panel).getByText(/\(read .*2026.*\)/)).toBeTruthy()
    expect(
      within(panel).getByText(/12\.40 credits spent outside this app since Nov 1, 2026/),
    ).toBeTruthy()
    expect(within(panel).getByText(/About 297,535 discovery results or 2,975 reports/)).toBeTruthy()
  })

  it('checks the balance on demand and shows the new reading', async () => {
    const fake = new FakeApi()
    fake.on('usage:reconcile', () => {
      const balance = makeBalance({ balanceMilliCredits: 120, outsideSpendMilliCredits: 0 })
      fake.quota = { ...fake.quota, balance }
      return ok(balance)
    })
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('usage'))
    const panel = await screen.findByRole('region', { name: 'Modash balance' })
    fireEvent.click(within(panel).getByRole('button', { name: 'Check balance' }))
    expect(await within(panel).findByText(/^0\.12 credits/)).toBeTruthy()
    expect(within(panel).getByText('Nothing since Nov 1, 2026.')).toBeTruthy()
    expect(fake.callsTo('usage:reconcile')).toEqual([{}])
  })

  it('says in plain words when the balance is unknown, and why', async () => {
    const fake = new FakeApi()
    fake.quota = {
      ...makeQuota(),
      balance: makeBalance({
        state: 'unknown',
        unknownReason: 'No Modash API key is set.',
        balanceMilliCredits: null,
        readAt: null,
        since: null,
        fresh: false,
        availableMilliCredits: null,
        covers: null,
        outsideSpendMilliCredits: 0,
      }),
    }
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('usage'))
    const panel = await screen.findByRole('region', { name: 'Modash balance' })
    expect(within(panel).getByText('Unknown')).toBeTruthy()
    expect(within(panel).getByText('No Modash API key is set.')).toBeTruthy()
    expect(within(panel).queryByText(/outside this app/)).toBeNull()
  })

  it('pauses paid lookups in words when the clock leapt, until the user confirms the date', async () => {
    const fake = new FakeApi()
    fake.quota = {
      ...makeQuota(),
      clock: {
        state: 'leapt',
        countingAt: '2026-11-30T22:05:00.000Z',
        wallClock: '2026-12-14T09:00:00.000Z',
      },
    }
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('usage'))
    const notice = await screen.findByText(/Paid lookups are paused/)
    fireEvent.click(screen.getByRole('button', { name: 'The date is right' }))
    await waitFor(() => expect(screen.queryByText(/Paid lookups are paused/)).toBeNull())
    expect(fake.callsTo('usage:confirm-clock')).toEqual([{}])
    expect(notice).toBeTruthy()
  })

  it('names the balance, not the monthly limit, when the balance refused a paid call', () => {
    const words = describeError({
      code: 'QUOTA_EXCEEDED',
      message: 'Your Modash balance has 0.12 credits left; this needs up to 0.15 credits.',
      details: { meter: 'discovery', reason: 'balance', availableMilliCredits: 120 },
    })
    expect(words.title).toBe('Modash balance too low')
    expect(words.detail).toMatch(/0\.12 credits left/)
  })

  it('tells a paid confirmation when the balance allows less than the monthly limit', () => {
    const quota = {
      ...makeQuota(),
      balance: makeBalance({ covers: { discovery: 12, report: 0 } }),
    }
    expect(remainingLine(quota, 'discovery')).toMatch(
      /138,800 of 140,000 discovery results left .* The Modash balance covers only 12 discovery results\./,
    )
    expect(remainingLine(makeQuota(), 'discovery')).not.toMatch(/balance/)
  })
})
