// The reflowed text, block by block (ArticleBlock). Matches are <mark>s, continuation markers
// (下转2版 …) are links to the page they continue on, with "open beside" next to them.
// A long article (a megabyte on one line) is mounted a few blocks per task, and a new set of
// hits (a search within it) is applied the same way — blocks not yet reached keep what they
// show — so the window answers clicks and keys while the rest follows. Stepping to the next hit
// re-renders only the two blocks whose current hit changed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Article, IssueView, Range } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { openRef } from '../app/navigation'
import { parsePaneRef } from '../app/route'
import type { AppRoute, PaneRef } from '../app/route'
import { navigate } from '../app/route-store'
import { blockAt, hitsKey, layoutBlocks, sortedHits } from '../ui/text-layout'
import { holdInPlace } from '../ui/hold-in-place'
import type { BlockShape, SortedHits } from '../ui/text-layout'
import { ArticleBlock } from './ArticleBlock'
import type { BlockLink } from './ArticleBlock'
import type { PaneLinks } from './pane-links'
import { useReadingPosition } from './use-reading-position'

interface Props {
  route: AppRoute
  index: 0 | 1
  issue: IssueView
  article: Article
  hits: readonly Range[]
  current: number | undefined
  links: PaneLinks
  /** Bring the reader back to where they stopped (false while a search match is shown). */
  restore: boolean
}

/** Characters mounted (or re-rendered with new hits) per task: a step stays far below 50 ms. */
const CHUNK_CHARS = 6_000

/** The index after the blocks from `from` that hold about `chars` characters (at least one). */
function blocksFor(blocks: readonly BlockShape[], from: number, chars: number): number {
  let n = from
  let sum = 0
  while (n < blocks.length && (n === from || sum < chars)) {
    const b = blocks[n] as BlockShape
    sum += b.end - b.start
    n++
  }
  return n
}

interface Progress {
  blocks: readonly BlockShape[]
  hits: SortedHits
  /** Blocks in the document. */
  mounted: number
  /** Blocks showing `hits`; the ones after it still show older hits until reached. */
  fresh: number
}

export function ArticleBody({
  route,
  index,
  issue,
  article,
  hits,
  current,
  links,
  restore,
}: Props) {
  const { t } = useI18n()
  const root = useRef<HTMLDivElement>(null)
  const blocks = useMemo(
    () =>
      layoutBlocks(
        article.text,
        article.continuations.map((c) => c.range),
      ),
    [article],
  )
  const sorted = useMemo(() => sortedHits(hits), [hits])
  const [progress, setProgress] = useState<Progress>(() => ({
    blocks,
    hits: sorted,
    mounted: blocksFor(blocks, 0, CHUNK_CHARS),
    fresh: Infinity,
  }))
  let p = progress
  if (p.blocks !== blocks) {
    p = { blocks, hits: sorted, mounted: blocksFor(blocks, 0, CHUNK_CHARS), fresh: Infinity }
    setProgress(p)
  } else if (p.hits !== sorted) {
    p = { ...p, hits: sorted, fresh: 0 }
    setProgress(p)
  }
  useEffect(() => {
    const { fresh, mounted } = progress
    if (fresh >= mounted && mounted >= blocks.length) return
    const timer = setTimeout(() => {
      setProgress((q) =>
        q.fresh < q.mounted
          ? { ...q, fresh: blocksFor(q.blocks, q.fresh, CHUNK_CHARS) }
          : { ...q, fresh: Infinity, mounted: blocksFor(q.blocks, q.mounted, CHUNK_CHARS) },
      )
    }, 0)
    return () => clearTimeout(timer)
  }, [progress, blocks.length])

  // The block of the current hit; it is scrolled to once it is mounted and shows these hits.
  const currentRange = current === undefined ? undefined : hits[current]
  const currentBlock = currentRange ? blockAt(blocks, currentRange[0]) : -1
  // A hit may run over a block's end (rarely: blocks are cut at sentence ends).
  const currentLast = currentRange
    ? Math.max(currentBlock, blockAt(blocks, currentRange[1] - 1))
    : -1
  const ready = currentBlock >= 0 && currentBlock < Math.min(p.mounted, p.fresh)
  const scrolled = useRef<string>('')
  useEffect(() => {
    if (current === undefined || !ready) return
    const key = `${article.id}:${current}:${hits.length}`
    if (scrolled.current === key) return
    const mark = root.current?.querySelector(`mark[data-hit="${current}"]`)
    if (!mark) return
    scrolled.current = key
    const center = (): void => mark.scrollIntoView({ block: 'center', behavior: 'instant' })
    const body = mark.closest<HTMLElement>('.pane-body')
    if (body) holdInPlace(body, mark, center)
    else center()
  }, [current, hits, article.id, ready])

  useReadingPosition({ root, article, issue, blocks, mounted: p.mounted, restore })

  const linkOf = useCallback(
    (i: number): BlockLink | undefined => {
      const c = article.continuations[i]
      if (!c) return undefined
      const target: PaneRef | undefined = !c.targetExists
        ? undefined
        : (c.targetArticleId && parsePaneRef(c.targetArticleId)) || {
            issueId: article.issueId,
            page: c.targetPage,
          }
      if (!target) return { link: c, href: '', openBeside: () => {} }
      return {
        link: c,
        href: links.href(target),
        openBeside: () =>
          navigate({ ...openRef(route, target, index === 0 ? 1 : 0), active: index }),
      }
    },
    [article, links, route, index],
  )

  return (
    <div
      className="article-text"
      data-testid="article-text"
      data-article={article.id}
      ref={root}
      lang="zh-CN"
    >
      {blocks.length === 0 && <p className="muted">{t('noText')}</p>}
      {blocks.slice(0, p.mounted).map((block, i) => (
        <ArticleBlock
          key={`${article.id}:${block.start}`}
          text={article.text}
          block={block}
          hits={sorted}
          hitsKey={hitsKey(sorted, block.start, block.end)}
          current={i >= currentBlock && i <= currentLast ? current : undefined}
          linkOf={linkOf}
          frozen={i >= p.fresh}
        />
      ))}
    </div>
  )
}
