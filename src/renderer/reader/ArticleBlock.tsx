// One block of an article's text (a paragraph, or a part of a very long one): its pieces are cut
// at the hits when it renders, and it renders again only when the hits inside it or the current
// hit inside it change. `frozen` keeps what is on screen while a new set of hits is being
// applied a few blocks per task (ArticleBody), so a megabyte of text never re-renders at once.
import { memo } from 'react'
import { useI18n } from '../app/i18n'
import type { ContinuationLink } from '../../shared/types'
import { blockParagraph } from '../ui/text-layout'
import type { BlockShape, Piece, SortedHits } from '../ui/text-layout'

export interface BlockLink {
  link: ContinuationLink
  href: string
  openBeside: () => void
}

interface Props {
  text: string
  block: BlockShape
  hits: SortedHits
  /** Which hits fall in this block: the memo's key for `hits`. */
  hitsKey: string
  /** The current hit when it is in this block. */
  current: number | undefined
  /** A link for each continuation marker in the block (undefined when its page is missing). */
  linkOf: (i: number) => BlockLink | undefined
  frozen: boolean
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

function Block({ text, block, hits, current, linkOf }: Props) {
  const { t } = useI18n()
  const para = blockParagraph(text, block, hits)
  return (
    <p className={para.continued ? 'continued' : undefined} data-start={block.start}>
      {para.runs.map((run) => {
        if (run.link === undefined)
          return <Pieces key={run.start} pieces={run.pieces} current={current} />
        const l = linkOf(run.link)
        if (!l || !l.link.targetExists) {
          return (
            <span
              key={run.start}
              className="continuation missing"
              data-testid="continuation-missing"
              title={t('continuationMissing', { n: l?.link.targetPage ?? '' })}
            >
              <Pieces pieces={run.pieces} current={current} />
            </span>
          )
        }
        const n = l.link.targetPage
        return (
          <span key={run.start} className="continuation">
            <a
              href={l.href}
              data-testid="continuation-link"
              data-target-page={n}
              title={t('continuationGo', { n })}
            >
              <Pieces pieces={run.pieces} current={current} />
            </a>
            <button
              type="button"
              className="beside"
              data-testid="continuation-beside"
              aria-label={t('continuationBeside', { n })}
              title={t('continuationBeside', { n })}
              onClick={l.openBeside}
            >
              ⇆
            </button>
          </span>
        )
      })}
    </p>
  )
}

export const ArticleBlock = memo(
  Block,
  (a, b) =>
    b.frozen ||
    (a.text === b.text &&
      a.block === b.block &&
      a.hitsKey === b.hitsKey &&
      a.current === b.current &&
      (a.linkOf === b.linkOf || !b.block.runs.some((r) => r.link !== undefined))),
)
