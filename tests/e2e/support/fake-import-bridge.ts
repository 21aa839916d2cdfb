// A stand-in for Electron's preload in the browser: `window.archive` forwards the archive verbs
// to the reading-room server, and `window.archiveImport` plays main's import — picks, reports
// that change with the metadata entered, progress over time, cancel, commit and remove — so
// the import UI can be exercised in the web project. The real main side is tested in
// tests/main/import-ipc.test.ts; the real preload by the electron project.
import type { Page } from '@playwright/test'

/** What the test can see of the fake, as `window.__fakeImport`. */
export interface FakeImportState {
  imported: boolean
  cancel: boolean
  /** Set by a test: the next check holds at its second file until it is cancelled (≤ 20 s). */
  holdPlan?: boolean
  calls: { method: string; args: unknown[] }[]
  menu?: (command: string) => void
}

/** Runs in the page, before the app's scripts: must be self-contained. */
function install(): void {
  type Problem = { level: 'error' | 'warning' | 'info'; code: string; message: string }
  type Override = { file: string; paper?: string; paperName?: string; date?: string; page?: number }
  const enc = encodeURIComponent
  const get = async (path: string): Promise<unknown> => {
    const r = await fetch(path)
    if (!r.ok) throw new Error(((await r.json()) as { error: string }).error)
    return r.json()
  }
  const state: FakeImportState = { imported: false, cancel: false, calls: [] }
  ;(window as unknown as { __fakeImport: FakeImportState }).__fakeImport = state
  const listeners = new Set<(p: unknown) => void>()
  const emit = (p: unknown): void => listeners.forEach((l) => l(p))
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
  const cancelled = (): Error =>
    Object.assign(new Error('the import was cancelled; the archive is unchanged'), {
      name: 'ImportCancelled',
    })
  const refused = (message: string): Error =>
    Object.assign(new Error(message), { name: 'ImportError' })
  // Like the real preload: verbs answer with {ok,value} | {ok:false,error:{name,message}} and
  // never reject (contextBridge would strip a rejected error's name), so the renderer's client
  // must rebuild the typed error — a cancel is only told from a failure by its name.
  type Verbs = Record<string, (...args: never[]) => Promise<unknown>>
  const wire = <T extends Verbs>(verbs: T, events: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...events }
    for (const [name, fn] of Object.entries(verbs))
      out[name] = async (...args: never[]) => {
        try {
          return { ok: true, value: await fn(...args) }
        } catch (e) {
          const err = e as Error
          // The error policy's public form (src/shared/errors.ts): a stable code, name, message.
          const code = err.name === 'ImportCancelled' ? 'cancelled' : 'internal'
          return { ok: false, error: { code, name: err.name, message: err.message } }
        }
      }
    return out
  }

  const IMPORTED = {
    id: 'jiangbei-2024-05-06',
    paper: 'jiangbei',
    paperName: '江北报',
    date: '2024-05-06',
    dateSource: 'printed',
    pages: [
      { number: 1, source: 'jiangbei-2024-05-06-p1.txt', articles: 3 },
      { number: 2, source: 'jiangbei-2024-05-06-p2.txt', articles: 2 },
    ],
  }

  ;(window as unknown as { archive: unknown }).archive = wire(
    {
      listIssues: async () => {
        const list = (await get('/api/issues')) as { id: string }[]
        return state.imported ? [...list, IMPORTED] : list
      },
      getIssue: (id: string) => get(`/api/issues/${enc(id)}`),
      getArticle: (id: string) => get(`/api/articles/${enc(id)}`),
      getPageSource: (id: string, n: number) => get(`/api/issues/${enc(id)}/pages/${n}/source`),
      search: (r: { q: string; limit?: number }) =>
        get(`/api/search?q=${enc(r.q)}${r.limit ? `&limit=${r.limit}` : ''}`),
      articleMatches: (id: string, q: string) =>
        get(`/api/articles/${enc(id)}/matches?q=${enc(q)}`),
      indexStatus: () => Promise.resolve({ state: 'ready', progress: 1, articles: 35, issues: 4 }),
    },
    {
      onIndexProgress: () => () => {},
      onMenuCommand: (l: (c: string) => void) => {
        state.menu = l
        return () => {}
      },
      onNavigate: () => () => {},
    },
  )

  const file = (name: string, extra: Record<string, unknown>) => ({
    file: name,
    bytes: 1480,
    encoding: 'utf-8',
    encodingSource: 'detected',
    bom: false,
    lineEndings: 'lf',
    articles: 3,
    continuations: [],
    problems: [] as Problem[],
    ...extra,
  })

  function report(selection: string, overrides: Override[]) {
    const date4 = overrides.find((o) => o.file === 'batch/yuzhong-p4.txt')?.date
    const files = [
      file('batch/jiangbei-2024-05-06-p1.txt', {
        lineEndings: 'crlf',
        paper: { value: 'jiangbei', source: 'filename' },
        paperName: { value: '江北报', source: 'archive' },
        date: { value: '2024-05-06', source: 'filename' },
        page: { value: 1, source: 'filename' },
        continuations: [{ marker: '（下转2版）', targetPage: 2, targetExists: true }],
      }),
      file('batch/jiangbei-2024-05-06-p2.txt', {
        encoding: 'gb18030',
        articles: 2,
        paper: { value: 'jiangbei', source: 'filename' },
        paperName: { value: '江北报', source: 'archive' },
        date: { value: '2024-05-06', source: 'filename' },
        page: { value: 2, source: 'filename' },
        continuations: [
          { marker: '（上接1版）', targetPage: 1, targetExists: true },
          { marker: '（下转4版）', targetPage: 4, targetExists: false },
        ],
        problems: [
          {
            level: 'warning',
            code: 'continuation',
            message:
              '（下转4版） points to page 4, which is not in jiangbei-2024-05-06 <b>not bold</b>',
          },
        ],
      }),
      file('batch/scan-0003.txt', {
        encoding: 'big5',
        articles: 4,
        paper: { value: 'yuzhong', source: 'text', evidence: '渝中报 (line 1)' },
        paperName: { value: '渝中报', source: 'archive' },
        date: { value: '2024-05-08', source: 'text', evidence: '2024年5月8日 星期三 (line 2)' },
        page: { value: 3, source: 'text', evidence: '第3版 (line 3)' },
      }),
      file('batch/yuzhong-p4.txt', {
        paper: { value: 'yuzhong', source: 'filename' },
        paperName: { value: '渝中报', source: 'archive' },
        page: { value: 4, source: 'filename' },
        ...(date4
          ? { date: { value: date4, source: 'option' } }
          : {
              problems: [
                {
                  level: 'error',
                  code: 'missing-metadata',
                  message:
                    'missing the date (no date is printed in the page header: give --date YYYY-MM-DD, a sidecar, a manifest, or the file name)',
                },
              ],
            }),
      }),
    ]
    if (selection === 'sel-folder')
      files.push(
        file('batch/broken.txt', {
          encoding: null,
          encodingSource: undefined,
          lineEndings: null,
          articles: 0,
          problems: [
            {
              level: 'error',
              code: 'decode',
              message:
                'cannot tell the encoding: not UTF-8 (bad bytes at byte 25), not GB18030, not Big5; save it as UTF-8',
            },
          ],
        }),
      )
    const issues = [
      {
        id: 'jiangbei-2024-05-06',
        paper: 'jiangbei',
        paperName: '江北报',
        date: '2024-05-06',
        dateSource: 'printed',
        kind: 'new',
        pages: [1, 2],
        newPages: [],
        problems: [] as Problem[],
      },
      {
        id: 'yuzhong-2024-05-08',
        paper: 'yuzhong',
        paperName: '渝中报',
        date: '2024-05-08',
        dateSource: 'printed',
        kind: 'new',
        pages: date4 ? [3, 4] : [3],
        newPages: [],
        problems: [
          {
            level: 'warning',
            code: 'page-gap',
            message: `pages 1, 2 missing (the issue will have ${date4 ? '3, 4' : '3'})`,
          },
        ] as Problem[],
      },
    ]
    const problems: Problem[] = [
      {
        level: 'info',
        code: 'new-archive',
        message: 'library has no archive yet: a new one is created',
      },
    ]
    const all = [
      ...problems,
      ...files.flatMap((f) => f.problems),
      ...issues.flatMap((i) => i.problems),
    ]
    const errors = all.filter((p) => p.level === 'error').length
    return {
      archive: 'library',
      dryRun: false,
      ok: errors === 0,
      needsConfirmation: true,
      files,
      issues,
      problems,
      summary: {
        files: files.length,
        bytes: files.length * 1480,
        issues: 2,
        newIssues: 2,
        pages: files.length,
        errors,
        warnings: all.filter((p) => p.level === 'warning').length,
      },
    }
  }

  let pending: { planId: string; report: ReturnType<typeof report> } | undefined
  let seq = 0
  let commits = 0
  const call = (method: string, args: unknown[]) => state.calls.push({ method, args })

  ;(window as unknown as { archiveImport: unknown }).archiveImport = wire(
    {
      async pickFiles() {
        call('pickFiles', [])
        return { id: 'sel-files', kind: 'files', label: 'jiangbei-2024-05-06-p1.txt', files: 4 }
      },
      async pickFolder() {
        call('pickFolder', [])
        return { id: 'sel-folder', kind: 'folder', label: 'batch', files: 5 }
      },
      async plan(selection: string, overrides: Override[]) {
        call('plan', [selection, overrides])
        state.cancel = false
        const r = report(selection, overrides)
        for (let k = 0; k <= r.files.length; k++) {
          if (state.cancel) throw cancelled()
          emit({ phase: 'validate', done: k, total: r.files.length, file: r.files[k]?.file })
          // A test that cancels a check asks for it to wait (no race with a loaded machine).
          if (state.holdPlan && k === 1) {
            state.holdPlan = false
            for (let t = 0; t < 400 && !state.cancel; t++) await sleep(50)
          }
          await sleep(60)
        }
        pending = { planId: `plan-${++seq}`, report: r }
        return pending
      },
      async commit(planId: string, confirmed: boolean) {
        call('commit', [planId, confirmed])
        if (!pending || pending.planId !== planId)
          throw refused('this report is out of date; check the files again')
        const r = pending.report
        pending = undefined
        if (!r.ok) throw refused('the report lists errors')
        if (r.needsConfirmation && !confirmed) throw refused('confirm it')
        state.cancel = false
        commits++
        for (let k = 0; k < r.files.length; k++) {
          if (state.cancel) throw cancelled()
          emit({ phase: 'copy', done: k, total: r.files.length, file: r.files[k]?.file })
          // The first import of a page holds at its second file until cancelled (at most 20 s),
          // so a test can press cancel "while pages are copied" however slow the machine is.
          if (commits === 1 && k === 1)
            for (let t = 0; t < 400 && !state.cancel; t++) await sleep(50)
          await sleep(state.imported ? 10 : 100)
        }
        emit({ phase: 'index', done: 0, total: 1 })
        await sleep(50)
        emit({ phase: 'done', done: 1, total: 1 })
        state.imported = true
        return {
          issues: [
            { id: 'jiangbei-2024-05-06', kind: 'new', pages: [1, 2] },
            { id: 'yuzhong-2024-05-08', kind: 'new', pages: [3, 4] },
          ],
          pages: r.files.length,
          bytes: r.summary.bytes,
          index: 'extended',
          ms: 420,
        }
      },
      async cancel() {
        call('cancel', [])
        state.cancel = true
        pending = undefined
      },
      async removeIssue(id: string) {
        call('removeIssue', [id])
        state.imported = false
        return { issueId: id, paper: 'jiangbei', date: '2024-05-06', pages: 2 }
      },
      async userIssues() {
        return state.imported ? [IMPORTED.id] : []
      },
    },
    {
      onProgress(l: (p: unknown) => void) {
        listeners.add(l)
        return () => listeners.delete(l)
      },
    },
  )
}

export async function installFakeImport(page: Page): Promise<void> {
  await page.addInitScript(install)
}

export function fakeState(page: Page): Promise<FakeImportState> {
  return page.evaluate(() => {
    const s = (window as unknown as { __fakeImport: FakeImportState }).__fakeImport
    return { ...s, menu: undefined }
  })
}
