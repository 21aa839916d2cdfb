// The reader's notice that the text is machine-extracted, and "suggest a correction": in the
// read-only reading room it makes a copyable correction request (the corrections.json entry
// and a sentence); where the app can edit (Electron: the bundled archive's overlay) it opens
// the edit mode instead.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

test.use({ content: 'seeds' })

test('the notice, and a correction request in the read-only reading room', async ({
  app,
}, testInfo) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=xinyu-2022-07-15/p1/a4')
  const pane = ui.reader.a
  const notice = pane.root.getByTestId('extraction-notice')
  await expect(notice).toContainText('机器')
  await expect(pane.button('edit-article')).toHaveCount(app.kind === 'web' ? 0 : 1)
  await notice.getByTestId('suggest-correction').click()
  if (app.kind !== 'web') {
    await expect(pane.root.getByTestId('edit-target')).toHaveAttribute('data-target', 'overlay')
    return
  }
  const request = pane.root.getByTestId('correction-request')
  await expect(request).toBeVisible()
  await request.getByTestId('edit-fix-find').fill('天皮夹牙许远')
  await request.getByTestId('edit-fix-replace').fill('英才评选活动')
  await request.getByTestId('request-make').click()
  await expect(request.getByTestId('request-sentence')).toContainText(
    '“天皮夹牙许远”应为“英才评选活动”',
  )
  const json = JSON.parse(await request.getByTestId('request-json').inputValue()) as {
    format: string
    entries: {
      kind: string
      issue: string
      page: number
      replacement: string
      anchor: { hash: string }
    }[]
  }
  expect(json.format).toBe('archive-reader/corrections')
  expect(json.entries[0]).toMatchObject({
    kind: 'fix-text',
    issue: 'xinyu-2022-07-15',
    page: 1,
    replacement: '英才评选活动',
  })
  expect(json.entries[0]?.anchor.hash).toMatch(/^[0-9a-f]{8}$/)
  await app.page.screenshot({ path: testInfo.outputPath('correction-request.png') })
  // A change is refused by the read-only server, whatever a page sends.
  const refused = await app.page.evaluate(async () => {
    const r = await fetch('/api/corrections/apply', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ kind: 'merge', articleId: 'xinyu-2022-07-15/p1/a4' }]),
    })
    return r.status
  })
  expect(refused).toBe(403)
})
