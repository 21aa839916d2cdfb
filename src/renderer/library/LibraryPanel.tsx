// The library: papers → years → issues, with a calendar of the chosen year that shows which
// dates have issues and where the gaps are.
import { useEffect } from 'react'
import { useIssues, useUserIssues } from '../app/data'
import { useI18n } from '../app/i18n'
import { importApi } from '../import/import-api'
import { openImportDialog } from '../import/import-dialog-store'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { IssueList } from './IssueList'
import { LoadError } from '../ui/LoadError'
import { groupByPaper } from './papers'
import { PaperCalendar } from './PaperCalendar'

let libraryReadyMarked = false

export function LibraryPanel({ route }: { route: AppRoute }) {
  const { t, date, number, paper } = useI18n()
  const { entry } = useIssues()
  const issues = entry?.status === 'ok' ? entry.data : undefined
  const user = useUserIssues().entry
  const userIssues = new Set(user?.status === 'ok' ? user.data : [])

  useEffect(() => {
    // "Library usable": the first time the papers are on screen (measured by the e2e perf spec).
    if (issues && !libraryReadyMarked) {
      libraryReadyMarked = true
      performance.mark('library-ready')
    }
  }, [issues])

  // Only the app can import; the reading-room server is read-only.
  const importButton = importApi && (
    <div className="library-tools">
      <button type="button" data-testid="library-import" onClick={openImportDialog}>
        {t('impMenu')}
      </button>
    </div>
  )
  if (entry?.status === 'error') return <LoadError error={entry.error} retryKey="issues" />
  if (!issues) return <p className="muted">{t('loading')}</p>
  if (issues.length === 0)
    return (
      <>
        {importButton}
        <p data-testid="library-empty">{t('libraryEmpty')}</p>
      </>
    )
  const papers = groupByPaper(issues)
  const pages = issues.reduce((n, i) => n + i.pages.length, 0)
  return (
    <section className="library" data-testid="library" aria-label={t('tabLibrary')}>
      {importButton}
      <p className="muted library-summary">
        {t('librarySummary', {
          papers: number(papers.length),
          issues: number(issues.length),
          pages: number(pages),
        })}
      </p>
      <ul className="paper-list">
        {papers.map((p) => {
          const open = route.libPaper === p.slug
          const year = open ? (route.libYear ?? p.years[p.years.length - 1]) : undefined
          const first = p.issues[0]
          const last = p.issues[p.issues.length - 1]
          return (
            <li key={p.slug} className="paper" data-testid="paper" data-paper={p.slug}>
              <button
                type="button"
                className="paper-button"
                data-testid="paper-toggle"
                aria-expanded={open}
                onClick={() =>
                  navigate({
                    ...route,
                    libPaper: open ? undefined : p.slug,
                    libYear: undefined,
                  })
                }
              >
                <span className="paper-name" lang="zh-CN">
                  {paper({ paperName: p.name, paperNameEn: p.nameEn })}
                </span>
                <span className="muted">
                  {t('paperIssues', { n: number(p.issues.length), count: p.issues.length })}
                  {first &&
                    last &&
                    ` · ${date(first.date)}${first !== last ? ` – ${date(last.date)}` : ''}`}
                </span>
              </button>
              {open && year && (
                <div className="paper-detail">
                  <div className="year-chips" role="group" aria-label={t('years')}>
                    {p.years.map((y) => (
                      <button
                        key={y}
                        type="button"
                        data-testid="year-chip"
                        aria-pressed={y === year}
                        onClick={() => navigate({ ...route, libPaper: p.slug, libYear: y })}
                      >
                        {y}
                      </button>
                    ))}
                  </div>
                  <PaperCalendar
                    route={route}
                    year={Number(year)}
                    paperName={paper({ paperName: p.name, paperNameEn: p.nameEn })}
                    issues={p.issues.filter((i) => i.date.startsWith(year))}
                  />
                  <IssueList
                    route={route}
                    issues={p.issues.filter((i) => i.date.startsWith(year))}
                    userIssues={userIssues}
                  />
                </div>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
