// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetJobsPolling } from '../../src/renderer/src/screens/bulk/jobs-store'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import type { SavedSearch, SearchHistoryEntry } from '../../src/shared/bulk'
import { FakeApi } from './fake-api'
import { makePlan } from './fake-bulk'
import { daysAgo, makeCreator } from './fake-data'
import { renderApp } from './helpers'

afterEach(() => resetJobsPolling())

const HASH = 'ab'.repeat(32)

function entry(overrides: Partial<SearchHistoryEntry> = {}): SearchHistoryEntry {
  return {
    platform: 'instagram',
    filtersHash: HASH,
    filters: { influencer: { followers: { min: 10_000 } } },
    firstRunAt: daysAgo(40),
    lastRunAt: daysAgo(2),
    runs: 3,
    pagesCached: 2,
    oldestPageAt: daysAgo(40),
    newestPageAt: daysAgo(2),
    resultsCharged: 30,
    milliCredits: 300,
    savedId: null,
    savedName: null,
    ...overrides,
  }
}

function saved(overrides: Partial<SavedSearch> = {}): SavedSearch {
  return {
    id: 4,
    name: 'Ten k',
    platform: 'instagram',
    filtersHash: HASH,
    filters: { influencer: { followers: { min: 10_000 } } },
    savedAt: daysAgo(40),
    pagesCached: 2,
    oldestPageAt: daysAgo(40),
    ageDays: 40,
    stale: true,
    refreshResultsAtMost: 30,
    refreshMilliCreditsAtMost: 300,
    ...overrides,
  }
}

async function openHistory(fake: FakeApi) {
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('history'))
  await screen.findByRole('heading', { level: 1, name: 'Search history' })
}

describe('search history', () => {
  it('lists past searches with cost and age, reopens one for free, and exports it', async () => {
    const fake = new FakeApi()
    fake.bulk.history = [entry()]
    fake.bulk.opened = [makeCreator(1), makeCreator(2)]
    await openHistory(fake)
    const row = await screen.findByRole('row', { name: /followers min 10,000/ })
    expect(within(row).getByText('30 results, 0.30 credits')).toBeTruthy()
    expect(within(row).getByText('2 days ago')).toBeTruthy()
    fireEvent.click(within(row).getByRole('button', { name: 'Open (free)' }))
    const opened = await screen.findByRole('region', { name: 'Reopened search' })
    expect(within(opened).getByText('@creator2')).toBeTruthy()
    expect(fake.callsTo('searches:open')).toEqual([
      { platform: 'instagram', filtersHash: HASH, page: 0 },
    ])
    // Reopening never searches (which could buy).
    expect(fake.callsTo('creators:search')).toEqual([])
    fireEvent.click(within(opened).getByRole('button', { name: 'Export these (CSV)' }))
    await waitFor(() => expect(fake.callsTo('export:csv')).toEqual([{ creatorIds: [1, 2] }]))
  })

  it('saves a search by name', async () => {
    const fake = new FakeApi()
    fake.bulk.history = [entry()]
    await openHistory(fake)
    const row = await screen.findByRole('row', { name: /followers min 10,000/ })
    fireEvent.click(within(row).getByRole('button', { name: 'Save…' }))
    fireEvent.change(within(row).getByLabelText('Name'), { target: { value: 'Ten k' } })
    fireEvent.click(within(row).getByRole('button', { name: 'Save search' }))
    await waitFor(() =>
      expect(fake.callsTo('searches:save')).toEqual([
        { platform: 'instagram', filtersHash: HASH, name: 'Ten k' },
      ]),
    )
    const savedTable = await screen.findByRole('region', { name: 'Saved searches' })
    expect(await within(savedTable).findByText('Ten k')).toBeTruthy()
  })

  it('shows which saved searches are old and what refreshing costs, and refreshes after confirmation', async () => {
    const fake = new FakeApi()
    fake.bulk.saved = [saved()]
    fake.bulk.plan = makePlan({
      pages: { stale: 2, resultsAtMost: 30, milliCreditsAtMost: 300, pageAgeDays: 30 },
    })
    await openHistory(fake)
    const region = screen.getByRole('region', { name: 'Saved searches' })
    const row = await within(region).findByRole('row', { name: /Ten k/ })
    expect(within(row).getByText('up to 30 results, 0.30 credits')).toBeTruthy()
    expect(fake.callsTo('searches:saved')).toEqual([{ olderThanDays: 30 }])
    fireEvent.click(within(row).getByRole('button', { name: 'Refresh…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Refresh “Ten k”?' })
    expect(
      within(dialog).getByText(/2 search pages older than 30 days: up to 30 discovery results/),
    ).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refresh' }))
    await waitFor(() =>
      expect(fake.callsTo('refresh:start')).toEqual([
        {
          scope: { kind: 'search', platform: 'instagram', filtersHash: HASH },
          pageAgeDays: 30,
          parts: { reports: false, pages: true, emails: false },
          confirmed: { reports: 0, enrichments: 0, discovery: 30 },
        },
      ]),
    )
  })
})

describe('usage exports', () => {
  it('exports the audit log for a date range and the monthly usage', async () => {
    const fake = new FakeApi()
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('usage'))
    const panel = await screen.findByRole('region', { name: 'Export for re-billing' })
    fireEvent.change(within(panel).getByLabelText('From (UTC day)'), {
      target: { value: '2026-11-01' },
    })
    fireEvent.change(within(panel).getByLabelText('To (UTC day)'), {
      target: { value: '2026-11-30' },
    })
    fireEvent.click(within(panel).getByRole('button', { name: 'Export the audit log (CSV)' }))
    expect(await within(panel).findByText(/Exported 12 rows to/)).toBeTruthy()
    fireEvent.click(within(panel).getByRole('button', { name: 'Export monthly usage (CSV)' }))
    await waitFor(() => expect(fake.callsTo('export:usage-csv')).toEqual([{}]))
    expect(fake.callsTo('export:audit-csv')).toEqual([{ from: '2026-11-01', to: '2026-11-30' }])
  })
})
