import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, ROOT, SCENARIO_TIMEOUT } from './fixtures/app'
import type { E2eApp } from './fixtures/app'
import { creatorByHandle } from './fixtures/sandbox-data'
import { ListsPage } from './pages/lists-page'
import { SearchPage } from './pages/search-page'
import { SettingsPage } from './pages/settings-page'
import { UsagePage } from './pages/usage-page'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const

const SHOTS = join(ROOT, 'test-results/e2e/screens-fit')

/**
 * Everything that scrolls sideways on the page: the document itself and any element whose
 * content is wider than its box while it lets the user scroll it. Empty means every screen fits.
 */
/*
 * The checks run in the page, as plain scripts: this file is compiled for Node, without the DOM's
 * types.
 */
const SIDEWAYS_SCROLL = `(() => {
  const out = []
  const doc = document.documentElement
  if (doc.scrollWidth > doc.clientWidth) out.push('document ' + doc.scrollWidth + ' > ' + doc.clientWidth)
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el)
    if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') continue
    if (el.scrollWidth > el.clientWidth + 1) {
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.')
      out.push(name + ' ' + el.scrollWidth + ' > ' + el.clientWidth)
    }
  }
  return out
})()`

/** Header text that wrapped onto a second line ("Creator / Desk", "Ctrl / K"). */
const WRAPPED_HEADER = `(() => {
  const out = []
  for (const sel of ['.app-title', '.header-badges button', '.header-badges .badge', '.meter-text', '.meter-label']) {
    for (const el of document.querySelectorAll(sel)) {
      const line = parseFloat(getComputedStyle(el).lineHeight) || 20
      if (el.getBoundingClientRect().height > line * 1.6) out.push(sel + ' wraps: ' + el.textContent)
    }
  }
  return out
})()`

/**
 * Everything that scrolls sideways on the page: the document itself and any element whose
 * content is wider than its box while it lets the user scroll it. Empty means the screen fits.
 */
async function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(SIDEWAYS_SCROLL)
}

async function wrappedHeader(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(WRAPPED_HEADER)
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

async function checkFits(app: E2eApp, screen: string, size: string): Promise<void> {
  await shot(app.page, `${screen}-${size}`)
  expect(await sidewaysScroll(app.page), `${screen} at ${size}`).toEqual([])
  expect(await wrappedHeader(app.page), `${screen} at ${size}`).toEqual([])
}

describe('the screens a talent manager lives in', () => {
  for (const size of SIZES) {
    const label = `${size.width}x${size.height}`
    e2e.skipIf(e2eSkipReason !== null)(
      `every screen fits ${label} without sideways scrolling, rows stay live, notes survive a reload`,
      async ({ app }) => {
        const { page, shell } = app
        await page.setViewportSize(size)
        // The header with every badge it can show: offline and the email meter.
        await app.call('settings:set', { offline: false, limits: { enrichment: 500 } })
        await page.reload()
        await shell.waitUntilReady()

        const search = new SearchPage(page)
        await search.setMinFollowers('10k')
        await search.search()
        const handles = await search.visibleHandles()
        await checkFits(app, 'search', label)

        // Buy a report: the row says so at once, without searching again. The creator is one
        // whose report holds no email but Clay knows one, so the lookup really runs.
        const target = handles
          .map((h) => creatorByHandle(app.dataset, 'instagram', h))
          .find((c) => c.contacts.length === 0 && c.clayEmail !== null)
        if (target === undefined) throw new Error(`no row needs Clay among ${handles.join(', ')}`)
        const first = `@${target.username}`
        const drawer = await search.openProfile(first)
        const confirm = await drawer.askForReport()
        await confirm.confirm()
        await drawer.report.waitFor()
        for (const section of [
          'Overview',
          'About',
          'Growth',
          'Audience',
          'Content',
          'Sponsored posts',
          'Posts',
          'Lookalikes',
        ]) {
          await drawer.report.getByRole('region', { name: section, exact: true }).waitFor()
        }
        await drawer.report.getByRole('img', { name: /^Countries: / }).waitFor()
        await drawer.report.getByRole('img', { name: /^Followers by month/ }).waitFor()
        await checkFits(app, 'profile', label)
        for (const section of ['growth', 'audience', 'content']) {
          await page.locator(`#report-${section}`).scrollIntoViewIfNeeded()
          await shot(page, `report-${section}-${label}`)
        }
        // Hovering a chart reads its value.
        const countries = drawer.report.getByRole('group', { name: /^Countries/ })
        await countries.hover()
        await countries
          .getByTestId('chart-readout')
          .filter({ hasText: /: \d+\.\d%$/ })
          .waitFor()

        // Find the email (the sandbox's Clay answers found or not found): the row follows.
        await drawer.askForEmail().then((c) => c.confirm())
        await shell.waitForStatus('Email found.')
        await drawer.close()
        const row = search.row(first)
        await row.getByText(/^Owned · today$/).waitFor()
        await row.getByText('Email found', { exact: true }).waitFor()

        // Add to a list: the row names it.
        await search.check(first)
        const toList = await search.addCheckedToList()
        await toList.addToNewList('Shortlist')
        await row.getByText('Shortlist', { exact: true }).waitFor()
        expect(await search.searchButton.textContent()).toMatch(/cached, free/)

        // Lists: fits, and a note typed (not blurred) is still there after a reload.
        await shell.navigate('Lists')
        const lists = new ListsPage(page)
        await lists.open('Shortlist')
        await lists.waitForMembers(1)
        await checkFits(app, 'lists', label)
        const notes = page.getByRole('textbox', { name: /^Notes on / })
        await notes.click()
        await page.keyboard.type('Call back on Tuesday\nBudget: 2 reels')
        await page.getByText('Saving…').or(page.getByText('Not saved yet…')).first().waitFor()
        await page.reload()
        await shell.waitUntilReady()
        await shell.navigate('Lists')
        await lists.open('Shortlist')
        await expect.poll(() => notes.inputValue()).toBe('Call back on Tuesday\nBudget: 2 reels')
        const members = await app.call('lists:members', { listId: 1 })
        await expect
          .poll(async () => (await app.call('lists:members', { listId: 1 }))[0]?.notes)
          .toBe('Call back on Tuesday\nBudget: 2 reels')
        expect(members).toHaveLength(1)

        await shell.navigate('Usage')
        await new UsagePage(page).waitUntilLoaded()
        await checkFits(app, 'usage', label)

        await shell.navigate('Settings')
        await new SettingsPage(page).waitUntilLoaded()
        await app.call('settings:set', { offline: true })
        await page.reload()
        await shell.waitUntilReady()
        await page.locator('.app-header').getByText('Offline', { exact: true }).waitFor()
        await shell.navigate('Settings')
        await checkFits(app, 'settings-offline', label)
        await shell.navigate('Search')
        await checkFits(app, 'search-offline', label)
      },
      SCENARIO_TIMEOUT,
    )
  }
})
