import type { Locator, Page } from 'playwright-core'

/** "Add N creators to a list": an existing list or a new one. Free, lists are local. */
export class AddToListDialog {
  readonly root: Locator
  readonly listSelect: Locator
  readonly newName: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('add-to-list-dialog')
    // The select's accessible name includes its current choice ("List New list…").
    this.listSelect = this.root.getByRole('combobox', { name: /^List\b/ })
    this.newName = this.root.getByLabel('New list name')
  }

  async addToNewList(name: string): Promise<void> {
    await this.newName.fill(name)
    await this.submit()
  }

  /** Picks an existing list by name; its option reads "Name (members)". */
  async addToExistingList(name: string): Promise<void> {
    const option = this.listSelect.locator('option').filter({ hasText: `${name} (` })
    const value = await option.getAttribute('value')
    if (value === null) throw new Error(`no list named ${name} in the dialog`)
    await this.listSelect.selectOption(value)
    await this.submit()
  }

  private async submit(): Promise<void> {
    await this.root.getByRole('button', { name: /^Add \d/ }).click()
    await this.root.waitFor({ state: 'detached' })
  }
}
