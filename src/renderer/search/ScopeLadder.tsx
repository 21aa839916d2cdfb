// The scope ladder: this page → this issue → this paper → everything, relative to what the
// active pane shows. The chosen scope is stored as plain filters (issue, page, paper), so a
// link reproduces it even without the pane.
import type { SearchRequest } from '../../shared/types'
import { useIssue } from '../app/data'
import { useI18n } from '../app/i18n'
import type { MessageKey } from '../app/messages'
import { resolveRef } from '../app/navigation'
import type { AppRoute } from '../app/route'
import { setSearch } from './search-route'

type Level = 'page' | 'issue' | 'paper' | 'all'
const LEVELS: readonly Level[] = ['page', 'issue', 'paper', 'all']
const LABELS: Record<Level, MessageKey> = {
  page: 'scopePage',
  issue: 'scopeIssue',
  paper: 'scopePaper',
  all: 'scopeAll',
}

export function levelOf(s: SearchRequest): Level {
  if (s.issueId && s.page !== undefined) return 'page'
  if (s.issueId) return 'issue'
  if (s.papers?.length === 1) return 'paper'
  return 'all'
}

export function ScopeLadder({ route }: { route: AppRoute }) {
  const { t, date } = useI18n()
  const pane = route.panes[route.active]
  const { entry } = useIssue(pane?.ref.issueId)
  const issue = entry?.status === 'ok' ? entry.data : undefined
  const at = pane && issue ? resolveRef(pane.ref, issue) : undefined
  const current = levelOf(route.search)

  const filtersFor = (level: Level): Partial<SearchRequest> | undefined => {
    const none = { issueId: undefined, page: undefined, papers: undefined }
    if (level === 'all') return none
    if (!issue) return undefined
    if (level === 'paper') return { ...none, papers: [issue.paper] }
    if (level === 'issue') return { ...none, issueId: issue.id }
    return at ? { ...none, issueId: issue.id, page: at.page.number } : undefined
  }
  const detail = (level: Level): string => {
    if (!issue || level === 'all') return ''
    if (level === 'paper') return issue.paperName
    if (level === 'issue') return `${issue.paperName} ${date(issue.date)}`
    return at ? `${issue.paperName} ${date(issue.date)} ${t('pageN', { n: at.page.number })}` : ''
  }
  return (
    <div className="filter-row scope-ladder" data-testid="scope-ladder">
      <span className="label" id="scope-label">
        {t('scope')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="scope-label">
        {LEVELS.map((level) => {
          const filters = filtersFor(level)
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
              {t(LABELS[level])}
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
