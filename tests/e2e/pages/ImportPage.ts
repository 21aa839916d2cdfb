// Page object for the import dialog (File → Import issues…): pick, report and form, progress.
import type { Locator, Page } from '@playwright/test'

export class ImportPage {
  readonly dialog: Locator
  readonly openButton: Locator
  readonly verdict: Locator
  readonly notice: Locator
  readonly progress: Locator
  readonly start: Locator
  readonly check: Locator
  readonly confirm: Locator
  readonly cancel: Locator
  readonly close: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('import-dialog')
    this.openButton = page.getByTestId('library-import')
    this.verdict = this.dialog.getByTestId('import-verdict')
    this.notice = this.dialog.getByTestId('import-notice')
    this.progress = this.dialog.getByTestId('import-progress')
    this.start = this.dialog.getByTestId('import-start')
    this.check = this.dialog.getByTestId('import-check')
    this.confirm = this.dialog.getByTestId('import-confirm')
    this.cancel = this.dialog.getByTestId('import-cancel')
    this.close = this.dialog.getByTestId('import-close')
  }

  file(name: string): Locator {
    return this.dialog.locator(`[data-testid="import-file"][data-file="${name}"]`)
  }

  field(name: string, field: 'paper' | 'paperName' | 'date' | 'page'): Locator {
    return this.file(name).getByTestId(`import-field-${field}`)
  }

  problems(name: string): Locator {
    return this.file(name).getByTestId('import-problem')
  }

  async pickFolder(): Promise<void> {
    await this.dialog.getByTestId('import-pick-folder').click()
  }

  async pickFiles(): Promise<void> {
    await this.dialog.getByTestId('import-pick-files').click()
  }
}
