// Page object for the application shell: loading, the header, the sidebar tabs, the route.
import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { App } from '../support/fixtures'
import { BookmarksPage } from './BookmarksPage'
import { LibraryPage } from './LibraryPage'
import { ReaderPage } from './ReaderPage'
import { SearchPage } from './SearchPage'

export class AppPage {
  readonly page: Page
  readonly library: LibraryPage
  readonly search: SearchPage
  readonly reader: ReaderPage
  readonly bookmarks: BookmarksPage
  readonly searchInput: Locator
  readonly toast: Locator

  constructor(readonly app: App) {
    this.page = app.page
    this.library = new LibraryPage(this.page)
    this.search = new SearchPage(this.page)
    this.reader = new ReaderPage(this.page)
    this.bookmarks = new BookmarksPage(this.page)
    this.searchInput = this.page.getByTestId('search-input')
    this.toast = this.page.getByTestId('toast')
  }

  /** Opens a route and waits until the library's data is on screen. */
  async open(hash = '#/'): Promise<void> {
    await this.app.open(hash)
    await expect(this.page.getByTestId('app')).toBeVisible()
  }

  tab(name: 'library' | 'search' | 'bookmarks'): Locator {
    return this.page.getByTestId(`tab-${name}`)
  }

  async hash(): Promise<string> {
    return this.page.evaluate(() => decodeURIComponent(location.hash))
  }

  async reload(): Promise<void> {
    await this.page.reload()
    await expect(this.page.getByTestId('app')).toBeVisible()
  }

  async theme(): Promise<string | undefined> {
    return (await this.page.locator('html').getAttribute('data-theme')) ?? undefined
  }

  async copyLink(): Promise<string> {
    await this.page.getByTestId('copy-link').click()
    await expect(this.page.getByTestId('toast-detail')).toBeVisible()
    return (await this.page.getByTestId('toast-detail').textContent()) ?? ''
  }
}
