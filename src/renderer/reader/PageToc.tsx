// The page's articles as a table of contents.
import type { Article, PageView } from '../../shared/types'
import { useI18n } from '../app/i18n'
import type { PaneState } from '../app/route'
import type { PaneLinks } from './pane-links'

interface Props {
  page: PageView
  current: Article | undefined
  pane: PaneState
  links: PaneLinks
}

export function PageToc({ page, current, pane, links }: Props) {
  const { t } = useI18n()
  return (
    <nav className="toc" aria-label={t('tocLabel', { n: page.number })} data-testid="toc">
      <h3>{t('tocTitle', { n: page.number })}</h3>
      <ol lang="zh-CN">
        {page.articles.map((a) => (
          <li key={a.id}>
            <a
              href={links.href(
                { issueId: a.issueId, page: a.page, article: a.index },
                { ...(pane.q ? { q: pane.q } : {}), ...(pane.original ? { original: true } : {}) },
              )}
              data-testid="toc-item"
              data-article-id={a.id}
              aria-current={a === current ? 'true' : undefined}
            >
              {a.headline || t('untitled')}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
