import type { Locator, Page } from 'playwright-core'

export interface ExportOutcome {
  rows: number
  path: string
}

/** Lists: the sidebar of lists, the chosen list's header (export) and its members. */
export class ListsPage {
  readonly sidebar: Locator
  readonly detail: Locator
  readonly members: Locator
  readonly exportStatus: Locator

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation', { name: 'Lists' })
    this.detail = page.getByRole('region', { name: 'List members' })
    this.members = this.detail
      .getByRole('table')
      .getByRole('row')
      .filter({
        has: page.getByRole('rowheader'),
      })
    this.exportStatus = this.detail.getByRole('status').filter({ hasText: /^Exported / })
  }

  async open(name: string): Promise<void> {
    await this.sidebar.getByRole('button', { name: new RegExp(`^${escape(name)} \\(`) }).click()
    await this.detail.getByRole('heading', { name, exact: true }).waitFor()
  }

  async waitForMembers(count: number): Promise<void> {
    await this.members.nth(count - 1).waitFor()
    const shown = await this.members.count()
    if (shown !== count) throw new Error(`the list shows ${shown} members, not ${count}`)
  }

  member(handle: string): Locator {
    return this.members.filter({ has: this.page.getByRole('rowheader', { name: handle }) })
  }

  /** Exports the open list and reads where the file went from the status line. */
  async exportCsv(): Promise<ExportOutcome> {
    await this.detail.getByRole('button', { name: 'Export CSV' }).click()
    await this.exportStatus.waitFor()
    const text = (await this.exportStatus.textContent()) ?? ''
    const match = /^Exported ([\d,]+) rows? to (.+)$/.exec(text.trim())
    if (match === null) throw new Error(`unexpected export status: ${text}`)
    return { rows: Number(match[1]?.replace(/,/g, '')), path: match[2] ?? '' }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
