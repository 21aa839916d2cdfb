// A pane's masthead: paper and date, previous/next issue of the same paper, presets for the
// other pane, and closing the pane in a split.
import type { IssueView } from '../../shared/types'
import { useIssues } from '../app/data'
import { useI18n } from '../app/i18n'
import { closePane, neighbourIssue } from '../app/navigation'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { PanePresets } from './PanePresets'
import type { PaneLinks } from './pane-links'

interface Props {
  route: AppRoute
  index: 0 | 1
  issue: IssueView
  links: PaneLinks
  split: boolean
}

export function PaneHeader({ route, index, issue, links, split }: Props) {
  const { t, date, paper } = useI18n()
  const { entry } = useIssues()
  const issues = entry?.status === 'ok' ? entry.data : []
  const prev = neighbourIssue(issues, issue.id, -1)
  const next = neighbourIssue(issues, issue.id, 1)
  return (
    <header className="pane-header">
      {split && (
        <span className="pane-letter" aria-hidden="true">
          {index === 0 ? 'A' : 'B'}
        </span>
      )}
      <h2 className="pane-title" data-testid="pane-title">
        <span className="paper" lang="zh-CN">
          {paper(issue)}
        </span>{' '}
        <time dateTime={issue.date}>{date(issue.date)}</time>
        {issue.dateSource === 'inferred' && (
          <span className="badge" title={issue.dateNote ?? t('dateInferredHint')}>
            {t('dateInferred')}
          </span>
        )}
      </h2>
      <nav className="issue-nav" aria-label={t('issueNav')}>
        {prev ? (
          <a
            href={links.href({ issueId: prev.id })}
            data-testid="prev-issue"
            aria-keyshortcuts="{"
            title={date(prev.date)}
          >
            ← {t('prevIssue')}
          </a>
        ) : (
          <span
            className="disabled"
            data-testid="prev-issue"
            aria-disabled="true"
            title={t('noPrevIssue', { paper: paper(issue) })}
          >
            ← {t('prevIssue')}
          </span>
        )}
        {next ? (
          <a
            href={links.href({ issueId: next.id })}
            data-testid="next-issue"
            aria-keyshortcuts="}"
            title={date(next.date)}
          >
            {t('nextIssue')} →
          </a>
        ) : (
          <span
            className="disabled"
            data-testid="next-issue"
            aria-disabled="true"
            title={t('noNextIssue', { paper: paper(issue) })}
          >
            {t('nextIssue')} →
          </span>
        )}
      </nav>
      <div className="pane-actions">
        <PanePresets route={route} index={index} issue={issue} issues={issues} />
        {split && (
          <button
            type="button"
            className="small"
            data-testid="close-pane"
            aria-label={t('closePane', { pane: index === 0 ? 'A' : 'B' })}
            onClick={() => navigate(closePane(route, index))}
          >
            ✕
          </button>
        )}
      </div>
    </header>
  )
}
