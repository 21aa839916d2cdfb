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

/** The suggestions under the search box. */
export class SuggestionsPage {
  readonly list: Locator
  readonly items: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    this.list = page.getByTestId('suggestions')
    this.items = page.getByTestId('suggestion')
    this.status = page.getByTestId('suggestions-status')
  }

  item(query: string): Locator {
    return this.page.locator(`[data-testid="suggestion"][data-query="${query}"]`)
  }
}

/** Quick open (Ctrl/⌘+K). */
export class QuickOpenPage {
  readonly root: Locator
  readonly input: Locator
  readonly items: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('quick-open')
    this.input = page.getByTestId('quick-open-input')
    this.items = page.getByTestId('quick-open-item')
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+K')
  }

  item(kind: string): Locator {
    return this.root.locator(`[data-testid="quick-open-item"][data-kind="${kind}"]`)
  }
}

/** "Did you mean" above the results (and under "no results"). */
export class DidYouMeanPage {
  readonly root: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('did-you-mean')
  }

  offer(q: string): Locator {
    return this.page.locator(`[data-testid="dym-offer"][data-query="${q}"]`)
  }
}
