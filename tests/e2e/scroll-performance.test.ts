import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT } from './fixtures/app'
import {
  addPlainBox,
  describeScroll,
  LOADED,
  measureScroll,
  PLAIN_BOX,
  removePlainBox,
  RESULTS_TABLE,
  searchWideResults,
} from './fixtures/scroll-measure'

describe.skipIf(e2eSkipReason !== null)('scrolling a large result table', () => {
  e2e(
    'reaches every one of 1,000 loaded rows while the DOM holds only a window of them',
    async ({ app }) => {
      const { page } = app
      await searchWideResults(page)
      const grid = page.getByRole('grid', { name: 'Search results' })
      await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(LOADED + 1))

      const m = await measureScroll(page, RESULTS_TABLE)
      await addPlainBox(page)
      const plain = await measureScroll(page, PLAIN_BOX)
      await removePlainBox(page)
      console.log(`[scroll-performance] ${describeScroll('results table', m)}`)
      console.log(`[scroll-performance] ${describeScroll('plain scroll box', plain)}`)

      // Behaviour only: speed is measured (and printed) here, judged in benchmarks.
      const expected = Array.from({ length: LOADED }, (_, i) => i + 2)
      expect(m.seen).toEqual(expected)
      expect(plain.seen).toEqual(expected)
      const perScreen = Math.ceil(m.clientHeight / 44)
      expect(m.maxRows).toBeGreaterThanOrEqual(perScreen)
      expect(m.maxRows).toBeLessThanOrEqual(perScreen + 30)
    },
    SCENARIO_TIMEOUT,
  )
})
