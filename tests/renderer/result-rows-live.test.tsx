// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ResultsTable } from '../../src/renderer/src/screens/search/ResultsTable'
import { ResultsToolbar } from '../../src/renderer/src/screens/search/ResultsToolbar'
import { useListsStore } from '../../src/renderer/src/stores/lists-store'
import { useSearchStore } from '../../src/renderer/src/stores/search-store'
import { useResultsViewStore } from '../../src/renderer/src/stores/results-view-store'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, installFakeApi, ok } from './fake-api'
import { daysAgo, makeCreator, makeDetail, NOW } from './fake-data'
import { renderApp } from './helpers'

const rowOf = (handle: string) =>
  screen.getByRole('button', { name: handle }).closest<HTMLElement>('[role="row"]')!

async function searchFor(fake: FakeApi) {
  await renderApp(fake)
  fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
  await screen.findByText('@creator1')
}

async function confirmDialog(label: RegExp | string) {
  const dialog = await screen.findByRole('dialog')
  fireEvent.click(within(dialog).getByRole('button', { name: label }))
}

describe('result rows show what is known, live', () => {
  it('marks a report owned (with its age) as soon as it is bought, without searching again', async () => {
    const fake = new FakeApi()
    fake.searchPool = [makeCreator(1), makeCreator(2)]
    await searchFor(fake)
    expect(within(rowOf('@creator1')).getByText('No report')).toBeTruthy()

    act(() => useUiStore.getState().openProfile(1))
    fireEvent.click(
      await screen.findByRole('button', { name: 'Get detailed report (1 report credit)' }),
    )
    fake.details.set(1, {
      ...makeDetail(1, { reportAgeDays: 0 }),
      creator: makeCreator(1, {
        hasDetailedProfile: true,
        detailedFetchedAt: NOW.toISOString(),
        country: 'US',
        credibility: 0.81,
        topCountry: 'US',
        topCountryShare: 0.62,
      }),
    })
    fake.on('creators:select', ({ creatorId }) =>
      ok({ ...fake.detail(creatorId), reportsCharged: 1 }),
    )
    await confirmDialog('Get report (1 credit)')
    await waitFor(() => expect(within(rowOf('@creator1')).getByText('Owned · today')).toBeTruthy())
    expect(within(rowOf('@creator1')).getByText('81%')).toBeTruthy()
    expect(within(rowOf('@creator1')).getByText('US 62%')).toBeTruthy()
    expect(within(rowOf('@creator2')).getByText('No report')).toBeTruthy()
    expect(fake.callsTo('creators:search')).toHaveLength(1)
  })

  it('shows an email found, and a "not found" with the date a new lookup is allowed', async () => {
    const fake = new FakeApi()
    fake.searchPool = [makeCreator(1), makeCreator(2)]
    for (const id of [1, 2]) fake.details.set(id, makeDetail(id, { reportAgeDays: 1 }))
    await searchFor(fake)

    act(() => useUiStore.getState().openProfile(1))
    fireEvent.click(await screen.findByRole('button', { name: /^Find email/ }))
    await confirmDialog('Find email')
    await waitFor(() => expect(within(rowOf('@creator1')).getByText('Email found')).toBeTruthy())

    const retry = new Date(NOW.getTime() + 20 * 86_400_000).toISOString()
    fake.on('creators:enrich', ({ creatorId }) =>
      ok({
        creatorId,
        email: {
          email: null,
          source: 'clay',
          status: 'not_found',
          checkedAt: NOW.toISOString(),
          retryAfter: retry,
        },
        source: 'provider',
        enrichmentsCharged: 1,
      }),
    )
    act(() => useUiStore.getState().openProfile(2))
    fireEvent.click(await screen.findByRole('button', { name: /^Find email/ }))
    await confirmDialog('Find email')
    await waitFor(() => expect(within(rowOf('@creator2')).getByText('Not found')).toBeTruthy())
    expect(within(rowOf('@creator2')).getByText(/^until /).textContent).toMatch(/^until \w+/)
  })

  it('says a creator is on a list once added, and forgets it when removed', async () => {
    const fake = new FakeApi()
    fake.searchPool = [makeCreator(1), makeCreator(2)]
    await searchFor(fake)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @creator2' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add to list' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByLabelText('New list name'), {
      target: { value: 'Summer' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 1 creator' }))
    await waitFor(() => expect(within(rowOf('@creator2')).getByText('Summer')).toBeTruthy())
    expect(within(rowOf('@creator1')).queryByText('Summer')).toBeNull()
    await act(() => useListsStore.getState().removeMembers(1, [2]))
    expect(within(rowOf('@creator2')).queryByText('Summer')).toBeNull()
  })
})

describe('sorting and filtering loaded results (free)', () => {
  function load() {
    useSearchStore.setState({
      rows: [
        { creator: makeCreator(1, { followers: 5_000, emailFound: true }), fresh: false },
        {
          creator: makeCreator(2, {
            followers: 90_000,
            hasDetailedProfile: true,
            detailedFetchedAt: daysAgo(4),
            lists: [{ id: 1, name: 'Summer' }],
          }),
          fresh: false,
        },
        {
          creator: makeCreator(3, {
            followers: 40_000,
            emailNotFoundUntil: daysAgo(-10),
            credibility: 0.9,
          }),
          fresh: false,
        },
      ],
      status: 'done',
    })
    render(
      <>
        <ResultsToolbar />
        <ResultsTable />
      </>,
    )
  }
  const order = () =>
    screen.getAllByTestId('result-row').map((r) => within(r).getAllByRole('button')[0]!.textContent)

  it('sorts by a clicked column, reverses on a second click and restores on a third', () => {
    installFakeApi()
    load()
    const followers = screen.getByRole('button', { name: /^Followers/ })
    fireEvent.click(followers)
    expect(order()).toEqual(['@creator2', '@creator3', '@creator1'])
    expect(followers.closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('descending')
    fireEvent.click(followers)
    expect(order()).toEqual(['@creator1', '@creator3', '@creator2'])
    fireEvent.click(followers)
    expect(order()).toEqual(['@creator1', '@creator2', '@creator3'])
    fireEvent.click(screen.getByRole('button', { name: /Audience credibility/ }))
    expect(order()[0]).toBe('@creator3')
  })

  it('filters by email, report and list state without a call', () => {
    const fake = installFakeApi()
    load()
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'found' } })
    expect(order()).toEqual(['@creator1'])
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'not_found' } })
    expect(order()).toEqual(['@creator3'])
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }))
    fireEvent.change(screen.getByLabelText('Report'), { target: { value: 'owned' } })
    expect(order()).toEqual(['@creator2'])
    fireEvent.change(screen.getByLabelText('Report'), { target: { value: 'any' } })
    fireEvent.change(screen.getByLabelText('Lists'), { target: { value: 'off' } })
    expect(order()).toEqual(['@creator1', '@creator3'])
    expect(useResultsViewStore.getState().filters.lists).toBe('off')
    expect(fake.calls.filter((c) => c.channel !== 'creators:picture')).toHaveLength(0)
  })
})
