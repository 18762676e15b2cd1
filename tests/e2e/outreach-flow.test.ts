import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT } from './fixtures/app'
import {
  COST_PER_REPORT,
  COST_PER_RESULT,
  creatorByHandle,
  milliCreditsCharged,
  modashCalls,
  SANDBOX_CLAY_KEY,
} from './fixtures/sandbox-data'
import { OUTREACH_COLUMNS } from '../../src/main/export/outreach-columns'
import { parseCsv } from '../helpers/rfc4180'
import { ListsPage } from './pages/lists-page'
import { SearchPage } from './pages/search-page'

const LIST = 'June outreach'
/** What the Clay emulator's sandbox key starts with (`sandbox-providers.ts`). */
const CLAY_START_CREDITS = 1_000_000

describe('outreach flow in the browser preview (sandbox)', () => {
  e2e.skipIf(e2eSkipReason !== null)(
    'search → profile → report → email → list → CSV, charged exactly what the emulators billed',
    async ({ app }) => {
      const { page, shell } = app
      const search = new SearchPage(page)

      await search.setMinFollowers('10k')
      await expect.poll(() => search.appliedFollowers.textContent()).toContain('10,000+')
      await expect.poll(() => search.searchButton.textContent()).toMatch(/up to 15 discovery/)
      await search.search()
      await expect.poll(() => search.summary.textContent()).toMatch(/fresh from Modash/)

      // A creator whose report holds no email but Clay knows one: the lookup must really run.
      const handles = await search.visibleHandles()
      const creators = handles.map((h) => creatorByHandle(app.dataset, 'instagram', h))
      const target = creators.find((c) => c.contacts.length === 0 && c.clayEmail !== null)
      if (target === undefined) throw new Error(`no row needs Clay among ${handles.join(', ')}`)
      const others = creators.filter((c) => c !== target).slice(0, 2)
      const handle = `@${target.username}`

      const drawer = await search.openProfile(handle)
      expect(await drawer.reportState()).toBe('get')
      const buy = await drawer.askForReport()
      expect(await buy.text()).toMatchObject({
        title: `Buy a detailed report for ${handle}?`,
        lines: expect.arrayContaining(['Cost: 1 report credit.']) as unknown,
      })
      await buy.confirm()
      await shell.waitForStatus('Report bought.')
      await drawer.report.waitFor()
      expect(await drawer.reportState()).toBe('cached')

      const lookup = await drawer.askForEmail()
      expect((await lookup.text()).title).toBe('Look up an email with Clay?')
      await lookup.confirm()
      await shell.waitForStatus('Email found.')
      await drawer.emailPanel.getByText(target.clayEmail ?? '', { exact: true }).waitFor()

      const toList = await drawer.addToList()
      await toList.addToNewList(LIST)
      await shell.waitForStatus(`Added 1 creator to “${LIST}”.`)
      await drawer.close()

      for (const other of others) await search.check(`@${other.username}`)
      const more = await search.addCheckedToList()
      await more.addToExistingList(LIST)
      await shell.waitForStatus(`Added 2 creators to “${LIST}”.`)

      await shell.navigate('Lists')
      const lists = new ListsPage(page)
      await lists.open(LIST)
      await lists.waitForMembers(3)
      await lists
        .member(handle)
        .getByText(target.clayEmail ?? '', { exact: true })
        .waitFor()

      const exported = await lists.exportCsv()
      expect(exported.rows).toBe(3)
      expect(dirname(resolve(exported.path))).toBe(resolve(app.exportDir))
      // Exported for Excel by default: a UTF-8 byte order mark, then the sheet.
      const text = readFileSync(exported.path, 'utf8')
      expect(text.charCodeAt(0)).toBe(0xfeff)
      const [header, ...rows] = parseCsv(text, { bom: true })
      expect(header).toEqual(OUTREACH_COLUMNS.map((c) => c.header))
      const byHandle = new Map(
        rows.map((r) => [r[OUTREACH_COLUMNS.findIndex((c) => c.header === 'Handle')], r]),
      )
      expect([...byHandle.keys()].sort()).toEqual([target, ...others].map((c) => c.username).sort())
      const cell = (row: string[] | undefined, header: string) =>
        row?.[OUTREACH_COLUMNS.findIndex((c) => c.header === header)]
      const targetRow = byHandle.get(target.username)
      expect(cell(targetRow, 'Platform')).toBe('instagram')
      expect(cell(targetRow, 'Name')).toBe(target.fullname)
      expect(cell(targetRow, 'Email')).toBe(target.clayEmail)
      expect(cell(targetRow, 'Email source')).toBe('clay')
      expect(cell(targetRow, 'Lists')).toBe(LIST)
      expect(cell(targetRow, 'Report fetched at')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
      // Instagram profiles carry no average views: the report's reels plays stand in.
      expect(cell(targetRow, 'Average views')).toBe(
        target.avgReelsPlays ? String(Math.round(target.avgReelsPlays)) : '',
      )
      expect(cell(targetRow, 'First name')).toBe(target.fullname.split(/\s+/)[0] ?? '')
      for (const other of others) {
        // Never enriched, no report bought: the export reads the cache and buys nothing.
        expect(cell(byHandle.get(other.username), 'Email')).toBe('')
        expect(cell(byHandle.get(other.username), 'Report fetched at')).toBe('')
      }

      // The meters against what the emulators say they charged, call by call.
      const searches = modashCalls(app, 'search')
      const reports = modashCalls(app, 'report')
      expect(searches.map((c) => c.status)).toEqual([200])
      expect(reports.map((c) => c.status)).toEqual([200])
      const discovery = milliCreditsCharged(app, 'search') / COST_PER_RESULT
      expect(discovery).toBe(15)
      await shell.waitForMeter('discovery', discovery)
      await shell.waitForMeter('report', milliCreditsCharged(app, 'report') / COST_PER_REPORT)
      expect(await shell.meterUsed('report')).toBe(1)
      const clayCharged = CLAY_START_CREDITS - app.clay.credits(SANDBOX_CLAY_KEY)
      expect(clayCharged).toBe(1)
      await shell.waitForMeter('enrichment', clayCharged)

      // The audit log, read through the bridge, tells the same story.
      const log = await app.call('usage:log', { page: 0, pageSize: 500 })
      const units = (action: string) =>
        log.rows.filter((r) => r.action === action).reduce((s, r) => s + r.costUnits, 0)
      expect(units('search')).toBe(discovery)
      expect(units('report')).toBe(1)
      expect(units('enrich-start')).toBe(clayCharged)
    },
    SCENARIO_TIMEOUT,
  )
})
