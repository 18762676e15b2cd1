import type { Locator, Page } from 'playwright-core'

/** Settings: API keys, monthly limits and billing day, data and mode. */
export class SettingsPage {
  readonly limits: Locator
  readonly discoveryLimit: Locator
  readonly reportLimit: Locator
  readonly saveLimitsButton: Locator
  readonly keys: Locator

  constructor(readonly page: Page) {
    this.limits = page.getByRole('region', { name: 'Limits and billing' })
    this.discoveryLimit = this.limits.getByLabel('Discovery results per month')
    this.reportLimit = this.limits.getByLabel('Reports per month')
    this.saveLimitsButton = this.limits.getByRole('button', { name: 'Save limits' })
    this.keys = page.getByRole('region', { name: 'API keys' })
  }

  async waitUntilLoaded(): Promise<void> {
    await this.discoveryLimit.waitFor()
    await this.page.getByTestId('key-modash').waitFor()
  }

  async setLimits(limits: { discovery?: number; report?: number }): Promise<void> {
    if (limits.discovery !== undefined) await this.discoveryLimit.fill(String(limits.discovery))
    if (limits.report !== undefined) await this.reportLimit.fill(String(limits.report))
    await this.saveLimitsButton.click()
  }
}
