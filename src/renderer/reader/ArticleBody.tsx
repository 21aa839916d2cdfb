// The reflowed text, paragraph by paragraph. Matches are <mark>s, continuation markers
// (下转2版 …) are links to the page they continue on, with "open beside" next to them.
// A long article (a megabyte on one line) is rendered a few blocks at a time, each step in a
// task of its own, so the window answers clicks and keys while the rest appears.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Article, Range } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { openRef } from '../app/navigation'
import { parsePaneRef } from '../app/route'
import type { AppRoute, PaneRef } from '../app/route'
import { navigate } from '../app/route-store'
import { layoutText } from '../ui/text-layout'
import type { Paragraph, Piece } from '../ui/text-layout'
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

/** Characters rendered at first and added per step: a step stays far below 50 ms of work. */
const CHUNK_CHARS = 12_000

/** How many of `paragraphs` from `from` hold about `chars` characters (at least one). */
function blocksFor(paragraphs: readonly Paragraph[], from: number, chars: number): number {
  let n = from
  let sum = 0
  while (n < paragraphs.length && (n === from || sum < chars)) {
    const p = paragraphs[n] as Paragraph
    sum += p.end - p.start
    n++
  }
  return n
}

export function ArticleBody({ route, index, article, hits, current, links }: Props) {
  const { t } = useI18n()
  const root = useRef<HTMLDivElement>(null)
  const paragraphs = useMemo(
    () =>
      layoutText(
        article.text,
        hits,
        article.continuations.map((c) => c.range),
      ),
    [article, hits],
  )
  // How many blocks are in the document; grows a chunk per task until all are.
  const [shown, setShown] = useState({ of: paragraphs, n: blocksFor(paragraphs, 0, CHUNK_CHARS) })
  const count = shown.of === paragraphs ? shown.n : blocksFor(paragraphs, 0, CHUNK_CHARS)
  if (shown.of !== paragraphs) setShown({ of: paragraphs, n: count })
  useEffect(() => {
    if (count >= paragraphs.length) return
    const timer = setTimeout(
      () => setShown({ of: paragraphs, n: blocksFor(paragraphs, count, CHUNK_CHARS) }),
      0,
    )
    return () => clearTimeout(timer)
  }, [count, paragraphs])

  // Scrolls to the current match once it is in the document (it may be in a later chunk).
  const scrolled = useRef<string>('')
  useEffect(() => {
    if (current === undefined) return
    const key = `${article.id}:${current}:${hits.length}`
    if (scrolled.current === key) return
    const mark = root.current?.querySelector(`mark[data-hit="${current}"]`)
    if (!mark) return
    scrolled.current = key
    mark.scrollIntoView({ block: 'center', behavior: 'instant' })
  }, [current, hits, article.id, count])

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
      {paragraphs.slice(0, count).map((para) => (
        <p key={para.start} className={para.continued ? 'continued' : undefined}>
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
