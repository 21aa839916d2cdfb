// Archive text is text. The reading-room server offers tests/fixtures/hostile-archive, whose
// catalog (paper name, notes) and pages (headlines, bodies, continuations) are full of
// `<script>`, `<img onerror>`, `javascript:` links and markdown links. Every place that shows
// archive text — library, reader, contents, original layout, search headlines and snippets with
// their highlights, citations, toasts, bookmarks, the article export — must show them literally:
// no dialog, no script run, no element injected.
//
// The browser context runs with CSP bypassed: the app's policy would block inline handlers and
// so hide an injection; with it off, an injected `<img onerror=alert(1)>` would fire.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { FIXTURES } from '../helpers'
import { AppPage } from './pages/AppPage'
import { expect, test } from './support/fixtures'

test.use({ archiveDir: join(FIXTURES, 'hostile-archive'), bypassCSP: true })

const ISSUE = 'hostile-2024-01-02'
const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(1)>'
const JS_LINK = 'javascript:alert(1)'
const MD_LINK = '[点这里](javascript:alert(1))'

interface Tripwire {
  dialogs: string[]
  errors: string[]
}

/** Records dialogs and page errors, and makes alert/confirm/prompt leave a mark as well. */
async function arm(page: Page): Promise<Tripwire> {
  const wire: Tripwire = { dialogs: [], errors: [] }
  page.on('dialog', (d) => {
    wire.dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  page.on('pageerror', (e) => wire.errors.push(e.message))
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: string[] }
    w.__xss = []
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      const original = window[name].bind(window) as (m?: string) => unknown
      ;(window as unknown as Record<string, unknown>)[name] = (m?: string) => {
        w.__xss.push(`${name}(${String(m)})`)
        return original(m)
      }
    }
  })
  return wire
}

/** Nothing ran, nothing was injected: checked after every step. */
async function expectNothingInjected(page: Page, wire: Tripwire): Promise<void> {
  expect(wire.dialogs, 'dialogs').toEqual([])
  expect(wire.errors, 'page errors').toEqual([])
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss: string[] }).__xss,
    scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? `inline:${s.text}`),
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
    ),
    jsUrls: [...document.querySelectorAll('[href],[src],[action],[formaction]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
      .filter((u) => /^\s*javascript:/i.test(u)),
    injected: document.querySelectorAll(
      'img, iframe, object, embed, svg, b, style:not([data-vite])',
    ).length,
  }))
  expect(found.xss, 'alert/confirm/prompt calls').toEqual([])
  // The app's own bundle is the only script.
  expect(
    found.scripts.every((s) => /^\.?\/?assets\/[\w.-]+\.js$/.test(s)),
    found.scripts.join(),
  ).toBe(true)
  expect(found.handlers, 'inline event handlers').toEqual([])
  expect(found.jsUrls, 'javascript: URLs').toEqual([])
  expect(found.injected, 'img/iframe/object/embed/svg/b/style elements').toBe(0)
}

