import { describe, expect } from 'vitest'
import { e2e, e2eSkipReason, SCENARIO_TIMEOUT, VIEWPORT } from './fixtures/app'
import type { ColorScheme, E2eApp } from './fixtures/app'
import { seriousViolations } from './fixtures/axe'
import { saveScreenshot } from './fixtures/screenshots'
import { ListsPage } from './pages/lists-page'
import { SearchPage } from './pages/search-page'
import { SettingsPage } from './pages/settings-page'
import { UsagePage } from './pages/usage-page'

const LIST = 'Shortlist'

/**
 * Walks every screen in the state a person would see it in, runs axe-core on each and, where
 * `shots` names it, saves the screenshot the docs show. Returns every serious or critical
 * finding, so one run reports them all rather than stopping at the first screen.
 */
async function walkScreens(
  app: E2eApp,
  shots: Partial<Record<string, string>>,
): Promise<{ findings: string[]; screens: string[] }> {
  const { page, shell } = app
  const findings: string[] = []
  const screens: string[] = []
  const check = async (screen: string) => {
    screens.push(screen)
    findings.push(...(await seriousViolations(page, screen)))
    const shot = shots[screen]
    if (shot !== undefined) {
      // An earlier action's status toast would sit over an unrelated screen in the docs.
      if (screen !== 'profile drawer with report') await shell.waitForStatusCleared()
      expect(await saveScreenshot(page, shot)).toMatchObject(VIEWPORT)
    }
  }

  const search = new SearchPage(page)
  await search.setMinFollowers('10k')
  await search.search()
  await expect.poll(() => search.summary.textContent()).toMatch(/fresh from Modash/)
  const handles = await search.visibleHandles()
  await check('search with results')

  const drawer = await search.openProfile(handles[0] ?? '')
  const confirm = await drawer.askForReport()
  await check('confirmation dialog')
  await confirm.confirm()
  await drawer.report.waitFor()
  await shell.waitForStatus('Report bought.')
  // The screenshot shows the report's audience charts rather than the drawer's first lines.
  await page.evaluate(
    "document.getElementById('report-audience').scrollIntoView({ block: 'start' })",
  )
  await check('profile drawer with report')

  const toList = await drawer.addToList()
  await check('add-to-list dialog')
  await toList.addToNewList(LIST)
  await drawer.close()
  for (const handle of handles.slice(1, 4)) await search.check(handle)
  await (await search.addCheckedToList()).addToExistingList(LIST)
  await shell.waitForStatus(`Added 3 creators to “${LIST}”.`)

  await shell.navigate('Lists')
  const lists = new ListsPage(page)
  await lists.open(LIST)
  await lists.waitForMembers(4)
  await check('lists')

  await shell.navigate('Usage')
  await new UsagePage(page).waitUntilLoaded()
  await check('usage')

  await shell.navigate('Settings')
  await new SettingsPage(page).waitUntilLoaded()
  await check('settings')

  await shell.navigate('Search')
  await search.rows.first().waitFor()
  const help = await shell.openShortcutsHelp()
  await check('shortcuts help')
  await help.close()

  const palette = await shell.openCommandPalette()
  await palette.filter('go')
  await palette.options.first().waitFor()
  await check('command palette')
  await palette.close()
  return { findings, screens }
}

const SCREENS = [
  'search with results',
  'confirmation dialog',
  'profile drawer with report',
  'add-to-list dialog',
  'lists',
  'usage',
  'settings',
  'shortcuts help',
  'command palette',
]

const SHOTS: Record<ColorScheme, Partial<Record<string, string>>> = {
  light: {
    'search with results': 'search-results',
    'confirmation dialog': 'confirm-dialog',
    'profile drawer with report': 'profile-report',
    lists: 'lists',
    usage: 'usage',
    settings: 'settings',
    'command palette': 'command-palette',
  },
  dark: { 'search with results': 'search-dark' },
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility, ${scheme} colour scheme`, () => {
    e2e.override({ colorScheme: scheme })

    e2e.skipIf(e2eSkipReason !== null)(
      `axe finds no serious or critical violation on any screen (${scheme})`,
      async ({ app }) => {
        const { findings, screens } = await walkScreens(app, SHOTS[scheme])
        expect(screens).toEqual(SCREENS)
        expect(findings).toEqual([])
      },
      SCENARIO_TIMEOUT,
    )
  })
}
