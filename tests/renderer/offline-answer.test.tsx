// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useSettingsStore } from '../../src/renderer/src/stores/settings-store'
import type { SearchResult } from '../../src/shared/domain'
import { FakeApi, ok } from './fake-api'
import { makeCreator, makeSettings } from './fake-data'
import { renderApp } from './helpers'

const searchButton = () => screen.getByRole('button', { name: /^Search (—|cache only)/ })

function local(over: Partial<SearchResult>): SearchResult {
  return {
    platform: 'instagram',
    page: 0,
    creators: [makeCreator(1), makeCreator(2)],
    total: 2,
    source: 'local',
    fetchedAt: new Date().toISOString(),
    resultsCharged: 0,
    filtersHash: 'h',
    localReason: 'offline',
    staleReason: 'Offline mode is on: answered from the cache, nothing bought.',
    mayMatch: { count: 14, capped: false, unknownFilters: ['influencer.location'] },
    neverEvaluable: ['influencer.relevance'],
    unappliedFilters: ['influencer.relevance'],
    ...over,
  }
}

function answering(result: SearchResult): FakeApi {
  return new FakeApi().on('creators:search', ({ platform, page }) =>
    ok({ ...result, platform, page }),
  )
}

async function searchOnce(fake: FakeApi): Promise<HTMLElement> {
  await renderApp(fake)
  fireEvent.click(searchButton())
  await screen.findByText('@creator1')
  return screen.getByTestId('stale-banner')
}

describe('an answer from the cache says what it is', () => {
  it('names offline mode as the reason, the "may match" count and the filters not applied', async () => {
    const fake = answering(local({}))
    fake.settings = makeSettings({ offline: true })
    const banner = await searchOnce(fake)
    expect(banner.textContent).toContain('Offline mode is on, so nothing was bought.')
    expect(banner.textContent).not.toContain('cache only')
    expect(screen.getByTestId('may-match').textContent).toBe(
      '14 more may match: creator location unknown.',
    )
    expect(screen.getByTestId('not-applied').textContent).toBe(
      'Not applied, the cache cannot know: lookalikes.',
    )
  })

  it('says "cache only" when that was ticked, and a capped count as at least', async () => {
    const banner = await searchOnce(
      answering(
        local({
          localReason: 'cache_only',
          mayMatch: {
            count: 10_000,
            capped: true,
            unknownFilters: ['influencer.location', 'audience.gender'],
          },
          neverEvaluable: [],
        }),
      ),
    )
    expect(banner.textContent).toContain('"Search cache only" is ticked')
    expect(screen.getByTestId('may-match').textContent).toMatch(
      /^10,000\+ more may match: creator location and audience gender unknown\.$/,
    )
    expect(screen.queryByTestId('not-applied')).toBeNull()
  })

  it("gives Modash's failure as the reason when Modash failed", async () => {
    const banner = await searchOnce(
      answering(
        local({
          localReason: 'provider_failed',
          staleReason: 'Modash could not answer (503).',
          mayMatch: { count: 0, capped: false, unknownFilters: [] },
          orderNotApplied: 'audienceGeo',
        }),
      ),
    )
    expect(banner.textContent).toContain('Modash could not answer (503).')
    expect(screen.getByTestId('may-match').textContent).toBe(
      'No other creator in the cache can match.',
    )
    expect(banner.textContent).toContain(
      'Ordered by followers: the cache cannot order by audience location share.',
    )
  })

  it('calls a free answer from a fully fetched search what it is, with no warning', async () => {
    const fake = answering(
      local({
        source: 'cache',
        localReason: 'contained',
        staleReason: undefined,
        containedIn: { fetchedAt: '2026-11-01T10:00:00.000Z' },
        mayMatch: { count: 0, capped: false, unknownFilters: [] },
        neverEvaluable: [],
      }),
    )
    await renderApp(fake)
    fireEvent.click(searchButton())
    const note = await screen.findByTestId('contained-answer')
    expect(note.textContent).toMatch(/fetched to its last page/)
    expect(screen.queryByTestId('stale-banner')).toBeNull()
  })
})

describe('nothing old stays on screen', () => {
  it('drops the banner and the results once the filters change', async () => {
    await searchOnce(answering(local({})))
    fireEvent.change(screen.getByLabelText('Bio words'), { target: { value: 'vegan' } })
    expect(screen.queryByTestId('stale-banner')).toBeNull()
    expect(screen.queryByText('@creator1')).toBeNull()
  })

  it('drops them when offline mode is switched', async () => {
    const fake = answering(local({}))
    fake.settings = makeSettings({ offline: true })
    await searchOnce(fake)
    await act(async () => {
      await useSettingsStore.getState().save({ offline: false })
    })
    expect(screen.queryByTestId('stale-banner')).toBeNull()
    expect(screen.queryByText('@creator1')).toBeNull()
  })

  it('drops them when "cache only" is switched', async () => {
    await searchOnce(answering(local({ localReason: 'cache_only' })))
    fireEvent.click(screen.getByRole('switch'))
    expect(screen.queryByTestId('stale-banner')).toBeNull()
  })

  it('never shows an answer that arrives after the filters changed', async () => {
    let release: () => void = () => undefined
    const fake = new FakeApi().on(
      'creators:search',
      ({ platform, page }) =>
        new Promise((resolve) => {
          release = () => resolve(ok({ ...local({}), platform, page }))
        }),
    )
    await renderApp(fake)
    fireEvent.click(searchButton())
    await waitFor(() => expect(fake.callsTo('creators:search')).toHaveLength(1))
    fireEvent.change(screen.getByLabelText('Bio words'), { target: { value: 'vegan' } })
    await act(async () => {
      release()
      await new Promise((r) => setTimeout(r, 0))
    })
    expect(screen.queryByText('@creator1')).toBeNull()
    expect(screen.queryByTestId('stale-banner')).toBeNull()
  })
})
