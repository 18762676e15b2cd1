// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetJobsPolling, useJobsStore } from '../../src/renderer/src/screens/bulk/jobs-store'
import { initialBulkState, useBulkStore } from '../../src/renderer/src/screens/bulk/bulk-store'
import { useSearchStore } from '../../src/renderer/src/stores/search-store'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import type { HandleCheck } from '../../src/shared/bulk'
import { FakeApi } from './fake-api'
import { emptyCheck, makeJob, makePreview } from './fake-bulk'
import { makeCreator } from './fake-data'
import { renderApp } from './helpers'

afterEach(() => {
  resetJobsPolling()
  useBulkStore.setState({ ...initialBulkState })
})

function checked(): HandleCheck {
  const a = makeCreator(1)
  const b = makeCreator(2)
  return {
    ...emptyCheck(),
    entries: [
      {
        line: 1,
        input: '@creator1',
        platform: 'instagram',
        handle: 'creator1',
        status: 'cached',
        creator: a,
        note: null,
      },
      {
        line: 2,
        input: 'instagram.com/creator2',
        platform: 'instagram',
        handle: 'creator2',
        status: 'resolved',
        creator: b,
        note: null,
      },
      {
        line: 4,
        input: 'Jane Doe',
        platform: null,
        handle: null,
        status: 'invalid',
        creator: null,
        note: 'has spaces: a name or a sentence, not a handle',
      },
      {
        line: 5,
        input: '@creator1',
        platform: 'instagram',
        handle: 'creator1',
        status: 'duplicate',
        creator: null,
        note: 'same as line 1',
      },
    ],
    counts: { cached: 1, resolved: 1, not_found: 0, unchecked: 0, duplicate: 1, invalid: 1 },
    creatorIds: [1, 2],
    lookups: 1,
  }
}

async function openBulk(fake: FakeApi) {
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('bulk'))
  await screen.findByRole('heading', { level: 1, name: 'Bulk work' })
}

