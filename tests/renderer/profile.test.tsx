// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatDate } from '../../src/renderer/src/lib/format'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
import { makeDetail, makeSettings } from './fake-data'
import { renderApp } from './helpers'

async function openProfile(fake: FakeApi, id = 1) {
  await renderApp(fake)
  act(() => useUiStore.getState().openProfile(id))
  return screen.findByRole('complementary', { name: 'Creator profile' })
}

describe('report button', () => {
  it('offers to buy a report when none is owned', async () => {
    const drawer = await openProfile(new FakeApi())
    expect(
      await within(drawer).findByRole('button', { name: 'Get detailed report (1 report credit)' }),
    ).toBeTruthy()
  })

  it('says how old a cached report is and spends nothing to show it', async () => {
    const fake = new FakeApi()
    fake.details.set(1, makeDetail(1, { reportAgeDays: 12 }))
    const drawer = await openProfile(fake)
    fireEvent.click(await within(drawer).findByRole('button', { name: 'Report from 12 days ago' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('creators:select')).toHaveLength(0)
    expect(
      within(drawer).getByRole('img', { name: /^Countries: United States 62\.0%/ }),
    ).toBeTruthy()
  })

  it('offers a refresh once the report is older than the configured 30 days', async () => {
    const fake = new FakeApi()
    fake.details.set(1, makeDetail(1, { reportAgeDays: 30 }))
    fake.details.set(2, makeDetail(2, { reportAgeDays: 31 }))
    const drawer = await openProfile(fake, 1)
    expect(
      await within(drawer).findByRole('button', { name: 'Report from 30 days ago' }),
    ).toBeTruthy()
    act(() => useUiStore.getState().openProfile(2))
    expect(
      await within(drawer).findByRole('button', { name: 'Refresh report (1 credit)' }),
    ).toBeTruthy()
  })

  it('asks before buying; cancelling makes no call', async () => {
    const fake = new FakeApi()
    const drawer = await openProfile(fake)
    fireEvent.click(
      await within(drawer).findByRole('button', { name: 'Get detailed report (1 report credit)' }),
    )
    const dialog = await screen.findByRole('dialog', {
      name: 'Buy a detailed report for @creator1?',
    })
    expect(dialog.textContent).toContain('Cost: 1 report credit.')
    expect(dialog.textContent).toContain(
      `${(1_300).toLocaleString()} of ${(1_400).toLocaleString()} reports left`,
    )
    expect(dialog.textContent).toContain(formatDate(fake.quota.resetsAt))
    // Cancel has focus so a stray Enter cannot spend.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fake.callsTo('creators:select')).toHaveLength(0)
  })

  it('buys after confirmation, refreshes the quota and shows the report', async () => {
    const fake = new FakeApi()
    const drawer = await openProfile(fake)
    fireEvent.click(
      await within(drawer).findByRole('button', { name: 'Get detailed report (1 report credit)' }),
    )
    const dialog = await screen.findByRole('dialog')
    const quotaCallsBefore = fake.callsTo('usage:quota').length
    fireEvent.click(within(dialog).getByRole('button', { name: 'Get report (1 credit)' }))
    await waitFor(() => expect(fake.callsTo('creators:select')).toEqual([{ creatorId: 1 }]))
    expect(await within(drawer).findByRole('button', { name: 'Report from today' })).toBeTruthy()
    await waitFor(() =>
      expect(fake.callsTo('usage:quota').length).toBeGreaterThan(quotaCallsBefore),
    )
  })

  it('sends refresh: true when refreshing an expired report', async () => {
    const fake = new FakeApi()
    fake.details.set(1, makeDetail(1, { reportAgeDays: 45 }))
    const drawer = await openProfile(fake)
    fireEvent.click(
      await within(drawer).findByRole('button', { name: 'Refresh report (1 credit)' }),
    )
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Refresh report (1 credit)',
      }),
    )
    await waitFor(() =>
      expect(fake.callsTo('creators:select')).toEqual([{ creatorId: 1, refresh: true }]),
    )
  })
})

describe('offline mode', () => {
  it('never offers to buy a report while offline', async () => {
    const fake = new FakeApi()
    fake.settings = makeSettings({ offline: true })
    const drawer = await openProfile(fake)
    await screen.findByText('Offline')
    const button = await within(drawer).findByRole<HTMLButtonElement>('button', {
      name: 'Get detailed report (1 report credit)',
    })
    expect(button.disabled).toBe(true)
    fireEvent.keyDown(document.body, { key: 'r' })
    expect(await screen.findByText(/Offline mode is on/)).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('creators:select')).toHaveLength(0)
  })
})

describe('find email', () => {
  it('is disabled until a detailed report exists', async () => {
    const drawer = await openProfile(new FakeApi())
    const button = await within(drawer).findByRole<HTMLButtonElement>('button', {
      name: 'Find email',
    })
    expect(button.disabled).toBe(true)
    expect(within(drawer).getByText('Get the detailed report first.')).toBeTruthy()
  })

  it('is enabled with a report and shows where the email came from', async () => {
    const fake = new FakeApi()
    fake.details.set(1, makeDetail(1, { reportAgeDays: 2 }))
    const drawer = await openProfile(fake)
    const button = await within(drawer).findByRole<HTMLButtonElement>('button', {
      name: 'Find email',
    })
    expect(button.disabled).toBe(false)
    fireEvent.click(button)
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Find email' }),
    )
    await waitFor(() => expect(fake.callsTo('creators:enrich')).toEqual([{ creatorId: 1 }]))
    expect(await within(drawer).findByText('found@example.com')).toBeTruthy()
    expect(within(drawer).getByText(/from Clay/)).toBeTruthy()
  })

  it('says when nothing was found and when a retry is allowed', async () => {
    const fake = new FakeApi()
    const detail = makeDetail(1, { reportAgeDays: 2 })
    const retryAfter = new Date(Date.now() + 10 * 86_400_000).toISOString()
    detail.email = {
      email: null,
      source: 'clay',
      status: 'not_found',
      checkedAt: new Date().toISOString(),
      retryAfter,
    }
    fake.details.set(1, detail)
    const drawer = await openProfile(fake)
    expect(
      await within(drawer).findByText(new RegExp(`retry after ${formatDate(retryAfter)}`)),
    ).toBeTruthy()
    expect(
      within(drawer).getByRole<HTMLButtonElement>('button', { name: 'Find email' }).disabled,
    ).toBe(true)
  })
})
