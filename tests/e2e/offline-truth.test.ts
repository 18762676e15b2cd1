import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT } from './fixtures/app'
import { creatorByHandle, modashCalls } from './fixtures/sandbox-data'
import { PAGE_SIZE } from '../../src/shared/search-filters'
import { SearchPage } from './pages/search-page'

/**
 * The issue's own case, as a new user tries it: offline, with Creator location = Germany, the
 * answer lists only creators the cache proves German, says how many more may be, and names the
 * filter it cannot apply; nothing of it stays once offline mode is switched off.
 */
describe('offline answers that are true (sandbox)', () => {
  e2e.skipIf(e2eSkipReason !== null)(
    'offline, Germany: only creators proven German, the "may match" line and the named filters',
    async ({ app }) => {
      const { page, shell } = app
      const search = new SearchPage(page)
      /** As a user does it: Settings, the switch (saved by main before it shows), back. */
      const setOffline = async (on: boolean) => {
        await shell.navigate('Settings')
        const toggle = page.getByRole('switch', { name: /^Offline mode/ })
        await toggle.click()
        await expect.poll(() => toggle.isChecked()).toBe(on)
        await shell.navigate('Search')
      }

      // Online: a broad search (mostly Americans), then one for Germany.
      await search.setMinFollowers('10k')
      await search.search()
      await expect.poll(() => search.summary.textContent()).toMatch(/fresh from Modash/)
      await search.setMinFollowers('')
      const location = page.getByRole('combobox', { name: 'Creator location' })
      await location.fill('Germ')
      await page.getByRole('option', { name: 'Germany', exact: true }).click()
      await search.search()
      await expect.poll(() => search.summary.textContent()).toMatch(/fresh from Modash/)
      const german = await search.visibleHandles()
      for (const handle of german)
        expect(creatorByHandle(app.dataset, 'instagram', handle).country).toBe('DE')
      const bought = modashCalls(app, 'search').length
      const lookups = app.modash.calls().filter((c) => c.route === 'dictionary').length

      // Offline, the same place with a follower floor and a lookalike the cache cannot judge.
      await setOffline(true)
      // The place typed again offline resolves from what the cache keeps, not the network.
      await page.getByRole('button', { name: 'Remove Germany' }).click()
      await location.fill('germa')
      await page.getByRole('option', { name: 'Germany', exact: true }).click()
      await search.setMinFollowers('5k')
      await page.getByLabel('Lookalikes of @handles').fill('@someone')
      await search.search()
      await search.staleBanner.waitFor()
      const banner = (await search.staleBanner.textContent()) ?? ''
      expect(banner).toMatch(/Offline mode is on/)
      expect(banner).not.toMatch(/cache only/i)

      const shown = await search.visibleHandles()
      expect(shown.length).toBeGreaterThan(0)
      for (const handle of shown) {
        expect(creatorByHandle(app.dataset, 'instagram', handle).country).toBe('DE')
      }
      // Only the broad search's page (15 creators, no report) is not proven German: they may
      // be, and are counted; the German page's creators are proven, or under the floor.
      const mayMatch = page.getByTestId('may-match')
      expect(await mayMatch.textContent()).toMatch(
        /^\d+ more may match: creator location unknown\.$/,
      )
      const count = Number(/^(\d+)/.exec((await mayMatch.textContent()) ?? '')?.[1])
      expect(count).toBeGreaterThan(0)
      expect(count).toBeLessThanOrEqual(PAGE_SIZE)
      expect(await page.getByTestId('not-applied').textContent()).toBe(
        'Not applied, the cache cannot know: lookalikes.',
      )
      expect(modashCalls(app, 'search')).toHaveLength(bought)
      expect(app.modash.calls().filter((c) => c.route === 'dictionary')).toHaveLength(lookups)

      // Back online: the offline answer and its banner are gone, not left under the new mode.
      await setOffline(false)
      expect(await search.staleBanner.count()).toBe(0)
      expect(await search.rows.count()).toBe(0)
    },
    SCENARIO_TIMEOUT,
  )
})
