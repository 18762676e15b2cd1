// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/renderer/src/errors/error-words'
import { formatDate } from '../../src/renderer/src/lib/format'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, fail } from './fake-api'
import { makeCreator, makeDetail, makeQuota } from './fake-data'
import { renderApp } from './helpers'

describe('quota meter colours', () => {
  it.each([
    [79, 'ok'],
    [80, 'warn'],
    [94, 'warn'],
    [95, 'danger'],
    [100, 'danger'],
  ])('at %i percent of the report limit the meter is %s', async (pct, level) => {
    const fake = new FakeApi()
    fake.quota = makeQuota(0, (1_400 * pct) / 100)
    await renderApp(fake)
    const meter = screen.getByTestId('meter-report')
    expect(meter.getAttribute('data-level')).toBe(level)
    expect(meter.className).toContain(`meter-${level}`)
    expect(screen.getByTestId('meter-discovery').getAttribute('data-level')).toBe('ok')
  })

  it('shows used of limit and the reset date', async () => {
    await renderApp(new FakeApi())
    const region = screen.getByRole('region', { name: 'Monthly usage' })
    expect(
      within(region).getByText(`${(100).toLocaleString()} / ${(1_400).toLocaleString()}`),
    ).toBeTruthy()
    expect(
      within(region).getByText(`Resets ${formatDate('2026-12-01T00:00:00.000Z')}`),
    ).toBeTruthy()
  })
})

describe('error codes in plain words', () => {
  it('QUOTA_EXCEEDED names the meter numbers and the reset date', () => {
    const words = describeError(
      { code: 'QUOTA_EXCEEDED', message: 'x', details: { meter: 'report' } },
      makeQuota(0, 1_400),
    )
    expect(words.title).toBe('Monthly limit reached for reports')
    expect(words.detail).toContain(
      `${(1_400).toLocaleString()} of ${(1_400).toLocaleString()} reports used`,
    )
    expect(words.detail).toContain(`resets on ${formatDate('2026-12-01T00:00:00.000Z')}`)
  })

  it('never shows the raw message for provider outages', () => {
    const words = describeError({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'ECONNRESET 10.0.0.1',
      details: { provider: 'modash' },
    })
    expect(words.title).toBe('Modash cannot be reached')
    expect(words.detail).not.toContain('ECONNRESET')
    expect(
      describeError({ code: 'KEY_MISSING', message: 'k', details: { provider: 'clay' } }).title,
    ).toBe('Clay key needed')
  })

  it('a search refused for quota shows the reset date in the app', async () => {
    const fake = new FakeApi()
    fake.quota = makeQuota(140_000, 10)
    fake.on('creators:search', () =>
      fail('QUOTA_EXCEEDED', 'RAW-SERVER-MESSAGE', { meter: 'discovery' }),
    )
    await renderApp(fake)
    fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Monthly limit reached for discovery results')
    expect(alert.textContent).toContain(`resets on ${formatDate(fake.quota.resetsAt)}`)
    expect(alert.textContent).not.toContain('RAW-SERVER-MESSAGE')
  })
})

describe('stale data banner', () => {
  it('appears when a search was answered locally because the provider failed', async () => {
    const fake = new FakeApi()
    const fetchedAt = new Date(Date.now() - 9 * 86_400_000).toISOString()
    fake.on('creators:search', ({ platform, page }) => ({
      ok: true,
      data: {
        platform,
        page,
        creators: [makeCreator(1)],
        total: 1,
        source: 'local',
        fetchedAt,
        resultsCharged: 0,
        staleReason: 'Modash could not be reached.',
        filtersHash: 'h',
      },
    }))
    await renderApp(fake)
    fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
    const banner = await screen.findByTestId('stale-banner')
    // A local answer has no one date: it is made of many purchases.
    expect(banner.textContent).toContain('Answered from creators bought before')
    expect(banner.textContent).toContain('Modash could not be reached.')
  })

  it('does not appear for an ordinary fresh search', async () => {
    const fake = new FakeApi()
    fake.searchPool = [makeCreator(1)]
    await renderApp(fake)
    fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
    await screen.findByText('@creator1')
    expect(screen.queryByTestId('stale-banner')).toBeNull()
  })

  it('appears on a stale creator profile', async () => {
    const fake = new FakeApi()
    fake.details.set(3, makeDetail(3, { reportAgeDays: 5, stale: true }))
    await renderApp(fake)
    act(() => useUiStore.getState().openProfile(3))
    const drawer = await screen.findByRole('complementary', { name: 'Creator profile' })
    expect((await within(drawer).findByTestId('stale-banner')).textContent).toContain(
      'Showing cached data from',
    )
  })
})
