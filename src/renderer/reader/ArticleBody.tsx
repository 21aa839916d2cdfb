// The reflowed text, paragraph by paragraph. Matches are <mark>s, continuation markers
// (下转2版 …) are links to the page they continue on, with "open beside" next to them.
import { useEffect, useRef } from 'react'
import type { Article, Range } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { openRef } from '../app/navigation'
import { parsePaneRef } from '../app/route'
import type { AppRoute, PaneRef } from '../app/route'
import { navigate } from '../app/route-store'
import { layoutText } from '../ui/text-layout'
import type { Piece } from '../ui/text-layout'
import type { PaneLinks } from './pane-links'

interface Props {
  route: AppRoute
  index: 0 | 1
  article: Article
  hits: readonly Range[]
  current: number | undefined
  links: PaneLinks
}

function Pieces({ pieces, current }: { pieces: Piece[]; current: number | undefined }) {
  return (
    <>
      {pieces.map((p) =>
        p.hit === undefined ? (
          <span key={p.start}>{p.text}</span>
        ) : (
          <mark
            key={p.start}
            data-hit={p.hit}
            data-testid="match"
            className={p.hit === current ? 'current' : undefined}
            aria-current={p.hit === current ? 'true' : undefined}
          >
            {p.text}
          </mark>
        ),
      )}
    </>
  )
}

export function ArticleBody({ route, index, article, hits, current, links }: Props) {
  const { t } = useI18n()
  const root = useRef<HTMLDivElement>(null)
  const paragraphs = layoutText(
    article.text,
    hits,
    article.continuations.map((c) => c.range),
  )

  useEffect(() => {
    if (current === undefined) return
    root.current
      ?.querySelector(`mark[data-hit="${current}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'instant' })
  }, [current, hits])

  const targetOf = (i: number): PaneRef | undefined => {
    const c = article.continuations[i]
    if (!c?.targetExists) return undefined
    return (
      (c.targetArticleId && parsePaneRef(c.targetArticleId)) || {
        issueId: article.issueId,
        page: c.targetPage,
      }
    )
  }

  return (
    <div className="article-text" data-testid="article-text" ref={root} lang="zh-CN">
      {paragraphs.length === 0 && <p className="muted">{t('noText')}</p>}
      {paragraphs.map((para) => (
        <p key={para.start}>
          {para.runs.map((run) => {
            if (run.link === undefined)
              return <Pieces key={run.start} pieces={run.pieces} current={current} />
            const c = article.continuations[run.link]
            const target = targetOf(run.link)
            if (!c || !target) {
              return (
                <span
                  key={run.start}
                  className="continuation missing"
                  data-testid="continuation-missing"
                  title={t('continuationMissing', { n: c?.targetPage ?? '' })}
                >
                  <Pieces pieces={run.pieces} current={current} />
                </span>
              )
            }
            return (
              <span key={run.start} className="continuation">
                <a
                  href={links.href(target)}
                  data-testid="continuation-link"
                  data-target-page={c.targetPage}
                  title={t('continuationGo', { n: c.targetPage })}
                >
                  <Pieces pieces={run.pieces} current={current} />
                </a>
                <button
                  type="button"
                  className="beside"
                  data-testid="continuation-beside"
                  aria-label={t('continuationBeside', { n: c.targetPage })}
                  title={t('continuationBeside', { n: c.targetPage })}
                  onClick={() =>
                    navigate({ ...openRef(route, target, index === 0 ? 1 : 0), active: index })
                  }
                >
                  ⇆
                </button>
              </span>
            )
          })}
        </p>
      ))}
    </div>
  )
}
