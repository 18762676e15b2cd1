import type { Locator, Page } from 'playwright-core'
import { ConfirmDialog } from './confirm-dialog'

/** The Bulk screen: the import and its check, the batch and its cost preview, the jobs. */
export class BulkPage {
  readonly handles: Locator
  readonly checkButton: Locator
  readonly checkResult: Locator
  readonly linesToLookAt: Locator
  readonly batch: Locator
  readonly preview: Locator
  readonly jobs: Locator

  constructor(readonly page: Page) {
    this.handles = page.getByLabel('Handles or profile links')
    this.checkButton = page.getByRole('button', { name: 'Check handles (free)' })
    this.checkResult = page.getByRole('list', { name: 'Check result' })
    this.linesToLookAt = page.getByRole('table', { name: 'Lines to look at' })
    this.batch = page.getByRole('region', { name: 'Batch' })
    this.preview = page.getByRole('region', { name: 'Cost preview' })
    this.jobs = page.getByRole('region', { name: 'Jobs' })
  }

  async check(lines: string[]): Promise<void> {
    await this.handles.fill(lines.join('\n'))
    await this.checkButton.click()
    await this.checkResult.waitFor()
  }

  /** "30 found by Modash" → 30, per status shown. */
  async counts(): Promise<Record<string, number>> {
    const items = await this.checkResult.getByRole('listitem').all()
    const counts: Record<string, number> = {}
    for (const item of items) {
      const status = (await item.getAttribute('data-status')) ?? ''
      counts[status] = Number(((await item.textContent()) ?? '').replace(/[^\d].*$/, ''))
    }
    return counts
  }

  /** Line numbers and results of the lines flagged in the check. */
  async flaggedLines(): Promise<[number, string][]> {
    const rows = await this.linesToLookAt.locator('tbody tr').all()
    const out: [number, string][] = []
    for (const row of rows) {
      const cells = await row.getByRole('cell').allTextContents()
      out.push([Number(cells[0]), cells[2] ?? ''])
    }
    return out
  }

  async keepOnNewList(name: string): Promise<void> {
    await this.batch.getByLabel('Keep them on a list').selectOption('new')
    await this.batch.getByLabel('New list name').fill(name)
  }

  async previewCost(): Promise<string[]> {
    await this.batch.getByRole('button', { name: 'Preview cost' }).click()
    await this.preview.waitFor()
    return this.preview.getByRole('listitem').allTextContents()
  }

  async buy(): Promise<ConfirmDialog> {
    await this.preview.getByRole('button', { name: /^(Buy|Start)/ }).click()
    return ConfirmDialog.open(this.page)
  }

  job(title: string): Locator {
    return this.jobs.getByRole('listitem', { name: title })
  }
}
