import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT } from './fixtures/app'
import type { E2eApp } from './fixtures/app'
import { DEFAULT_RETRY, modashCalls } from './fixtures/sandbox-data'
import type { ModashFault } from '../../src/main/sandbox/modash-emulator'
import { SearchPage } from './pages/search-page'

/**
 * One 503 for every attempt the client makes, so the outage outlasts its retries. Modash's
 * Retry-After is honoured, and zero keeps the retries without the seconds of backoff.
 */
function outage(app: E2eApp, route: 'search' | 'report'): void {
  const faults: ModashFault[] = Array.from({ length: DEFAULT_RETRY.maxAttempts }, () => ({
    kind: 'status',
    status: 503,
    retryAfterSeconds: 0,
  }))
  app.modash.injectFaults(route, faults)
}

async function used(app: E2eApp, meter: 'discovery' | 'report'): Promise<number | undefined> {
  const quota = await app.call('usage:quota', {})
  return quota.meters.find((m) => m.meter === meter)?.used
}

describe('Modash outage (sandbox)', () => {
  e2e.skipIf(e2eSkipReason !== null)(
    'shows cached data, says so, and charges nothing when Modash fails beyond the retries',
    async ({ app }) => {
      const { page, shell } = app
      const search = new SearchPage(page)
      await search.setMinFollowers('10k')
      await search.search()
      await expect.poll(() => search.summary.textContent()).toMatch(/fresh from Modash/)
      const cachedHandles = await search.visibleHandles()
      const handle = cachedHandles[0] ?? ''

      let drawer = await search.openProfile(handle)
      await (await drawer.askForReport()).confirm()
      await drawer.report.waitFor()
      const boughtOn = (await drawer.reportAge.textContent()) ?? ''
      await drawer.close()
      await shell.waitForMeter('discovery', 15)

      // A new search while Modash is down: answered from the local database, and flagged.
      const searchesBefore = modashCalls(app, 'search').length
      outage(app, 'search')
      await search.setMinFollowers('20k')
      await expect.poll(() => search.searchButton.textContent()).toMatch(/up to 15 discovery/)
      await search.search()
      await search.staleBanner.waitFor()
      expect(await search.staleBanner.textContent()).toMatch(
        /^Answered from creators bought before.*Modash could not answer/,
      )
      expect(await search.summary.textContent()).toMatch(/from the local database/)
      expect(await search.error.count()).toBe(0)
      const localHandles = await search.visibleHandles()
      expect(localHandles.length).toBeGreaterThan(0)
      expect(cachedHandles).toEqual(expect.arrayContaining(localHandles))
      const failed = modashCalls(app, 'search').slice(searchesBefore)
      expect(failed.map((c) => [c.status, c.fault, c.costMilliCredits])).toEqual(
        Array.from({ length: DEFAULT_RETRY.maxAttempts }, () => [503, 'status', 0]),
      )
      expect(await used(app, 'discovery')).toBe(15)
      expect(await shell.meterUsed('discovery')).toBe(15)

      // A month on, the report is past its age limit; refreshing it during the outage keeps it.
      app.clock.advanceDays(40)
      drawer = await search.openProfile(handle)
      expect(await drawer.reportState()).toBe('refresh')
      const reportsBefore = modashCalls(app, 'report').length
      const reportUnitsBefore = await used(app, 'report')
      outage(app, 'report')
      const refresh = await drawer.askForReport()
      expect((await refresh.text()).title).toBe(`Refresh the report for ${handle}?`)
      await refresh.confirm()
      await shell.waitForStatus('Report loaded from the cache, nothing charged.')
      await drawer.staleBanner.waitFor()
      expect(await drawer.staleBanner.textContent()).toMatch(
        /^Showing cached data from .+Modash could not refresh the report/,
      )
      await drawer.report.waitFor()
      expect(await drawer.reportAge.textContent()).toBe(
        boughtOn.replace('(today)', '(40 days ago)'),
      )
      expect(await drawer.error.count()).toBe(0)
      const refused = modashCalls(app, 'report').slice(reportsBefore)
      expect(refused.map((c) => [c.status, c.fault, c.costMilliCredits])).toEqual(
        Array.from({ length: DEFAULT_RETRY.maxAttempts }, () => [503, 'status', 0]),
      )
      expect(await used(app, 'report')).toBe(reportUnitsBefore)
    },
    SCENARIO_TIMEOUT,
  )
})
