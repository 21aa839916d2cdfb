// Page object for the search: the sidebar's panel (status, filters, scope, sort) and the results
// — on the results page in the main area, or the compact list beside an opened hit.
import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

export class SearchPage {
  readonly root: Locator
  readonly count: Locator
  readonly hits: Locator
  /** The results page in the main area. */
  readonly resultsPage: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('search-panel')
    this.count = page.getByTestId('result-count')
    this.hits = page.getByTestId('search-hit')
    this.resultsPage = page.getByTestId('results-page')
  }

  hit(articleId: string): Locator {
    return this.page.locator(`[data-testid="search-hit"][data-article-id="${articleId}"]`)
  }

  /** A bar of the hit timeline: a year (YYYY) or, drilled into a year, a month (YYYY-MM). */
  timelineBar(period: string): Locator {
    return this.page.locator(`[data-testid="timeline-bar"][data-period="${period}"]`)
  }

  /**
   * Types like a person (one key at a time), so search-as-you-type is exercised, then waits
   * until the results are those of the whole query (not of a prefix typed on the way).
   */
  async type(query: string, options: { settle?: boolean } = {}): Promise<void> {
    const input = this.page.getByTestId('search-input')
    await input.fill('')
    await input.pressSequentially(query, { delay: 20 })
    if (options.settle ?? true) {
      await this.settled(query)
      await this.closeSuggestions()
    }
  }

  /**
   * Once the suggestions for what was typed have come, closes their list (Escape, focus stays in
   * the box), so that it covers nothing a test clicks next.
   */
  async closeSuggestions(): Promise<void> {
    await expect(this.page.locator('[data-testid="search-field"][data-suggesting]')).toHaveCount(0)
    if (await this.page.getByTestId('suggestions').isVisible())
      await this.page.getByTestId('search-input').press('Escape')
    await expect(this.page.getByTestId('suggestions')).toHaveCount(0)
  }

  /** The result count names `query` and no newer search is loading. */
  async settled(query: string): Promise<void> {
    await expect(this.count).toContainText(`“${query}”`)
    await expect(this.page.locator('.results.stale')).toHaveCount(0)
  }

  paperFacet(slug: string): Locator {
    return this.root.locator(`[data-testid="paper-facet"][data-paper="${slug}"]`)
  }

  facetCount(slug: string): Locator {
    return this.paperFacet(slug).locator('xpath=..').getByTestId('facet-count')
  }

  scope(level: 'page' | 'issue' | 'paper' | 'all'): Locator {
    return this.root.getByTestId(`scope-${level}`)
  }

  get sort(): Locator {
    return this.root.getByTestId('sort-select')
  }

  async hitIds(): Promise<string[]> {
    return this.hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id') ?? ''))
  }
}
