// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { roundFollowers } from '../../src/renderer/src/lib/followers'
import { FakeApi } from './fake-api'
import { makeCreator, makeSettings } from './fake-data'
import { renderApp } from './helpers'

function fakeWithResults(count = 40): FakeApi {
  const fake = new FakeApi()
  fake.searchPool = Array.from({ length: count }, (_, i) => makeCreator(i + 1))
  return fake
}

const searchButton = () => screen.getByRole('button', { name: /^Search (—|cache only)/ })

describe('search button cost label', () => {
  it('says what a new search may cost, then "cached, free" once main holds the page', async () => {
    const fake = await renderApp(fakeWithResults())
    expect(searchButton().textContent).toBe('Search — up to 15 discovery results')

    fireEvent.click(searchButton())
    await screen.findByText('@creator1')
    expect(fake.callsTo('creators:search')).toHaveLength(1)
    expect(searchButton().textContent).toBe('Search — cached, free')
    expect(screen.getByRole('button', { name: 'Next page (up to 15 results)' })).toBeTruthy()

    // A different filter is a different, paid request again.
    fireEvent.change(screen.getByLabelText('Bio words'), { target: { value: 'vegan' } })
    expect(searchButton().textContent).toBe('Search — up to 15 discovery results')
  })

  it('labels a repeat as free when the last identical search came from the cache', async () => {
    const fake = fakeWithResults()
    fake.on('creators:search', ({ platform, page }) => ({
      ok: true,
      data: {
        platform,
        page,
        creators: [makeCreator(7)],
        total: 1,
        source: 'cache',
        fetchedAt: new Date().toISOString(),
        resultsCharged: 0,
        filtersHash: 'h',
      },
    }))
    await renderApp(fake)
    fireEvent.click(searchButton())
    await screen.findByText('@creator7')
    expect(searchButton().textContent).toBe('Search — cached, free')
  })

  it('shows a capped local count as "at least"', async () => {
    const fake = fakeWithResults()
    fake.on('creators:search', ({ platform, page }) => ({
      ok: true,
      data: {
        platform,
        page,
        creators: [makeCreator(7)],
        total: 10_000,
        totalIsCapped: true,
        source: 'local',
        fetchedAt: new Date().toISOString(),
        resultsCharged: 0,
        filtersHash: 'h',
      },
    }))
    await renderApp(fake)
    fireEvent.click(searchButton())
    await screen.findByText('@creator7')
    expect(screen.getByText(/of at least 10,000 matches/)).toBeTruthy()
  })

  it('fetches the next page and prices it', async () => {
    const fake = await renderApp(fakeWithResults(40))
    fireEvent.click(searchButton())
    await screen.findByText('@creator1')
    fireEvent.click(screen.getByRole('button', { name: 'Next page (up to 15 results)' }))
    await waitFor(() => expect(fake.callsTo('creators:search').map((c) => c.page)).toEqual([0, 1]))
    await screen.findByText(/Showing 30 of 40 matches/)
  })
})

describe('cache-only searches', () => {
  it('sends cacheOnly: true when the switch is on, and labels the search free', async () => {
    const fake = await renderApp(fakeWithResults())
    fireEvent.click(screen.getByRole('switch', { name: 'Search cache only' }))
    expect(searchButton().textContent).toBe('Search cache only (free)')
    fireEvent.click(searchButton())
    await waitFor(() => expect(fake.callsTo('creators:search')).toHaveLength(1))
    expect(fake.callsTo('creators:search')[0]?.cacheOnly).toBe(true)
  })

  it('does not send cacheOnly by default', async () => {
    const fake = await renderApp(fakeWithResults())
    fireEvent.click(searchButton())
    await waitFor(() => expect(fake.callsTo('creators:search')).toHaveLength(1))
    expect(fake.callsTo('creators:search')[0]?.cacheOnly).toBeUndefined()
  })

  it('forces cache-only and shows the offline badge when settings say offline', async () => {
    const fake = fakeWithResults()
    fake.settings = makeSettings({ offline: true })
    await renderApp(fake)
    await screen.findByText('Offline')
    const toggle = screen.getByRole<HTMLInputElement>('switch', { name: 'Search cache only' })
    expect(toggle.checked).toBe(true)
    expect(toggle.disabled).toBe(true)
    fireEvent.click(searchButton())
    await waitFor(() => expect(fake.callsTo('creators:search')).toHaveLength(1))
    expect(fake.callsTo('creators:search')[0]?.cacheOnly).toBe(true)
  })
})

describe('follower rounding', () => {
  it('rounds under 5k to the nearest 1k and from 5k to the nearest 5k', () => {
    expect(roundFollowers(1_499)).toBe(1_000)
    expect(roundFollowers(1_500)).toBe(2_000)
    expect(roundFollowers(4_600)).toBe(5_000)
    expect(roundFollowers(7_400)).toBe(5_000)
    expect(roundFollowers(7_500)).toBe(10_000)
    expect(roundFollowers(123_456)).toBe(125_000)
  })

  it('shows the range Modash will apply and sends exactly that', async () => {
    const fake = await renderApp(fakeWithResults())
    fireEvent.change(screen.getByLabelText('Min followers'), { target: { value: '1499' } })
    fireEvent.change(screen.getByLabelText('Max followers'), { target: { value: '123,456' } })
    const applied = screen.getByTestId('applied-followers').textContent ?? ''
    expect(applied).toContain(
      `${(1_000).toLocaleString()} – ${(125_000).toLocaleString()} followers`,
    )
    expect(applied).toContain('rounded')

    fireEvent.click(searchButton())
    await waitFor(() => expect(fake.callsTo('creators:search')).toHaveLength(1))
    expect(fake.callsTo('creators:search')[0]?.filters.influencer?.followers).toEqual({
      min: 1_000,
      max: 125_000,
    })
  })

  it('refuses an inverted range before anything is paid', async () => {
    const fake = await renderApp(fakeWithResults())
    fireEvent.change(screen.getByLabelText('Min followers'), { target: { value: '50k' } })
    fireEvent.change(screen.getByLabelText('Max followers'), { target: { value: '10k' } })
    fireEvent.click(searchButton())
    await screen.findByRole('alert')
    expect(screen.getByRole('alert').textContent).toContain('Minimum followers exceed the maximum')
    expect(fake.callsTo('creators:search')).toHaveLength(0)
  })
})
