// Remembers the reading position of the article in a pane as the pane scrolls, and brings the
// reader back to it when the article is opened again (reading-position.ts). A search match to
// scroll to wins over the remembered position; a new article without one opens at its top.
import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'
import type { Article, IssueView } from '../../shared/types'
import type { BlockShape } from '../ui/text-layout'
import {
  blockAtLine,
  blockFor,
  forgetCount,
  fractionAt,
  positionOf,
  rememberPosition,
} from './reading-position'
import { holdInPlace } from '../ui/hold-in-place'

/** The pane's reading line: below the sticky match bar (reader.css: scroll-margin-top). */
export const READING_LINE = 56
/** Writes wait this long after the last scroll, so scrolling costs one write, not hundreds. */
const SAVE_AFTER_MS = 400

interface Options {
  root: RefObject<HTMLDivElement | null>
  article: Article
  issue: IssueView
  blocks: readonly BlockShape[]
  /** How many blocks are in the document (a long article is mounted a few per task). */
  mounted: number
  /** False when the pane scrolls to a search match instead. */
  restore: boolean
}

const bodyOf = (el: HTMLElement | null): HTMLElement | null =>
  el?.closest<HTMLElement>('.pane-body') ?? null

function scrollTo(body: HTMLElement, block: Element, within: number): void {
  const b = block.getBoundingClientRect()
  const top = body.getBoundingClientRect().top + READING_LINE
  body.scrollTop += b.top + within * b.height - top
}

export function useReadingPosition({ root, article, issue, blocks, mounted, restore }: Options) {
  // The article whose position is settled (restored, or not to be restored): only then do its
  // scroll events count, so the scrolls of opening it never overwrite what was remembered.
  const settled = useRef<string | undefined>(undefined)
  const id = article.id
  const cut = article.textLength !== undefined && article.textLength > article.text.length

  useEffect(() => {
    if (settled.current === id) return
    const body = bodyOf(root.current)
    if (!body || !root.current) return
    const saved = restore ? positionOf(id) : undefined
    if (!saved) {
      // The pane may still be scrolled down from the article it showed before.
      if (restore) body.scrollTop = 0
      settled.current = id
      return
    }
    // Wait for the rest of a long article's text, and for its block to be mounted.
    if (cut && saved.offset >= article.text.length) return
    const i = blockFor(blocks, saved.offset)
    if (i >= mounted) return
    const block = i >= 0 ? root.current.querySelector(`p[data-start="${blocks[i]?.start}"]`) : null
    // Blocks around the line are laid out as they come into view: hold the block on the line.
    if (block) holdInPlace(body, block, () => scrollTo(body, block, saved.within))
    settled.current = id
  }, [root, id, blocks, mounted, restore, cut, article.text.length])

  // The latest article and issue for the scroll handler, which lives as long as the article id.
  const meta = useRef({ article, issue })
  useEffect(() => {
    meta.current = { article, issue }
  })
  useEffect(() => {
    const el = root.current
    const body = bodyOf(el)
    if (!el || !body) return
    let pending: Parameters<typeof rememberPosition>[0] | undefined
    // forgetCount(id) when `pending` was recorded: a forget since then drops it.
    let pendingForgets = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = (): void => {
      clearTimeout(timer)
      timer = undefined
      if (pending && forgetCount(id) === pendingForgets) rememberPosition(pending)
      pending = undefined
    }
    const onScroll = (): void => {
      if (settled.current !== id || el.dataset.article !== id) return
      const { article: a, issue: is } = meta.current
      const line = body.getBoundingClientRect().top + READING_LINE
      const kids = el.children
      const count = kids.length
      const i = blockAtLine(count, (k) => (kids[k] as Element).getBoundingClientRect().bottom, line)
      const block = kids[Math.min(i, count - 1)] as HTMLElement | undefined
      const start = Number(block?.dataset.start)
      if (!block || !Number.isFinite(start)) return
      const r = block.getBoundingClientRect()
      // Above the first block (the headline, the contents): the article's top.
      const above = i === 0 && r.top >= line
      pendingForgets = forgetCount(id)
      pending = {
        articleId: id,
        offset: above ? 0 : start,
        within: above ? 0 : fractionAt(r.top, r.height, line),
        length: Math.max(1, a.textLength ?? a.text.length),
        headline: a.headline.slice(0, 300),
        paperName: is.paperName,
        ...(is.paperNameEn ? { paperNameEn: is.paperNameEn } : {}),
        date: is.date,
        page: a.page,
      }
      timer ??= setTimeout(flush, SAVE_AFTER_MS)
    }
    body.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      body.removeEventListener('scroll', onScroll)
      flush()
    }
  }, [root, id])
}
