// The issue's pages as tabs, with previous/next page.
import type { IssueView, PageView } from '../../shared/types'
import { useI18n } from '../app/i18n'
import type { PaneState } from '../app/route'
import { PageStep } from './PageStep'
import type { PaneLinks } from './pane-links'

interface Props {
  issue: IssueView
  page: PageView
  pane: PaneState
  links: PaneLinks
}

export function PageTabs({ issue, page, pane, links }: Props) {
  const { t } = useI18n()
  const at = issue.pages.indexOf(page)
  const prev = issue.pages[at - 1]
  const next = issue.pages[at + 1]
  const keep = pane.q ? { q: pane.q } : {}
  return (
    <nav className="page-tabs" aria-label={t('pages')}>
      <PageStep
        href={prev && links.href({ issueId: issue.id, page: prev.number }, keep)}
        testId="prev-page"
        shortcut="["
        label={t('prevPage')}
        glyph="‹"
      />
      <ul>
        {issue.pages.map((p) => (
          <li key={p.number}>
            <a
              href={links.href({ issueId: issue.id, page: p.number }, keep)}
              data-testid="page-tab"
              data-page={p.number}
              aria-current={p === page ? 'page' : undefined}
            >
              {t('pageN', { n: p.number })}
              <span className="muted"> · {p.articles.length}</span>
            </a>
          </li>
        ))}
      </ul>
      <PageStep
        href={next && links.href({ issueId: issue.id, page: next.number }, keep)}
        testId="next-page"
        shortcut="]"
        label={t('nextPage')}
        glyph="›"
      />
    </nav>
  )
}