test('hostile archive text is shown as text everywhere, and nothing runs', async ({ app }) => {
  test.skip(app.kind !== 'web', 'the Electron app opens only its bundled archive')
  const wire = await arm(app.page)
  const ui = new AppPage(app)
  const page = ui.page

  // Library: the paper's name comes from the catalog.
  await ui.open('#/')
  await ui.library.openPaper('hostile')
  await expect(ui.library.paper('hostile')).toContainText(`${IMG}测试报`)
  await expectNothingInjected(page, wire)

  // Reader: headlines, body, contents, provenance (page note, date note), continuation link.
  await ui.library.openIssue(ISSUE)
  const a = ui.reader.a
  await expect(a.headline).toHaveText(`${SCRIPT}安全测试头条`)
  await expect(a.text).toContainText(`${IMG}与${SCRIPT}都必须按原样显示`)
  await expect(a.text).toContainText(JS_LINK)
  await expect(a.text).toContainText(MD_LINK)
  await expect(a.text).toContainText('<a href="javascript:alert(1)">恶意链接</a>')
  await expect(a.text).toContainText('&lt;b&gt;粗体&lt;/b&gt;与&amp;')
  await expect(a.text).toContainText("{{constructor.constructor('alert(1)')()}}")
  await expect(a.root.getByTestId('toc')).toContainText(`${IMG}第二篇安全测试`)
  await expect(a.continuationLink(2)).toHaveAttribute('href', /^#\//)
  await a.root.getByTestId('provenance').locator('summary').click()
  await expect(a.root.getByTestId('provenance')).toContainText(SCRIPT)
  await expectNothingInjected(page, wire)

  // The second article (headline with <img onerror>, body with <b onmouseover>, <style>).
  await a.root.getByTestId('toc-item').nth(1).click()
  await expect(a.headline).toHaveText(`${IMG}第二篇安全测试`)
  await expect(a.text).toContainText('<b onmouseover=alert(1)>悬停</b>')
  await expect(a.text).toContainText('<style>body{display:none}</style>')
  await a.text.hover()
  await expectNothingInjected(page, wire)

  // Original layout (the page as extracted, in a <pre>).
  await a.button('toggle-original').click()
  await expect(a.root.getByTestId('original-layout')).toContainText(SCRIPT)
  await expectNothingInjected(page, wire)

  // Split: page 2 beside, its headline is a markdown link.
  await ui.open(`#/library?a=${ISSUE}/p1/a1`)
  await a.continuationBeside(2).click()
  await expect(ui.reader.b.headline).toHaveText('[点我](javascript:alert(1))续篇安全测试')
  await expect(ui.reader.b.text).toContainText(`${IMG}在第二版继续出现`)
  await expectNothingInjected(page, wire)

  // Citations (shown in <pre> and copied with a toast that repeats the text).
  await a.root.getByTestId('cite-menu').locator('summary').click()
  for (const f of ['gbt7714', 'bibtex', 'ris']) {
    await expect(a.root.getByTestId(`citation-${f}`)).toContainText('alert(1)')
  }
  await expect(a.root.getByTestId('citation-gbt7714')).toContainText(
    `${SCRIPT}安全测试头条[N/OL]. ${IMG}测试报`,
  )
  await a.root.getByTestId('copy-citation-gbt7714').click()
  await expect(ui.toast).toContainText(SCRIPT)
  await expectNothingInjected(page, wire)

  // Export: the article as plain text, payloads verbatim, under a safe file name.
  const download = page.waitForEvent('download')
  await a.button('export-article').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^[\w.-]+\.txt$/)
  const exported = readFileSync((await file.path()) as string, 'utf8')
  expect(exported).toContain(`${SCRIPT}安全测试头条`)
  expect(exported).toContain(MD_LINK)
  await expectNothingInjected(page, wire)
})

test('search headlines, snippets and highlights of hostile text are text', async ({ app }) => {
  test.skip(app.kind !== 'web', 'the Electron app opens only its bundled archive')
  const wire = await arm(app.page)
  const ui = new AppPage(app)
  await ui.open('#/')
  for (const q of ['安全测试', 'onerror', 'script', 'javascript']) {
    await ui.search.type(q)
    await expect(ui.search.hits.first()).toBeVisible()
    const hits = ui.search.hits
    const text = (await hits.allTextContents()).join('\n')
    expect(text, q).toMatch(
      /<script>alert\(1\)<\/script>|<img src=x onerror=alert\(1\)>|javascript:alert\(1\)/,
    )
    // Highlights are <mark> elements holding only text.
    const marks = ui.page.locator('[data-testid="hit-snippet"] mark')
    expect(await marks.count(), q).toBeGreaterThan(0)
    expect(await marks.evaluateAll((els) => els.every((m) => m.children.length === 0))).toBe(true)
    await expectNothingInjected(ui.page, wire)
  }
  // Open a hit: the reader highlights the query inside the payload text.
  await ui.search.hits.first().getByTestId('hit-open').click()
  await expect(ui.reader.a.matches.first()).toBeVisible()
  // Save the view under a hostile name; the bookmarks panel lists it as text.
  await ui.tab('bookmarks').click()
  await ui.bookmarks.saveAs(`${IMG}${SCRIPT}`)
  await expect(ui.bookmarks.links.first()).toHaveText(`${IMG}${SCRIPT}`)
  await expect(ui.bookmarks.links.first()).toHaveAttribute('href', /^#\//)
  await expectNothingInjected(ui.page, wire)
})

test('the API answers hostile text as JSON a browser will not run', async ({ app }) => {
  test.skip(app.kind !== 'web', 'the reading-room server is the web project')
  const wire = await arm(app.page)
  const ui = new AppPage(app)
  await ui.open('#/')
  for (const path of [
    `/api/issues/${ISSUE}/pages/1/source`,
    `/api/issues/${ISSUE}`,
    '/api/search?q=script',
  ]) {
    const response = await ui.page.goto(path)
    expect(response?.headers()['content-type']).toBe('application/json; charset=utf-8')
    expect(response?.headers()['x-content-type-options']).toBe('nosniff')
    expect(await response?.text()).toContain('<script>alert(1)</script>')
    expect(wire.dialogs).toEqual([])
    expect(await ui.page.locator('script, img').count()).toBe(0)
  }
})
