// Page object for the reader: one or two panes, each with pages, contents and an article.
import type { Locator, Page } from '@playwright/test'

export class PaneView {
  readonly root: Locator
  readonly title: Locator
  readonly headline: Locator
  readonly text: Locator
  readonly hitCounter: Locator
  readonly matches: Locator

  constructor(
    readonly page: Page,
    readonly letter: 'a' | 'b',
  ) {
    this.root = page.getByTestId(`pane-${letter}`)
    this.title = this.root.getByTestId('pane-title')
    this.headline = this.root.getByTestId('article-headline')
    this.text = this.root.getByTestId('article-text')
    this.hitCounter = this.root.getByTestId('hit-counter')
    this.matches = this.root.locator('[data-testid="article-text"] mark')
  }

  pageTab(n: number): Locator {
    return this.root.locator(`[data-testid="page-tab"][data-page="${n}"]`)
  }

  tocItem(articleId: string): Locator {
    return this.root.locator(`[data-testid="toc-item"][data-article-id="${articleId}"]`)
  }

  continuationLink(targetPage: number): Locator {
    return this.root.locator(`[data-testid="continuation-link"][data-target-page="${targetPage}"]`)
  }

  continuationBeside(targetPage: number): Locator {
    return this.continuationLink(targetPage).locator(
      'xpath=following-sibling::button[@data-testid="continuation-beside"]',
    )
  }

  async articleId(): Promise<string | null> {
    return this.root.getAttribute('data-article-id')
  }

  async pageNumber(): Promise<string | null> {
    return this.root.getAttribute('data-page')
  }

  button(testId: string): Locator {
    return this.root.getByTestId(testId)
  }
}

export class ReaderPage {
  readonly a: PaneView
  readonly b: PaneView

  constructor(readonly page: Page) {
    this.a = new PaneView(page, 'a')
    this.b = new PaneView(page, 'b')
  }

  get splitToggle(): Locator {
    return this.page.getByTestId('split-toggle')
  }

  get swap(): Locator {
    return this.page.getByTestId('swap-panes')
  }
}
