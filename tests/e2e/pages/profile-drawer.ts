import type { Locator, Page } from 'playwright-core'
import { AddToListDialog } from './add-to-list-dialog'
import { ConfirmDialog } from './confirm-dialog'

/** The creator profile drawer: report button, email panel, the report itself. */
export class ProfileDrawer {
  readonly root: Locator
  readonly heading: Locator
  readonly reportButton: Locator
  readonly findEmailButton: Locator
  readonly emailPanel: Locator
  readonly report: Locator
  readonly reportAge: Locator
  readonly staleBanner: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Creator profile' })
    this.heading = this.root.locator('#profile-heading')
    this.reportButton = this.root.locator('button[data-report-state]')
    this.findEmailButton = this.root.getByRole('button', { name: 'Find email', exact: true })
    this.emailPanel = this.root.getByRole('region', { name: 'Email', exact: true })
    this.report = this.root.getByRole('region', { name: 'Detailed report', exact: true })
    this.reportAge = this.root.getByTestId('report-age')
    this.staleBanner = this.root.getByTestId('stale-banner')
    this.error = this.root.getByRole('alert')
  }

  /** The drawer shows this creator ("@name" appears under the heading once it has loaded). */
  async waitForCreator(handle: string): Promise<void> {
    await this.heading.waitFor()
    await this.root.locator('.profile-header').getByText(handle).first().waitFor()
  }

  async reportState(): Promise<string | null> {
    return this.reportButton.getAttribute('data-report-state')
  }

  /** Clicks the (paid) report button; the confirmation dialog it opens is returned unanswered. */
  async askForReport(): Promise<ConfirmDialog> {
    await this.reportButton.click()
    return ConfirmDialog.open(this.page)
  }

  async askForEmail(): Promise<ConfirmDialog> {
    await this.findEmailButton.click()
    return ConfirmDialog.open(this.page)
  }

  async addToList(): Promise<AddToListDialog> {
    await this.root.getByRole('button', { name: 'Add to list', exact: true }).click()
    const dialog = new AddToListDialog(this.page)
    await dialog.root.waitFor()
    return dialog
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close profile' }).click()
    await this.root.waitFor({ state: 'detached' })
  }
}
