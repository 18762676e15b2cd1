import type { Locator, Page } from 'playwright-core'
import type { Meter } from '../../../src/shared/domain'
import { CommandPalette } from './command-palette'
import { ShortcutsHelp } from './shortcuts-help'

export type ScreenName = 'Search' | 'Lists' | 'Bulk' | 'History' | 'Usage' | 'Settings'

/** What every screen shares: header meters and badges, main navigation, the status line. */
export class AppShell {
  readonly usage: Locator
  readonly resets: Locator
  readonly status: Locator
  readonly sandboxBadge: Locator

  constructor(readonly page: Page) {
    this.usage = page.getByRole('region', { name: 'Monthly usage' })
    this.resets = this.usage.getByText(/^Resets /)
    this.status = page.getByTestId('status-region')
    this.sandboxBadge = page.locator('.app-header').getByText('Sandbox', { exact: true })
  }

  /** The app has loaded its settings (sandbox badge) and its quota (meters). */
  async waitUntilReady(): Promise<void> {
    await this.sandboxBadge.waitFor()
    await this.meter('discovery').waitFor()
  }

  meter(name: Meter): Locator {
    return this.page.getByTestId(`meter-${name}`).getByRole('meter')
  }

  /** Used units as the meter announces them (`aria-valuenow`); 0 when the meter is hidden. */
  async meterUsed(name: Meter): Promise<number> {
    const meter = this.meter(name)
    if ((await meter.count()) === 0) return 0
    return Number(await meter.getAttribute('aria-valuenow'))
  }

  /** Waits until the meter shows `used`; the header refreshes after each paid call settles. */
  async waitForMeter(name: Meter, used: number): Promise<void> {
    await this.page
      .getByTestId(`meter-${name}`)
      .locator(`[role="meter"][aria-valuenow="${used}"]`)
      .waitFor()
  }

  /** The reset date exactly as the header prints it ("Resets Jul 1, 2026" → "Jul 1, 2026"). */
  async resetDate(): Promise<string> {
    return ((await this.resets.textContent()) ?? '').replace(/^Resets /, '').trim()
  }

  async waitForStatus(text: string | RegExp): Promise<void> {
    await this.status.filter({ hasText: text }).waitFor()
  }

  /** Waits for the status line to empty itself again (it shows each outcome for a few seconds). */
  async waitForStatusCleared(): Promise<void> {
    await this.status.filter({ hasText: /\S/ }).waitFor({ state: 'detached' })
  }

  async navigate(screen: ScreenName): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: screen, exact: true })
      .click()
    await this.page.getByRole('heading', { level: 1, name: HEADINGS[screen] }).waitFor({
      state: 'attached',
    })
  }

  async openCommandPalette(): Promise<CommandPalette> {
    await this.page.getByRole('button', { name: /^Commands/ }).click()
    const palette = new CommandPalette(this.page)
    await palette.root.waitFor()
    return palette
  }

  /** `?` from the page itself: single-key shortcuts are ignored while typing in a field. */
  async openShortcutsHelp(): Promise<ShortcutsHelp> {
    await this.page.locator('#main').focus()
    await this.page.keyboard.press('?')
    const help = new ShortcutsHelp(this.page)
    await help.root.waitFor()
    return help
  }
}

const HEADINGS: Record<ScreenName, string> = {
  Search: 'Search creators',
  Lists: 'Lists',
  Bulk: 'Bulk work',
  History: 'Search history',
  Usage: 'Usage',
  Settings: 'Settings',
}
