import type { Locator, Page } from 'playwright-core'

/** The one confirmation every paid action (and every destructive one) goes through. */
export class ConfirmDialog {
  readonly root: Locator
  readonly title: Locator
  readonly lines: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('confirm-dialog')
    this.title = this.root.getByRole('heading')
    this.lines = this.root.getByRole('listitem')
  }

  static async open(page: Page): Promise<ConfirmDialog> {
    const dialog = new ConfirmDialog(page)
    await dialog.root.waitFor()
    return dialog
  }

  async text(): Promise<{ title: string; lines: string[] }> {
    return {
      title: (await this.title.textContent()) ?? '',
      lines: await this.lines.allTextContents(),
    }
  }

  async confirm(): Promise<void> {
    // The confirming button is the primary one; Cancel is first and holds the focus.
    await this.root.locator('.modal-actions button.primary').click()
    await this.root.waitFor({ state: 'detached' })
  }

  async cancel(): Promise<void> {
    await this.root.getByRole('button', { name: 'Cancel', exact: true }).click()
    await this.root.waitFor({ state: 'detached' })
  }
}
