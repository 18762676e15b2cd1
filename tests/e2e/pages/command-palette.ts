import type { Locator, Page } from 'playwright-core'

export class CommandPalette {
  readonly root: Locator
  readonly input: Locator
  readonly options: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('command-palette')
    this.input = this.root.getByRole('combobox', { name: 'Type a command' })
    this.options = this.root.getByRole('option')
  }

  async filter(text: string): Promise<void> {
    await this.input.fill(text)
  }

  async close(): Promise<void> {
    await this.input.press('Escape')
    await this.root.waitFor({ state: 'detached' })
  }
}
