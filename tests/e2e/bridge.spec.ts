// The renderer against an Electron-style bridge (window.archive), in the browser: a stand-in
// bridge forwards the archive verbs to the server and lets the test push what the main process
// would push — index progress, menu commands, deep links. (The electron project runs the real
// preload where Electron is installed.)
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

test('menu commands, deep links and index progress through the bridge', async ({ app }) => {
  test.skip(app.kind !== 'web', 'the real bridge is exercised by the electron project')
  await app.page.addInitScript(() => {
    const get = (path: string): Promise<unknown> => fetch(path).then((r) => r.json())
    const enc = encodeURIComponent
    const hooks: Record<string, (v: unknown) => void> = {}
    const on = (name: string) => (l: (v: unknown) => void) => {
      hooks[name] = l
      return () => delete hooks[name]
    }
    ;(window as unknown as { __push: typeof hooks }).__push = hooks
    ;(window as unknown as { archive: unknown }).archive = {
      listIssues: () => get('/api/issues'),
      getIssue: (id: string) => get(`/api/issues/${enc(id)}`),
      getArticle: (id: string) => get(`/api/articles/${enc(id)}`),
      getPageSource: (id: string, n: number) => get(`/api/issues/${enc(id)}/pages/${n}/source`),
      search: (r: { q: string; limit?: number }) =>
        get(`/api/search?q=${enc(r.q)}${r.limit ? `&limit=${r.limit}` : ''}`),
      articleMatches: (id: string, q: string) =>
        get(`/api/articles/${enc(id)}/matches?q=${enc(q)}`),
      indexStatus: () =>
        Promise.resolve({ state: 'building', progress: 0.25, articles: 0, issues: 4 }),
      onIndexProgress: on('progress'),
      onMenuCommand: on('menu'),
      onNavigate: on('navigate'),
    }
  })
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  const push = (name: string, value: unknown): Promise<void> =>
    ui.page.evaluate(
      ([n, v]) =>
        (window as unknown as { __push: Record<string, (x: unknown) => void> }).__push[
          n as string
        ]?.(v),
      [name, value] as const,
    )

  // The initial status says the index is being built: progress is visible.
  await expect(ui.page.getByTestId('index-progress')).toContainText('25%')
  await push('progress', { state: 'building', progress: 0.6, articles: 0, issues: 4 })
  await expect(ui.page.getByTestId('index-progress')).toContainText('60%')
  await push('progress', { state: 'ready', progress: 1, articles: 35, issues: 4 })
  await expect(ui.page.getByTestId('index-progress')).toHaveCount(0)

  // Web-only controls are absent in the app.
  await expect(ui.page.getByTestId('copy-web-link')).toHaveCount(0)

  await push('menu', 'toggle-split')
  await expect(ui.reader.b.root).toBeVisible()
  await push('menu', 'next-page')
  await expect(ui.reader.b.root).toHaveAttribute('data-page', '2')
  await push('menu', 'open-bookmarks')
  await expect(ui.tab('bookmarks')).toHaveAttribute('aria-selected', 'true')
  await push('menu', 'show-shortcuts')
  await expect(ui.page.getByTestId('shortcuts-overlay')).toBeVisible()
  await ui.page.keyboard.press('Escape')

  await push('navigate', 'archive-reader://open#/search?q=低碳&a=xinyu-2022-07-15')
  await expect(ui.tab('search')).toHaveAttribute('aria-selected', 'true')
  await expect(ui.reader.a.root).toHaveAttribute('data-issue-id', 'xinyu-2022-07-15')
  await expect(ui.search.hits.first()).toBeVisible()
  await push('navigate', 'https://evil.example/#/search?q=x')
  await expect(ui.page.getByTestId('search-input')).toHaveValue('低碳')
})
