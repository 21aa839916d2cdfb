// The page's text as extracted, with its line breaks — not a page image — and the article's part
// marked, for checking the reflow against the source. The query's words are highlighted inside
// the article's part; a bar names the mode and leads back to the reflowed article (or o).
import { useEffect, useRef } from 'react'
import type { Article } from '../../shared/types'
import { usePageSource } from '../app/data'
import { useI18n } from '../app/i18n'
import { updatePane } from '../app/navigation'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { LoadError } from '../ui/LoadError'
import { piecesOf } from '../ui/text-layout'
import { sourceHits } from './source-hits'

interface Props {
  route: AppRoute
  index: 0 | 1
  issueId: string
  page: number
  article: Article | undefined
  q: string | undefined
}

export function OriginalLayout({ route, index, issueId, page, article, q }: Props) {
  const { t } = useI18n()
  const { entry } = usePageSource(issueId, page, true)
  const mark = useRef<HTMLElement>(null)
  const loaded = entry?.status === 'ok'
  useEffect(() => {
    if (!loaded) return
    // The first highlighted word if there is one, else the article's start: where one was reading.
    const first = mark.current?.querySelector('mark') ?? mark.current
    first?.scrollIntoView({ block: 'center', behavior: 'instant' })
  }, [loaded, article, q])
  const back = (
    <div className="original-bar" data-testid="original-bar">
      <strong>{t('originalLayout')}</strong>
      <button
        type="button"
        data-testid="original-back"
        aria-keyshortcuts="o"
        onClick={() => navigate(updatePane(route, index, { original: undefined }))}
      >
        ← {t('originalBack')}
      </button>
    </div>
  )
  if (entry?.status === 'error')
    return (
      <>
        {back}
        <LoadError error={entry.error} />
      </>
    )
  if (entry?.status !== 'ok')
    return (
      <>
        {back}
        <p className="muted">{t('loading')}</p>
      </>
    )
  const text = entry.data.text
  const [s, e] = article ? article.sourceRange : [0, 0]
  const hits = q && e > s ? sourceHits(text, q, s, e) : []
  return (
    <section className="original" aria-label={t('originalLayoutOf', { source: entry.data.source })}>
      {back}
      <p className="muted">{t('originalNote', { source: entry.data.source })}</p>
      <pre data-testid="original-layout" lang="zh-CN">
        <span>{text.slice(0, s)}</span>
        {e > s && (
          <span className="source-range" data-testid="source-range" ref={mark}>
            {piecesOf(text, s, e, hits).map((p) =>
              p.hit === undefined ? (
                <span key={p.start}>{p.text}</span>
              ) : (
                <mark key={p.start} data-testid="original-match">
                  {p.text}
                </mark>
              ),
            )}
          </span>
        )}
        <span>{text.slice(e)}</span>
      </pre>
    </section>
  )
}
