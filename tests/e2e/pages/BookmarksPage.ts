// Page object for the bookmarks panel: save, list, export, import.
import type { Locator, Page } from '@playwright/test'

export class BookmarksPage {
  readonly root: Locator
  readonly name: Locator
  readonly save: Locator
  readonly links: Locator
  readonly message: Locator
  readonly exportButton: Locator
  readonly importInput: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('bookmarks-panel')
    this.name = page.getByTestId('bookmark-name')
    this.save = page.getByTestId('bookmark-save')
    this.links = page.getByTestId('bookmark-link')
    this.message = page.getByTestId('bookmark-message')
    this.exportButton = page.getByTestId('bookmark-export')
    this.importInput = page.getByTestId('bookmark-import')
  }

  async saveAs(name: string): Promise<void> {
    await this.name.fill(name)
    await this.save.click()
  }
}
