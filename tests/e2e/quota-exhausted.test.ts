import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT } from './fixtures/app'
import { modashCalls } from './fixtures/sandbox-data'
import { SearchPage } from './pages/search-page'
import { SettingsPage } from './pages/settings-page'

describe('an exhausted monthly limit (sandbox)', () => {
  e2e.skipIf(e2eSkipReason !== null)(
    'blocks the paid search and report before any call, and says why and until when',
    async ({ app }) => {
      const { page, shell } = app
      const search = new SearchPage(page)
      await search.setMinFollowers('10k')
      await search.search()
      await expect.poll(() => search.summary.textContent()).toMatch(/charged 15 discovery results/)
      const handle = (await search.visibleHandles())[0] ?? ''
      await shell.waitForMeter('discovery', 15)

      // The limit set the way a person would: in Settings, to exactly what is already used.
      await shell.navigate('Settings')
      const settings = new SettingsPage(page)
      await settings.waitUntilLoaded()
      await settings.setLimits({ discovery: 15 })
      await shell.waitForStatus('Limits saved.')
      const meter = page.getByTestId('meter-discovery')
      await expect.poll(() => meter.getAttribute('data-level')).toBe('danger')
      expect(await meter.textContent()).toContain('15 / 15')
      const resets = await shell.resetDate()
      const { resetsAt } = await app.call('usage:quota', {})
      expect(new Date(resetsAt).getTime()).toBeGreaterThan(Date.now())

      await shell.navigate('Search')
      const sent = app.modash.calls().length
      await search.setMinFollowers('20k')
      await expect.poll(() => search.searchButton.textContent()).toMatch(/up to 15 discovery/)
      await search.search()
      await search.error.waitFor()
      expect(await search.error.getAttribute('data-code')).toBe('QUOTA_EXCEEDED')
      expect(await search.error.locator('strong').textContent()).toBe(
        'Monthly limit reached for discovery results',
      )
      expect(await search.error.locator('p').textContent()).toBe(
        `Nothing was charged. 15 of 15 discovery results used. The limit resets on ${resets}.` +
          ' Cached data stays available; you can raise the limit in Settings.',
      )
      expect(await search.staleBanner.count()).toBe(0)

      // The same for a report, with the limit set through the bridge this time. Results are
      // only ever shown under the filters they answer: the first search again (cached, free).
      await app.call('settings:set', { limits: { report: 0 } })
      await search.setMinFollowers('10k')
      await search.search()
      const drawer = await search.openProfile(handle)
      const confirm = await drawer.askForReport()
      expect((await confirm.text()).lines).toContain(
        `0 of 0 reports left this month (resets ${resets}).`,
      )
      await confirm.confirm()
      await drawer.error.waitFor()
      expect(await drawer.error.locator('strong').textContent()).toBe(
        'Monthly limit reached for reports',
      )
      expect(await drawer.error.locator('p').textContent()).toContain(
        `Nothing was charged. 0 of 0 reports used. The limit resets on ${resets}.`,
      )
      expect(await drawer.reportState()).toBe('get')

      // Blocked before the wire: neither emulator saw a single request, nothing was billed.
      expect(app.modash.calls().slice(sent)).toEqual([])
      expect(modashCalls(app, 'report')).toEqual([])
      const quota = await app.call('usage:quota', {})
      expect(quota.meters.map((m) => [m.meter, m.used, m.reserved])).toEqual([
        ['discovery', 15, 0],
        ['report', 0, 0],
        ['enrichment', 0, 0],
      ])
    },
    SCENARIO_TIMEOUT,
  )
})
