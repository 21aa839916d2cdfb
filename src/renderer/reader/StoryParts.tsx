// A story continued across pages (下转 / 上接): which parts it has, each a link to its page, and
// "read the whole story", which shows the other parts' text in reading order around this one.
// The parts come from the issue view (Article.story), so nothing is fetched.
import { useState } from 'react'
import type { ReactNode } from 'react'
import { parseArticleId } from '../../shared/archive/issue'
import type { Article, IssueView } from '../../shared/types'
import { useI18n } from '../app/i18n'
import type { PaneLinks } from './pane-links'

function partOf(issue: IssueView, id: string): Article | undefined {
  const ref = parseArticleId(id)
  if (!ref) return undefined
  return issue.pages.find((p) => p.number === ref.page)?.articles.find((a) => a.id === id)
}

export function StoryParts({
  issue,
  article,
  links,
  children,
}: {
  issue: IssueView
  article: Article
  links: PaneLinks
  /** This part's own text (the reader's ArticleBody, with its highlights). */
  children: ReactNode
}) {
  const { t } = useI18n()
  const [whole, setWhole] = useState(false)
  const story = article.story
  if (!story || story.parts.length < 2) return <>{children}</>
  const parts = story.parts.map((id) => ({ id, ref: parseArticleId(id), part: partOf(issue, id) }))
  const here = story.parts.indexOf(article.id)
  const other = (k: number) => {
    const p = parts[k]
    if (!p?.part || !p.ref) return null
    return (
      <section
        key={p.id}
        className="story-part"
        data-testid="story-part-text"
        aria-label={t('storyPart', { n: p.ref.page })}
        lang="zh-CN"
      >
        <h4 className="story-part-page">{t('storyPart', { n: p.ref.page })}</h4>
        {p.part.text.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
        {p.part.textLength !== undefined && <p className="muted">{t('storyPartCut')}</p>}
      </section>
    )
  }
  return (
    <>
      <nav
        className="story-parts"
        data-testid="story-parts"
        aria-label={t('storyParts', { n: parts.length })}
      >
        <span>{t('storyParts', { n: parts.length })}：</span>
        {parts.map(({ id, ref }, k) =>
          ref ? (
            <a
              key={id}
              href={links.href({ issueId: ref.issueId, page: ref.page, article: ref.index })}
              data-testid="story-part"
              aria-current={k === here ? 'true' : undefined}
            >
              {t('storyPart', { n: ref.page })}
              {k === here ? t('storyHere') : ''}
            </a>
          ) : null,
        )}
        <button
          type="button"
          data-testid="story-whole"
          aria-pressed={whole}
          onClick={() => setWhole((w) => !w)}
        >
          {whole ? t('storyPartOnly') : t('storyWhole')}
        </button>
      </nav>
      {whole && parts.slice(0, Math.max(0, here)).map((_, k) => other(k))}
      {children}
      {whole && parts.slice(here + 1).map((_, k) => other(here + 1 + k))}
    </>
  )
}
