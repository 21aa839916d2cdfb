// One reading pane: an issue's page with its table of contents and one article (reflowed, or the
// page's original layout). Links inside a pane always target this pane.
import { useEffect } from 'react'
import { useIssue } from '../app/data'
import { describePane } from '../app/describe'
import { useI18n } from '../app/i18n'
import { resolveRef } from '../app/navigation'
import type { AppRoute, PaneState } from '../app/route'
import { navigate } from '../app/route-store'
import { ArticleView } from './ArticleView'
import { LoadError } from '../ui/LoadError'
import { OriginalLayout } from './OriginalLayout'
import { paneLinks } from './pane-links'
import { PageTabs } from './PageTabs'
import { PageToc } from './PageToc'
import { PaneHeader } from './PaneHeader'
import { Provenance } from './Provenance'
import { ResultStepper } from './ResultStepper'

interface Props {
  route: AppRoute
  index: 0 | 1
  pane: PaneState
  bodyRef: (el: HTMLElement | null) => void
  onScroll: () => void
}

export function ReaderPane({ route, index, pane, bodyRef, onScroll }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const { entry } = useIssue(pane.ref.issueId)
  const issue = entry?.status === 'ok' ? entry.data : undefined
  const active = route.active === index
  const split = route.panes.length === 2
  const letter = index === 0 ? 'a' : 'b'
  const at = issue ? resolveRef(pane.ref, issue) : undefined

  const links = paneLinks(route, index)

  useEffect(() => {
    if (active && issue) document.title = `${describePane(pane, i18n)} — ${i18n.t('appTitle')}`
  }, [active, issue, pane, i18n])

  const activate = (): void => {
    if (!active) navigate({ ...route, active: index }, { replace: true })
  }

  let body
  if (entry?.status === 'error') body = <LoadError error={entry.error} />
  else if (!issue) body = <p className="muted">{t('loading')}</p>
  else if (!at)
    body = (
      <p role="alert" data-testid="pane-error">
        {t('noSuchPage', { page: pane.ref.page ?? '', issue: issue.id })}{' '}
        <a href={links.href({ issueId: issue.id })}>{t('firstPage')}</a>
      </p>
    )

  return (
    <section
      className={active && split ? 'pane active' : 'pane'}
      data-testid={`pane-${letter}`}
      data-pane={letter}
      data-issue-id={pane.ref.issueId}
      data-page={at?.page.number}
      data-article-id={at?.article?.id}
      aria-label={t(index === 0 ? 'paneA' : 'paneB')}
      onFocusCapture={activate}
      onMouseDownCapture={activate}
    >
      {issue && (
        <PaneHeader route={route} index={index} issue={issue} links={links} split={split} />
      )}
      {issue && at && route.search.q && (
        <ResultStepper route={route} index={index} articleId={at.article?.id} />
      )}
      {issue && at && <PageTabs issue={issue} page={at.page} links={links} pane={pane} />}
      {issue && at && <Provenance issue={issue} page={at.page} article={at.article} />}
      <div
        className="pane-body"
        ref={bodyRef}
        onScroll={onScroll}
        tabIndex={-1}
        data-pane-body={index}
        data-testid="pane-body"
      >
        {body}
        {issue && at && (
          <div className="page-layout">
            <PageToc page={at.page} current={at.article} links={links} pane={pane} />
            {pane.original ? (
              <OriginalLayout
                route={route}
                index={index}
                issueId={issue.id}
                page={at.page.number}
                article={at.article}
                q={pane.q}
              />
            ) : at.article ? (
              <ArticleView
                route={route}
                index={index}
                issue={issue}
                article={at.article}
                pane={pane}
                links={links}
              />
            ) : (
              <p className="muted">{t('pageNoArticles')}</p>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
