import { readFileSync } from 'node:fs'
import { describe, expect } from 'vitest'
import type { SandboxCreator } from '../../src/main/sandbox/dataset/generate-dataset'
import { OUTREACH_COLUMNS } from '../../src/main/export/outreach-columns'
import type { Platform } from '../../src/shared/platforms'
import { parseCsv } from '../helpers/rfc4180'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT } from './fixtures/app'
import { seriousViolations } from './fixtures/axe'
import {
  COST_PER_REPORT,
  milliCreditsCharged,
  modashCalls,
  SANDBOX_CLAY_KEY,
} from './fixtures/sandbox-data'
import { BulkPage } from './pages/bulk-page'
import { ListsPage } from './pages/lists-page'

const LIST = 'Client handles'
const CLAY_START_CREDITS = 1_000_000

/** Creators of a platform, most with an email in their report and a few without (Clay's work). */
function pick(
  dataset: readonly SandboxCreator[],
  platform: Platform,
  withEmail: number,
  without: number,
): SandboxCreator[] {
  const of = dataset.filter((c) => c.platform === platform)
  return [
    ...of.filter((c) => c.contacts.length > 0).slice(0, withEmail),
    ...of.filter((c) => c.contacts.length === 0).slice(0, without),
  ]
}

/** Each creator as people paste them: handles, links with tracking, video links. */
function pasted(c: SandboxCreator, i: number): string {
  if (c.platform === 'tiktok') return `https://www.tiktok.com/@${c.username}/video/72345678901${i}`
  if (c.platform === 'youtube') return `https://www.youtube.com/@${c.handle ?? c.username}`
  return i % 3 === 0
    ? `@${c.username}`
    : i % 3 === 1
      ? `https://www.instagram.com/${c.username}/?hl=en`
      : `instagram.com/${c.username}`
}

describe('bulk work in the browser preview (sandbox)', () => {
  e2e.skipIf(e2eSkipReason !== null)(
    'paste 30 handles → check → one preview → one confirmation → progress → list filled → CSV',
    async ({ app }) => {
      const { page, shell } = app
      const creators = [
        ...pick(app.dataset, 'instagram', 16, 4),
        ...pick(app.dataset, 'tiktok', 4, 1),
        ...pick(app.dataset, 'youtube', 4, 1),
      ]
      expect(creators).toHaveLength(30)
      const first = creators[0]
      if (!first) throw new Error('no creator')
      // 30 creators, a repeat of the first, a name and a post link: 33 lines.
      const lines = creators.map(pasted)
      lines.splice(10, 0, 'Jane Doe')
      lines.splice(20, 0, first.username.toUpperCase())
      lines.push('https://www.instagram.com/p/CxYz123AbC/')

      await shell.navigate('Bulk')
      const bulk = new BulkPage(page)
      await bulk.check(lines)
      expect(await bulk.counts()).toMatchObject({ resolved: 30, duplicate: 1, invalid: 2 })
      expect(await bulk.flaggedLines()).toEqual([
        [11, 'invalid'],
        [21, 'duplicate'],
        [33, 'invalid'],
      ])
      // The check is free: only Modash's handle lookup was called.
      expect(modashCalls(app, 'report')).toEqual([])
      expect(milliCreditsCharged(app, 'search')).toBe(0)

      await bulk.keepOnNewList(LIST)
      const preview = await bulk.previewCost()
      expect(preview).toContain('30 creators in this batch.')
      expect(preview.join('\n')).toMatch(
        /0 already fresh \(free\); 30 to buy, 30\.00 Modash credits/,
      )
      expect(preview.join('\n')).toMatch(/Clay lookups: 0 to 30/)

      expect(await seriousViolations(page, 'bulk screen with a check and a preview')).toEqual([])

      const confirm = await bulk.buy()
      expect((await confirm.text()).title).toBe('Buy for 30 creators?')
      await confirm.confirm()

      // Progress in the header while the job runs in main; the app stays usable meanwhile.
      const bar = page.getByRole('progressbar', { name: 'Background job' })
      await bar.waitFor()
      await expect
        .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 })
        .toBeGreaterThan(0)
      await shell.navigate('Lists')
      await page
        .locator('.job-notice')
        .filter({ hasText: /finished: 30 of 30/ })
        .waitFor({
          timeout: 90_000,
        })

      const lists = new ListsPage(page)
      await lists.open(LIST)
      await lists.waitForMembers(30)
      const withEmail = creators.filter((c) => c.contacts.length > 0 || c.clayEmail !== null)
      const sample = withEmail.find((c) => c.contacts.length === 0)
      if (sample) {
        await lists
          .member(`@${sample.username}`)
          .getByText(sample.clayEmail ?? '', { exact: true })
          .waitFor()
      }

      const exported = await lists.exportCsv()
      expect(exported.rows).toBe(30)
      const [header, ...rows] = parseCsv(readFileSync(exported.path, 'utf8'), { bom: true })
      expect(header).toEqual(OUTREACH_COLUMNS.map((c) => c.header))
      const cell = (row: string[], name: string) =>
        row[OUTREACH_COLUMNS.findIndex((c) => c.header === name)] ?? ''
      expect(rows.every((r) => cell(r, 'Report fetched at') !== '')).toBe(true)
      expect(rows.filter((r) => cell(r, 'Email') !== '')).toHaveLength(withEmail.length)
      expect(new Set(rows.map((r) => cell(r, 'Handle')))).toEqual(
        new Set(creators.map((c) => c.username)),
      )

      // Charged exactly what the preview said, as the emulators count it.
      const reports = milliCreditsCharged(app, 'report') / COST_PER_REPORT
      expect(reports).toBe(30)
      const clay = CLAY_START_CREDITS - app.clay.credits(SANDBOX_CLAY_KEY)
      expect(clay).toBe(creators.filter((c) => c.contacts.length === 0).length)
      await shell.waitForMeter('report', reports)
      await shell.waitForMeter('enrichment', clay)
      const { jobs } = await app.call('jobs:status', {})
      expect(jobs[0]).toMatchObject({
        state: 'done',
        items: { total: 30, done: 30, failed: 0 },
        spent: { reports: 30, enrichments: clay, milliCredits: 30 * COST_PER_REPORT },
      })
    },
    SCENARIO_TIMEOUT,
  )
})
