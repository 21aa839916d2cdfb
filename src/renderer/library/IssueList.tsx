// Issues as a list: open one here, or beside the current pane. Issues the librarian imported
// carry a "my library" badge and can be removed again.
import type { IssueSummary } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { openRef } from '../app/navigation'
import { formatRoute } from '../app/route'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { RemoveIssueButton } from './RemoveIssueButton'

interface Props {
  route: AppRoute
  issues: readonly IssueSummary[]
  /** Ids of the issues in the user's own library. */
  userIssues?: ReadonlySet<string>
}

export function IssueList({ route, issues, userIssues }: Props) {
  const { t, date, number, paper } = useI18n()
  return (
    <ul className="issue-list" aria-label={t('issues')}>
      {issues.map((issue) => {
        const articles = issue.pages.reduce((n, p) => n + p.articles, 0)
        return (
          <li
            key={issue.id}
            data-testid="issue-row"
            data-issue-id={issue.id}
            data-library={userIssues?.has(issue.id) ? 'user' : 'bundled'}
          >
            <a
              data-testid="open-issue"
              href={formatRoute(openRef(route, { issueId: issue.id }))}
              aria-label={`${t('openIssueLabel', { paper: paper(issue), date: date(issue.date) })}${userIssues?.has(issue.id) ? ` (${t('myLibrary')})` : ''}`}
            >
              <span className="issue-date">{date(issue.date)}</span>
              <span className="muted">
                {t('issueCounts', {
                  pages: number(issue.pages.length),
                  articles: number(articles),
                })}
              </span>
              {issue.dateSource === 'inferred' && (
                <span className="badge" title={t('dateInferredHint')}>
                  {t('dateInferred')}
                </span>
              )}
              {userIssues?.has(issue.id) && (
                <span
                  className="badge my-library"
                  data-testid="my-library-badge"
                  title={t('myLibraryHint')}
                >
                  {t('myLibrary')}
                </span>
              )}
            </a>
            <button
              type="button"
              className="small"
              data-testid="open-issue-beside"
              aria-label={t('openBesideLabel', { what: `${paper(issue)} ${date(issue.date)}` })}
              onClick={() => navigate(openRef(route, { issueId: issue.id }, 'other'))}
            >
              {t('openBeside')}
            </button>
            {userIssues?.has(issue.id) && (
              <RemoveIssueButton issueId={issue.id} what={`${paper(issue)} ${date(issue.date)}`} />
            )}
          </li>
        )
      })}
    </ul>
  )
}