describe('bulk work', () => {
  it('checks pasted handles and shows what is found and which lines are wrong', async () => {
    const fake = new FakeApi()
    fake.bulk.check = checked()
    await openBulk(fake)
    fireEvent.change(screen.getByLabelText('Handles or profile links'), {
      target: { value: '@creator1\r\ninstagram.com/creator2\n\nJane Doe\n@creator1' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Check handles (free)' }))
    const counts = await screen.findByRole('list', { name: 'Check result' })
    expect(within(counts).getByText('1 invalid')).toBeTruthy()
    expect(within(counts).getByText('1 found by Modash')).toBeTruthy()
    const lines = screen.getByRole('table', { name: 'Lines to look at' })
    expect(within(lines).getByText('has spaces: a name or a sentence, not a handle')).toBeTruthy()
    expect(within(lines).getByText('same as line 1')).toBeTruthy()
    expect(fake.callsTo('bulk:check')).toEqual([
      {
        lines: ['@creator1', 'instagram.com/creator2', '', 'Jane Doe', '@creator1'],
        format: 'lines',
        platform: 'instagram',
        lookup: true,
      },
    ])
    // Checking is free: nothing was previewed, started or bought.
    expect(fake.callsTo('bulk:start')).toEqual([])
  })

  it('previews once, buys after one confirmation, keeps the creators on a new list first', async () => {
    const fake = new FakeApi()
    fake.bulk.check = checked()
    fake.bulk.preview = makePreview({ creators: 2 })
    await openBulk(fake)
    fireEvent.change(screen.getByLabelText('Handles or profile links'), {
      target: { value: '@creator1\ninstagram.com/creator2' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Check handles (free)' }))
    await screen.findByRole('heading', { name: 'Batch' })
    fireEvent.change(screen.getByLabelText('Keep them on a list'), { target: { value: 'new' } })
    fireEvent.change(screen.getByLabelText('New list name'), { target: { value: 'Client picks' } })
    fireEvent.click(screen.getByRole('button', { name: 'Preview cost' }))
    const preview = await screen.findByRole('region', { name: 'Cost preview' })
    expect(within(preview).getByText(/2 to buy, 2\.00 Modash credits/)).toBeTruthy()
    expect(within(preview).getByText(/Clay lookups: 0 to 2/)).toBeTruthy()
    expect(fake.callsTo('bulk:preview')).toEqual([
      { target: { creatorIds: [1, 2] }, reports: true, emails: true },
    ])

    fireEvent.click(within(preview).getByRole('button', { name: 'Buy…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Buy for 2 creators?' })
    expect(within(dialog).getByText(/1 already fresh \(free\); 2 to buy/)).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buy and start' }))
    await waitFor(() => expect(fake.callsTo('bulk:start')).toHaveLength(1))
    expect(fake.callsTo('lists:create')).toEqual([{ name: 'Client picks' }])
    expect(fake.callsTo('lists:add')).toEqual([{ listId: 1, creatorIds: [1, 2] }])
    expect(fake.calls.findIndex((c) => c.channel === 'lists:add')).toBeLessThan(
      fake.calls.findIndex((c) => c.channel === 'bulk:start'),
    )
    expect(fake.callsTo('bulk:start')).toEqual([
      {
        target: { creatorIds: [1, 2] },
        reports: true,
        emails: true,
        title: '2 imported creators → “Client picks”',
        confirmed: { reports: 2, enrichments: 2 },
      },
    ])
    const jobs = screen.getByRole('region', { name: 'Jobs' })
    expect(await within(jobs).findByText('2 imported creators → “Client picks”')).toBeTruthy()
  })

  it('buys nothing when the confirmation is cancelled', async () => {
    const fake = new FakeApi()
    fake.bulk.check = checked()
    await openBulk(fake)
    fireEvent.change(screen.getByLabelText('Handles or profile links'), {
      target: { value: '@creator1' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Check handles (free)' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Preview cost' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Buy…' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fake.callsTo('bulk:start')).toEqual([])
    expect(fake.callsTo('lists:add')).toEqual([])
  })

  it('shows a running job in the header, and says when it ends', async () => {
    const fake = new FakeApi()
    fake.bulk.jobs = [
      makeJob({
        title: 'Friday shortlist',
        state: 'running',
        items: { total: 30, pending: 18, done: 11, failed: 1, skipped: 0 },
        spent: { reports: 11, enrichments: 4, discovery: 0, milliCredits: 11_000 },
        secondsLeft: 95,
      }),
    ]
    await renderApp(fake)
    const bar = await screen.findByRole('progressbar', { name: 'Background job' })
    expect(bar.getAttribute('aria-valuenow')).toBe('12')
    expect(bar.getAttribute('aria-valuemax')).toBe('30')
    expect(screen.getByText('12 of 30 · 1 failed · about 2 minutes left')).toBeTruthy()

    fake.bulk.jobs = [
      makeJob({
        title: 'Friday shortlist',
        state: 'done',
        items: { total: 30, pending: 0, done: 29, failed: 1, skipped: 0 },
        spent: { reports: 28, enrichments: 9, discovery: 0, milliCredits: 28_000 },
      }),
    ]
    await act(async () => {
      await useJobsStore.getState().refresh()
    })
    const ended =
      'Job “Friday shortlist” finished: 30 of 30 · 1 failed; charged 28 reports, 9 email lookups (28.00 Modash credits).'
    expect(screen.getByTestId('status-region').textContent).toBe(ended)
    expect(screen.queryByRole('progressbar', { name: 'Background job' })).toBeNull()
    expect(screen.getByText(ended, { selector: '.job-notice span' })).toBeTruthy()
  })

  it('pauses, resumes and cancels a job from the Bulk screen', async () => {
    const fake = new FakeApi()
    fake.bulk.jobs = [makeJob({ id: 7, title: 'Refresh', state: 'running' })]
    await openBulk(fake)
    const card = await screen.findByRole('listitem', { name: 'Refresh' })
    fireEvent.click(within(card).getByRole('button', { name: 'Pause' }))
    await within(card).findByRole('button', { name: 'Resume' })
    fireEvent.click(within(card).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(card.getAttribute('data-state')).toBe('cancelled'))
    expect(fake.callsTo('jobs:control')).toEqual([
      { jobId: 7, action: 'pause' },
      { jobId: 7, action: 'cancel' },
    ])
  })

  it('exports the loaded search results, and sends them to a batch', async () => {
    const fake = new FakeApi()
    fake.searchPool = [makeCreator(1), makeCreator(2), makeCreator(3)]
    await renderApp(fake)
    await act(async () => {
      await useSearchStore.getState().search()
    })
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
    await waitFor(() => expect(fake.callsTo('export:csv')).toEqual([{ creatorIds: [1, 2, 3] }]))
    await waitFor(() =>
      expect(screen.getByTestId('status-region').textContent).toMatch(/^Exported 3 rows to /),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Reports & emails…' }))
    await screen.findByRole('heading', { level: 1, name: 'Bulk work' })
    expect(screen.getByText('3 search results.')).toBeTruthy()
  })
})
