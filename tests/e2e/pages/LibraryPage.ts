// Page object for the library panel: papers → years → calendar and issues.
import type { Locator, Page } from '@playwright/test'

export class LibraryPage {
  readonly root: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('library')
  }

  paper(slug: string): Locator {
    return this.root.locator(`[data-testid="paper"][data-paper="${slug}"]`)
  }

  async openPaper(slug: string): Promise<void> {
    const toggle = this.paper(slug).getByTestId('paper-toggle')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  }

  calendarDay(date: string): Locator {
    return this.root.locator(`[data-testid="calendar-day"][data-date="${date}"]`)
  }

  issueRow(issueId: string): Locator {
    return this.root.locator(`[data-testid="issue-row"][data-issue-id="${issueId}"]`)
  }

  async openIssue(issueId: string): Promise<void> {
    await this.issueRow(issueId).getByTestId('open-issue').click()
  }

  async openIssueBeside(issueId: string): Promise<void> {
    await this.issueRow(issueId).getByTestId('open-issue-beside').click()
  }
}
