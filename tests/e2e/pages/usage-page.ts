import type { Locator, Page } from 'playwright-core'

/** Usage: the period's summary, the per-day chart and the audit log. */
export class UsagePage {
  readonly summary: Locator
  readonly chart: Locator
  readonly auditLog: Locator
  readonly auditRows: Locator

  constructor(readonly page: Page) {
    this.summary = page.locator('.usage-screen dl.stats').first()
    this.chart = page.getByRole('img', { name: /per day/ })
    this.auditLog = page.getByRole('region', { name: 'Audit log' })
    this.auditRows = this.auditLog.getByRole('row').filter({ has: page.getByRole('cell') })
  }

  async waitUntilLoaded(): Promise<void> {
    await this.summary.waitFor()
    await this.auditRows.first().waitFor()
  }
}
