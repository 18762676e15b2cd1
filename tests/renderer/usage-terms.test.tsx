// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AuditLogRow } from '../../src/shared/domain'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, ok } from './fake-api'
import { makeStats } from './fake-data'
import { renderApp } from './helpers'

const base: AuditLogRow = {
  id: 1,
  provider: 'modash',
  action: 'report',
  reason: 'select',
  creatorId: 7,
  userId: 'Ana',
  createdAt: '2026-11-03T10:00:00.000Z',
  outcome: 'ok',
  httpStatus: 200,
  durationMs: 40,
  costUnits: 1,
  costMilliCredits: 1_000,
  cacheHit: false,
  creator: { handle: 'jane.doe', fullName: 'Jane Doe', platform: 'instagram' },
  search: null,
}

function fakeWithLog(): FakeApi {
  const fake = new FakeApi()
  fake.auditRows = [
    base,
    {
      ...base,
      id: 2,
      action: 'search',
      creatorId: null,
      creator: null,
      outcome: 'cache_hit',
      cacheHit: true,
      costUnits: 0,
      costMilliCredits: 0,
      search: {
        platform: 'tiktok',
        filters: { influencer: { followers: { min: 10_000 }, bio: 'vegan' } },
        page: 1,
      },
    },
  ]
  fake.on('usage:log', ({ page, pageSize }) =>
    ok({
      rows: fake.auditRows.slice(page * pageSize, (page + 1) * pageSize),
      total: fake.auditRows.length,
      choices: { actions: ['report', 'search', 'enrich-result'], outcomes: ['cache_hit', 'ok'] },
    }),
  )
  fake.on('usage:stats', (input) =>
    ok({
      ...makeStats(),
      monthsBack: input.monthsBack ?? 0,
      modashMilliCredits: input.monthsBack ? 2_500 : 12_350,
      savedMilliCredits: 2_750,
      periodStart: '2026-11-01T00:00:00.000Z',
      periodEnd: '2026-12-01T00:00:00.000Z',
    }),
  )
  return fake
}

async function openUsage(fake: FakeApi) {
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('usage'))
  return screen.findByRole('region', { name: 'Audit log' })
}

describe('usage in the provider’s terms', () => {
  it('shows credits spent and saved, and months before this one', async () => {
    const fake = fakeWithLog()
    await openUsage(fake)
    expect(await screen.findByText('12.35 credits')).toBeTruthy()
    expect(screen.getByText(/\(2\.75 Modash credits\)/)).toBeTruthy()
    const picker = screen.getByLabelText('Billing period')
    expect(within(picker).getByRole('option', { name: /\(this period\)$/ })).toBeTruthy()
    fireEvent.change(picker, { target: { value: '2' } })
    await waitFor(() => expect(fake.callsTo('usage:stats').at(-1)).toEqual({ monthsBack: 2 }))
    expect(await screen.findByText('2.50 credits')).toBeTruthy()
    expect(screen.queryByText('Projected exhaustion')).toBeNull()
  })

  it('says which creator or search each row was, who bought it and what it cost', async () => {
    const log = await openUsage(fakeWithLog())
    const rows = await within(log).findAllByRole('row')
    const report = rows[1]!
    expect(report.textContent).toContain('Ana')
    expect(report.textContent).toContain('Detailed report')
    expect(report.textContent).toContain('@jane.doe (Instagram)')
    expect(report.textContent).toContain('Bought')
    expect(report.textContent).toContain('1 · 1.00 cr')
    const search = rows[2]!
    expect(search.textContent).toContain('TikTok · 10,000+ followers · bio “vegan” · page 2')
    expect(search.textContent).toContain('From the cache (free)')
    expect(search.textContent).not.toMatch(/cache_hit|enrich-result/)
  })

  it('filters by choices in words and by a date range', async () => {
    const fake = fakeWithLog()
    const log = await openUsage(fake)
    await within(log).findAllByRole('row')
    const action = within(log).getByLabelText('Action')
    expect(
      within(action)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'Detailed report', 'Search', 'Email lookup answer'])
    fireEvent.change(within(log).getByLabelText('Outcome'), { target: { value: 'cache_hit' } })
    await waitFor(() =>
      expect(fake.callsTo('usage:log').at(-1)).toMatchObject({ outcome: 'cache_hit' }),
    )
    fireEvent.change(within(log).getByLabelText('From'), { target: { value: '2026-11-02' } })
    fireEvent.change(within(log).getByLabelText('To'), { target: { value: '2026-11-03' } })
    await waitFor(() =>
      expect(fake.callsTo('usage:log').at(-1)).toMatchObject({
        from: new Date(2026, 10, 2).toISOString(),
        to: new Date(2026, 10, 4).toISOString(),
      }),
    )
    fireEvent.click(within(log).getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(fake.callsTo('usage:log').at(-1)).toEqual({ page: 0, pageSize: 50 }))
  })
})
