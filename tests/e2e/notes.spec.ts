// Notes on articles: written from the article's toolbar, shown with the article, listed in the
// bookmarks panel, edited and deleted, kept across reloads, exported and imported with the
// bookmarks (validated: a note on something that is not an article is refused); both languages.
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

const ID = 'jiangbei-2023-07-13/p2/a6'
const HEADLINE = '鹞子丘输变电工程进入调试阶段'

test('write, see, edit, list, export, import and delete a note', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  await ui.open(`#/library?a=${ID}`)
  await expect(ui.reader.a.headline).toBeVisible()
  await ui.reader.a.button('note-toggle').click()
  const input = ui.reader.a.button('note-input')
  await expect(input).toBeFocused()
  // Keys typed into the note are text, not shortcuts (s would open the split view).
  await input.fill('')
  await input.pressSequentially('s 核对：投资3.1亿元')
  await expect(ui.reader.b.root).toHaveCount(0)
  await ui.reader.a.button('note-save').click()
  await expect(ui.reader.a.button('note-shown')).toHaveText('s 核对：投资3.1亿元')

  await ui.reload()
  await expect(ui.reader.a.button('note-shown')).toHaveText('s 核对：投资3.1亿元')

  // Edit it.
  await ui.reader.a.button('note-edit').click()
  await ui.reader.a.button('note-input').fill('核对：总投资3.1亿元（见第2版）')
  await ui.reader.a.button('note-save').click()
  await expect(ui.reader.a.button('note-shown')).toHaveText('核对：总投资3.1亿元（见第2版）')

  // Listed with the bookmarks, under the article's paper, date and headline.
  await ui.tab('bookmarks').click()
  const item = ui.page.getByTestId('note-item')
  await expect(item).toHaveCount(1)
  await expect(item.getByTestId('note-link')).toHaveText(`江北报 2023年7月13日 第2版 · ${HEADLINE}`)
  await expect(item.getByTestId('note-text')).toHaveText('核对：总投资3.1亿元（见第2版）')

  // Exported with the bookmarks (the export button works with notes alone).
  const downloadPromise = ui.page.waitForEvent('download')
  await ui.bookmarks.exportButton.click()
  const file = testInfo.outputPath('bookmarks.json')
  await (await downloadPromise).saveAs(file)
  const exported = JSON.parse(readFileSync(file, 'utf8'))
  expect(exported.notes).toHaveLength(1)
  expect(exported.notes[0]).toMatchObject({ articleId: ID, text: '核对：总投资3.1亿元（见第2版）' })

  // Deleted from the list: gone from the article too.
  await item.getByTestId('note-delete').click()
  await expect(ui.page.getByTestId('no-notes')).toBeVisible()
  await expect(ui.reader.a.button('article-note')).toHaveCount(0)

  // Imported back.
  await ui.bookmarks.importInput.setInputFiles(file)
  await expect(ui.bookmarks.message).toContainText('1 条笔记')
  await expect(ui.page.getByTestId('note-item')).toHaveCount(1)
  await expect(ui.reader.a.button('note-shown')).toHaveText('核对：总投资3.1亿元（见第2版）')

  // Deleted from the article; an empty note is no note.
  await ui.reader.a.button('note-remove').click()
  await expect(ui.page.getByTestId('no-notes')).toBeVisible()
  await ui.reader.a.button('note-toggle').click()
  await ui.reader.a.button('note-input').fill('   ')
  await ui.reader.a.button('note-save').click()
  await expect(ui.page.getByTestId('no-notes')).toBeVisible()

  // A file whose note is not on an article is refused, saying why.
  const bad = testInfo.outputPath('bad.json')
  exported.notes[0].articleId = '../../etc/passwd'
  writeFileSync(bad, JSON.stringify(exported))
  await ui.bookmarks.importInput.setInputFiles(bad)
  await expect(ui.bookmarks.message).toContainText('articleId')
  await expect(ui.page.getByTestId('no-notes')).toBeVisible()
})

test('English: the note tools and list', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open(`#/library?a=${ID}`)
  await ui.page.getByTestId('language-select').selectOption('en')
  await expect(ui.reader.a.button('note-toggle')).toHaveText('Note')
  await ui.reader.a.button('note-toggle').click()
  await expect(ui.reader.a.root.getByLabel('Note on this article')).toBeVisible()
  await ui.reader.a.button('note-input').fill('check the figures')
  await ui.reader.a.button('note-save').click()
  await expect(ui.reader.a.button('article-note')).toContainText('My note')
  await ui.tab('bookmarks').click()
  await expect(ui.page.getByTestId('notes').getByRole('heading')).toHaveText('Notes')
  await expect(ui.page.getByTestId('note-link')).toContainText('Jiangbei Daily')
})
