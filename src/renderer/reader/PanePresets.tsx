// Presets for the other pane: the same date in another paper (or the nearest issue), the
// previous/next issue of this paper, this page again.
import { useRef } from 'react'
import type { IssueSummary, IssueView } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { neighbourIssue, openRef, sameDateElsewhere } from '../app/navigation'
import type { AppRoute, PaneRef } from '../app/route'
import { navigate } from '../app/route-store'

interface Props {
  route: AppRoute
  index: 0 | 1
  issue: IssueView
  issues: readonly IssueSummary[]
}

export function PanePresets({ route, index, issue, issues }: Props) {
  const { t, date, paper } = useI18n()
  const menu = useRef<HTMLDetailsElement>(null)
  const other: 0 | 1 = index === 0 ? 1 : 0
  const open = (ref: PaneRef): void => {
    if (menu.current) menu.current.open = false
    navigate({ ...openRef(route, ref, other), active: index })
  }
  const elsewhere = sameDateElsewhere(issues, issue.id)
  const prev = neighbourIssue(issues, issue.id, -1)
  const next = neighbourIssue(issues, issue.id, 1)
  const current = route.panes[index]?.ref ?? { issueId: issue.id }
  return (
    <details className="menu presets" ref={menu} data-testid="presets">
      <summary>{t('openBesideMenu')}</summary>
      <div className="menu-items" role="group" aria-label={t('openBesideMenu')}>
        {elsewhere.map(({ issue: x, exact }) => (
          <button
            key={x.id}
            type="button"
            data-testid="preset-same-date"
            data-issue-id={x.id}
            onClick={() => open({ issueId: x.id })}
          >
            {exact
              ? t('presetSameDate', { paper: paper(x) })
              : t('presetNearest', { paper: paper(x), date: date(x.date) })}
          </button>
        ))}
        <button
          type="button"
          data-testid="preset-prev-issue"
          disabled={!prev}
          onClick={() => prev && open({ issueId: prev.id })}
        >
          {prev
            ? t('presetPrevIssue', { date: date(prev.date) })
            : t('noPrevIssue', { paper: paper(issue) })}
        </button>
        <button
          type="button"
          data-testid="preset-next-issue"
          disabled={!next}
          onClick={() => next && open({ issueId: next.id })}
        >
          {next
            ? t('presetNextIssue', { date: date(next.date) })
            : t('noNextIssue', { paper: paper(issue) })}
        </button>
        <button type="button" data-testid="preset-same-page" onClick={() => open(current)}>
          {t('presetSamePage')}
        </button>
      </div>
    </details>
  )
}
