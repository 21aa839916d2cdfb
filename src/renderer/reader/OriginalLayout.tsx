// The page exactly as decoded from its source file, with the article's part marked — for
// checking the reflow against the original line breaks.
import { useEffect, useRef } from 'react'
import type { Article } from '../../shared/types'
import { usePageSource } from '../app/data'
import { useI18n } from '../app/i18n'
import { LoadError } from '../ui/LoadError'

interface Props {
  issueId: string
  page: number
  article: Article | undefined
}

export function OriginalLayout({ issueId, page, article }: Props) {
  const { t } = useI18n()
  const { entry } = usePageSource(issueId, page, true)
  const mark = useRef<HTMLElement>(null)
  const loaded = entry?.status === 'ok'
  useEffect(() => {
    if (loaded) mark.current?.scrollIntoView({ block: 'start', behavior: 'instant' })
  }, [loaded, article])
  if (entry?.status === 'error') return <LoadError error={entry.error} />
  if (entry?.status !== 'ok') return <p className="muted">{t('loading')}</p>
  const text = entry.data.text
  const [s, e] = article ? article.sourceRange : [0, 0]
  return (
    <section className="original" aria-label={t('originalLayoutOf', { source: entry.data.source })}>
      <p className="muted">{t('originalNote', { source: entry.data.source })}</p>
      <pre data-testid="original-layout" lang="zh-CN">
        <span>{text.slice(0, s)}</span>
        {e > s && (
          <mark className="source-range" data-testid="source-range" ref={mark}>
            {text.slice(s, e)}
          </mark>
        )}
        <span>{text.slice(e)}</span>
      </pre>
    </section>
  )
}
