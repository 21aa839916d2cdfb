// One article: headline block, tools (text size, original layout, matches, citation, export,
// print), and the reflowed text with highlights and continuation links; for a story continued
// across pages, its parts and the whole story (StoryParts).
import { useEffect, useRef } from 'react'
import { useArticleMatches, useFullArticle } from '../app/data'
import { useI18n } from '../app/i18n'
import { ArticleBody } from './ArticleBody'
import { ArticleToolbar } from './ArticleToolbar'
import type { ArticleProps } from './ArticleToolbar'
import { Highlighted } from '../ui/Highlighted'
import { HitNavigator } from './HitNavigator'
import { StoryParts } from './StoryParts'
import { ExtractionNotice } from './ExtractionNotice'
import { EditMode } from '../corrections/EditMode'
import { ArticleNote } from '../bookmarks/ArticleNote'

export function ArticleView({ route, index, issue, article: shipped, pane, links }: ArticleProps) {
  const { t } = useI18n()
  // The issue may carry only the start of a long article; the rest is fetched on its own.
  const { article, loading: textLoading } = useFullArticle(shipped)
  const { entry } = useArticleMatches(article.id, pane.q)
  const matches = entry?.status === 'ok' ? entry.data : undefined
  // n / total counts every occurrence (matches.total: kicker, headline, subheadline, body, as
  // search does); stepping visits the title's first, then the body's.
  const total = matches?.total ?? 0
  const inTitle = matches ? total - matches.ranges.length : 0
  const hit = total ? Math.min(pane.hit ?? 0, total - 1) : undefined
  const bodyHit = hit !== undefined && hit >= inTitle ? hit - inTitle : undefined
  // A current match in the title: the pane may still be scrolled down from the article before
  // (the body's matches scroll themselves into view, ArticleBody).
  const head = useRef<HTMLElement>(null)
  const titleHit = hit !== undefined && bodyHit === undefined
  useEffect(() => {
    if (titleHit) head.current?.scrollIntoView({ block: 'start', behavior: 'instant' })
  }, [titleHit, hit, article.id])
  return (
    <article
      className="article"
      data-testid="article"
      data-article-id={article.id}
      aria-labelledby={`h-${index}`}
    >
      <header className="article-head" lang="zh-CN" ref={head}>
        {article.type !== 'article' && (
          <p className="block-type" data-testid="block-type">
            {t(`blockType_${article.type}`)}
          </p>
        )}
        {article.kicker && (
          <p className="kicker">
            <Highlighted text={article.kicker} ranges={matches?.kickerRanges ?? []} />
          </p>
        )}
        <h3 id={`h-${index}`} className="headline" data-testid="article-headline">
          <Highlighted
            text={article.headline || t('untitled')}
            ranges={matches?.headlineRanges ?? []}
          />
        </h3>
        {article.subheadline && (
          <p className="subheadline">
            <Highlighted text={article.subheadline} ranges={matches?.subheadlineRanges ?? []} />
          </p>
        )}
        {article.byline && (
          <p className="byline" data-testid="byline">
            {article.byline}
          </p>
        )}
      </header>
      <ArticleToolbar
        route={route}
        index={index}
        issue={issue}
        article={article}
        pane={pane}
        links={links}
      />
      <ArticleNote key={article.id} issue={issue} article={article} />
      <EditMode issue={issue} article={article} />
      {pane.q && (
        <HitNavigator
          route={route}
          index={index}
          q={pane.q}
          hit={hit}
          total={total}
          loading={!matches && entry?.status !== 'error'}
        />
      )}
      <StoryParts issue={issue} article={article} links={links}>
        <ArticleBody
          route={route}
          index={index}
          issue={issue}
          article={article}
          restore={!pane.q}
          hits={matches?.ranges ?? []}
          current={bodyHit}
          links={links}
        />
      </StoryParts>
      {textLoading && (
        <p className="muted" role="status" data-testid="text-loading">
          {t('textLoading')}
        </p>
      )}
      {article.captions.length > 0 && (
        <aside className="captions" aria-label={t('captions')} lang="zh-CN">
          <h4>{t('captions')}</h4>
          <ul>
            {article.captions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </aside>
      )}
      <ExtractionNotice article={article} />
    </article>
  )
}
