import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT } from './fixtures/app'
import { modashCalls } from './fixtures/sandbox-data'
import { SearchPage } from './pages/search-page'

describe('repeating a search (sandbox)', () => {
  e2e.skipIf(e2eSkipReason !== null)(
    'the same search again is free: priced as cached, answered from the cache, never sent',
    async ({ app }) => {
      const { page, shell } = app
      const search = new SearchPage(page)
      await search.setMinFollowers('25k')

      await expect.poll(() => search.searchButton.textContent()).toMatch(/up to 15 discovery/)
      await search.search()
      await expect.poll(() => search.summary.textContent()).toMatch(/charged 15 discovery results/)
      const firstHandles = await search.visibleHandles()
      await shell.waitForMeter('discovery', 15)
      const sent = modashCalls(app, 'search').length
      expect(sent).toBe(1)

      // The button prices the repeat before it is pressed.
      await expect.poll(() => search.searchButton.textContent()).toBe('Search — cached, free')
      // The header re-reads the quota after every search; wait for that read, then compare.
      const quotaRead = page.waitForResponse((r) => r.url().endsWith('/ipc/usage:quota'))
      await search.search()
      await (await quotaRead).finished()
      const summary = (await search.summary.textContent()) ?? ''
      expect(summary).toMatch(/from the cache/)
      expect(summary).toMatch(/· free$/)
      expect(await search.visibleHandles()).toEqual(firstHandles)
      expect(await shell.meterUsed('discovery')).toBe(15)
      const quota = await app.call('usage:quota', {})
      expect(quota.meters.find((m) => m.meter === 'discovery')?.used).toBe(15)
      expect(modashCalls(app, 'search')).toHaveLength(sent)

      const log = await app.call('usage:log', { page: 0, pageSize: 50, action: 'search' })
      expect(log.rows.map((r) => [r.outcome, r.costUnits])).toEqual(
        expect.arrayContaining([
          ['ok', 15],
          ['cache_hit', 0],
        ]),
      )
      expect(log.total).toBe(2)
    },
    SCENARIO_TIMEOUT,
  )
})
