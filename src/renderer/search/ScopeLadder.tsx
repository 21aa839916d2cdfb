// The scope ladder: this page → this issue → this paper → everything, relative to what the
// active pane shows. The chosen scope is stored as plain filters (issue, page, paper), so a
// link reproduces it even without the pane.
import { useIssue } from '../app/data'
import { useI18n } from '../app/i18n'
import { resolveRef } from '../app/navigation'
import type { AppRoute } from '../app/route'
import { levelOf, SCOPE_LABELS, SCOPE_LEVELS, scopeFilters } from './scope'
import type { ScopeLevel } from './scope'
import { setSearch } from './search-route'

export function ScopeLadder({ route }: { route: AppRoute }) {
  const { t, date, paper } = useI18n()
  const pane = route.panes[route.active]
  const { entry } = useIssue(pane?.ref.issueId)
  const issue = entry?.status === 'ok' ? entry.data : undefined
  const at = pane && issue ? resolveRef(pane.ref, issue) : undefined
  const current = levelOf(route.search)

  const detail = (level: ScopeLevel): string => {
    if (!issue || level === 'all') return ''
    if (level === 'paper') return paper(issue)
    if (level === 'issue') return `${paper(issue)} ${date(issue.date)}`
    return at ? `${paper(issue)} ${date(issue.date)} ${t('pageN', { n: at.page.number })}` : ''
  }
  return (
    <div className="filter-row scope-ladder" data-testid="scope-ladder">
      <span className="label" id="scope-label">
        {t('scope')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="scope-label">
        {SCOPE_LEVELS.map((level) => {
          const filters = scopeFilters(level, issue, at?.page.number)
          return (
            <label
              key={level}
              className={filters ? undefined : 'disabled'}
              title={detail(level) || undefined}
            >
              <input
                type="radio"
                name="scope"
                data-testid={`scope-${level}`}
                checked={current === level}
                disabled={!filters}
                onChange={() => filters && setSearch(route, filters)}
              />
              {t(SCOPE_LABELS[level])}
            </label>
          )
        })}
      </div>
      <span className="muted scope-detail" data-testid="scope-detail">
        {detail(current) ||
          (current !== 'all' && route.search.issueId
            ? t('scopeFixedIssue', { issue: route.search.issueId, page: route.search.page ?? '' })
            : '')}
      </span>
    </div>
  )
}
