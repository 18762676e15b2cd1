import type { Locator, Page } from 'playwright-core'

export class ShortcutsHelp {
  readonly root: Locator
  readonly rows: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('shortcuts-help')
    this.rows = this.root.getByRole('row')
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close' }).click()
    await this.root.waitFor({ state: 'detached' })
  }
}
