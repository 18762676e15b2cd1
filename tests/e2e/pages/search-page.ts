import type { Locator, Page } from 'playwright-core'
import { ProfileDrawer } from './profile-drawer'
import { AddToListDialog } from './add-to-list-dialog'

/** The search screen: filters on the left, the priced search button and the results grid. */
export class SearchPage {
  readonly results: Locator
  readonly searchButton: Locator
  readonly minFollowers: Locator
  readonly appliedFollowers: Locator
  readonly rows: Locator
  readonly summary: Locator
  readonly staleBanner: Locator
  readonly error: Locator
  readonly addToListButton: Locator

  constructor(readonly page: Page) {
    this.results = page.getByRole('region', { name: 'Results' })
    // Its label carries the price: "Search — up to 15 …", "Search — cached, free", "Searching…".
    this.searchButton = this.results.getByRole('button', { name: /^Search/ })
    this.minFollowers = page.getByLabel('Min followers')
    this.appliedFollowers = page.getByTestId('applied-followers')
    this.rows = page.getByTestId('result-row')
    this.summary = this.results.getByRole('status').filter({ hasText: /^Showing [\d,]+ of / })
    this.staleBanner = this.results.getByTestId('stale-banner')
    this.error = this.results.getByRole('alert')
    this.addToListButton = this.results.getByRole('button', { name: 'Add to list', exact: true })
  }

  async setMinFollowers(text: string): Promise<void> {
    await this.minFollowers.fill(text)
  }

  /**
   * Clicks the search button and waits for the outcome. React renders "Searching…" within the
   * click itself, so once that label is gone this search has answered, with rows or an error.
   */
  async search(): Promise<void> {
    await this.searchButton.click()
    await this.results.getByRole('button', { name: 'Searching…' }).waitFor({ state: 'detached' })
    await this.summary.or(this.error).first().waitFor()
  }

  /** The handles of the rows the grid has rendered ("@name"). */
  async visibleHandles(): Promise<string[]> {
    await this.rows.first().waitFor()
    return this.rows.locator('.col-creator button').allTextContents()
  }

  row(handle: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name: handle, exact: true }) })
  }

  async openProfile(handle: string): Promise<ProfileDrawer> {
    await this.row(handle).getByRole('button', { name: handle, exact: true }).click()
    const drawer = new ProfileDrawer(this.page)
    await drawer.waitForCreator(handle)
    return drawer
  }

  async check(handle: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${handle}`, exact: true }).check()
  }

  async addCheckedToList(): Promise<AddToListDialog> {
    await this.addToListButton.click()
    const dialog = new AddToListDialog(this.page)
    await dialog.root.waitFor()
    return dialog
  }
}
