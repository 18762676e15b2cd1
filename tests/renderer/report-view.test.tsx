// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
import { makeDetail, makeReport } from './fake-data'
import { renderApp } from './helpers'

async function openReport(fake = new FakeApi()) {
  if (!fake.details.has(1)) fake.details.set(1, makeDetail(1, { reportAgeDays: 3 }))
  await renderApp(fake)
  act(() => useUiStore.getState().openProfile(1))
  const drawer = await screen.findByRole('complementary', { name: 'Creator profile' })
  return within(drawer).findByRole('region', { name: 'Detailed report' })
}

describe('the detailed report', () => {
  it('shows every section the report holds', async () => {
    const report = await openReport()
    for (const name of [
      'Overview',
      'About',
      'Growth',
      'Audience',
      'Content',
      'Sponsored posts',
      'Posts',
      'Lookalikes',
    ]) {
      expect(within(report).getByRole('region', { name })).toBeTruthy()
    }
    const about = within(report).getByRole('region', { name: 'About' })
    expect(about.textContent).toContain('Austin, Texas, US')
    expect(about.textContent).toContain('English')
    const overview = within(report).getByRole('region', { name: 'Overview' })
    expect(overview.textContent).toContain('Avg reels plays')
    expect(overview.textContent).toContain('Creator')
    expect(overview.textContent).toMatch(/\+2\.3% in a month/)
    const content = within(report).getByRole('region', { name: 'Content' })
    expect(within(content).getByText('Fitness')).toBeTruthy()
    expect(within(content).getByText('#skincare')).toBeTruthy()
    expect(within(content).getByText('@glossier')).toBeTruthy()
    expect(within(content).getByRole('table', { name: 'Performance by content type' })).toBeTruthy()
    expect(within(report).getByRole('region', { name: 'Sponsored posts' }).textContent).toContain(
      '0.82× the likes of other posts',
    )
    expect(within(report).getByText('@lookalike77')).toBeTruthy()
  })

  it('draws audience geo, ages, gender and history as charts with labelled axes', async () => {
    const report = await openReport()
    const audience = within(report).getByRole('region', { name: 'Audience' })
    expect(
      within(audience).getByRole('img', { name: /^Countries: United States 62\.0%/ }),
    ).toBeTruthy()
    expect(within(audience).getByRole('img', { name: /^Cities: New York 14\.0%/ })).toBeTruthy()
    expect(within(audience).getByRole('img', { name: /^Gender: Female 78\.0%/ })).toBeTruthy()
    expect(
      within(audience).getByRole('img', { name: /^Audience ages: 18–24: 41\.0% \(women 32\.0%/ }),
    ).toBeTruthy()
    const growth = within(report).getByRole('region', { name: 'Growth' })
    const followers = within(growth).getByRole('img', { name: /^Followers by month/ })
    // Both axes say what they measure.
    expect(followers.textContent).toContain('Month')
    expect(followers.textContent).toContain('Followers')
    expect(followers.textContent).toContain('Apr ’25')
    expect(within(growth).getByRole('img', { name: /^Engagement by month/ }).textContent).toContain(
      'Average likes',
    )
  })

  it('reads any value from the keyboard or on hover', async () => {
    const report = await openReport()
    const frame = within(report).getByRole('group', { name: /^Followers by month/ })
    const readout = within(frame).getByTestId('chart-readout')
    expect(readout.hasAttribute('hidden')).toBe(true)
    fireEvent.keyDown(frame, { key: 'ArrowRight' })
    expect(readout.textContent).toBe(`Apr 2025: ${(46_000).toLocaleString()} followers`)
    fireEvent.keyDown(frame, { key: 'End' })
    expect(readout.textContent).toBe(`Jun 2025: ${(48_200).toLocaleString()} followers`)
    fireEvent.keyDown(frame, { key: 'Escape' })
    expect(readout.hasAttribute('hidden')).toBe(true)

    const countries = within(report).getByRole('group', { name: /^Countries/ })
    const svg = countries.querySelector('svg')!
    svg.getBoundingClientRect = () =>
      ({ left: 0, top: 0, width: 480, height: 84, right: 480, bottom: 84 }) as DOMRect
    fireEvent.mouseMove(svg, { clientX: 200, clientY: 40 })
    expect(within(countries).getByTestId('chart-readout').textContent).toBe('Canada: 11.0%')
  })

  it('switches the audience to the people who liked recent posts', async () => {
    const report = await openReport()
    const overview = () => within(report).getByRole('region', { name: 'Audience' })
    expect(
      within(overview()).getByRole('img', { name: /^Who they are: Real people 81\.0%/ }),
    ).toBeTruthy()
    fireEvent.click(
      within(overview()).getByRole('radio', { name: 'People who liked recent posts' }),
    )
    expect(
      within(overview())
        .getByRole('img', { name: /^Countries/ })
        .closest('figure'),
    ).toBeTruthy()
  })

  it('says what a report lacks instead of drawing an empty chart', async () => {
    const fake = new FakeApi()
    const detail = makeDetail(1, { reportAgeDays: 1 })
    fake.details.set(1, {
      ...detail,
      report: makeReport({ history: [], audience: null, audienceLikers: null, lookalikes: [] }),
    })
    const report = await openReport(fake)
    expect(within(report).getByRole('region', { name: 'Growth' }).textContent).toContain(
      'Not enough history in this report.',
    )
    expect(within(report).getByRole('region', { name: 'Audience' }).textContent).toContain(
      'This report has no audience data.',
    )
  })
})
