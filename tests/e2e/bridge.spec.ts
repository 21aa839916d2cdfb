// The renderer against the bridge (window.archive). In the web project a stand-in bridge
// forwards the archive verbs to the server and lets the test push what the main process would
// push; in the electron project the real main process pushes through the real preload
// (webContents.send from app.evaluate) — index progress, menu commands, deep links.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('menu commands, deep links and index progress through the bridge', async ({ app }) => {
  test.skip(app.kind !== 'web', 'the real bridge is exercised by the electron project')
  await app.page.addInitScript(() => {
    // Answers as the real preload does: a result, never a rejection.
    const get = (path: string): Promise<unknown> =>
      fetch(path)
        .then((r) => r.json())
        .then((value: unknown) => ({ ok: true, value }))
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
        Promise.resolve({
          ok: true,
          value: { state: 'building', progress: 0.25, articles: 0, issues: 4 },
        }),
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

test('pushes from main through the real preload: index progress, menu commands, deep links', async ({
  app,
}) => {
  test.skip(app.kind !== 'electron', 'the web project runs the stand-in bridge above')
  const electron = app.electron
  if (!electron) throw new Error('the electron project gave no Electron app')
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  await expect(ui.reader.a.root).toBeVisible()
  // The channels are src/shared/ipc-channels.ts's; main sends them to the page's web contents.
  const push = (channel: string, payload: unknown): Promise<void> =>
    electron.app.evaluate(
      ({ BrowserWindow }, [c, p]) =>
        BrowserWindow.getAllWindows()[0]?.webContents.send(c as string, p),
      [channel, payload] as const,
    )
  await push('archive:index-progress', { state: 'building', progress: 0.6, articles: 0, issues: 4 })
  await expect(ui.page.getByTestId('index-progress')).toContainText('60%')
  await push('archive:index-progress', { state: 'ready', progress: 1, articles: 35, issues: 4 })
  await expect(ui.page.getByTestId('index-progress')).toHaveCount(0)
  await push('app:menu-command', 'toggle-split')
  await expect(ui.reader.b.root).toBeVisible()
  await push('app:menu-command', 'next-page')
  await expect(ui.reader.b.root).toHaveAttribute('data-page', '2')
  await push('app:navigate', '#/search?q=低碳&a=xinyu-2022-07-15')
  await expect(ui.tab('search')).toHaveAttribute('aria-selected', 'true')
  await expect(ui.reader.a.root).toHaveAttribute('data-issue-id', 'xinyu-2022-07-15')
  // The page cannot reach ipcRenderer or Node through the bridge.
  expect(
    await ui.page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      process: typeof (window as unknown as { process?: unknown }).process,
    })),
  ).toEqual({ require: 'undefined', ipc: 'undefined', process: 'undefined' })
})
