// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AuditLogRow } from '../../src/shared/domain'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
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
})
