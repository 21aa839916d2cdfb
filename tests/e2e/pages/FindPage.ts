// Page object for the finding aids around the search box: the advanced search form, the
// suggestions under the box, quick open (Ctrl/⌘+K) and "did you mean".
import type { Locator, Page } from '@playwright/test'

export class AdvancedSearchPage {
  readonly root: Locator
  readonly query: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('advanced-search')
    this.query = page.getByTestId('adv-query')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('advanced-search-toggle').click()
  }

  field(
    name: 'all' | 'phrase' | 'any' | 'none' | 'headline' | 'byline' | 'paper' | 'type',
  ): Locator {
    return this.root.getByTestId(`adv-${name}`)
  }

  get submit(): Locator {
    return this.root.getByTestId('adv-submit')
  }
}
