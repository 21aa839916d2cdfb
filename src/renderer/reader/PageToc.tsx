// The page's articles as a table of contents. Only articles and briefs are entries by default;
// photos, graphics, ads, notices and page furniture are listed, labelled as what they are, on
// request (and always when one of them is the open block). A page is a few dozen blocks; a file
// that is not a page can be a hundred thousand, so the list shows TOC_STEP at a time (and always
// the article being read) with a button for more, instead of a hundred thousand links at once.
import { useMemo, useState } from 'react'
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

const TOC_STEP = 200

const isEntry = (a: Article): boolean => a.type === 'article' || a.type === 'brief'

export function PageToc({ page, current, pane, links }: Props) {
  const { t } = useI18n()
  const [all, setAll] = useState(false)
  const [limit, setLimit] = useState({ page, n: TOC_STEP })
  // Computed once per page (a hundred thousand entries are a few milliseconds, not per render).
  const entries = useMemo(() => page.articles.filter(isEntry), [page])
  const listed = useMemo(
    () => (all ? page.articles : page.articles.filter((a) => isEntry(a) || a === current)),
    [all, page, current],
  )
  const others = page.articles.length - entries.length
  const n = limit.page === page ? limit.n : TOC_STEP
  const at = current ? listed.indexOf(current) : -1
  // The current article's neighbourhood is always listed, even far down a long page.
  const shown =
    at < n
      ? listed.slice(0, n)
      : [...listed.slice(0, n), ...listed.slice(Math.max(n, at - 5), at + 6)]
  const more = listed.length - Math.max(n, at + 6)
  return (
    <nav className="toc" aria-label={t('tocLabel', { n: page.number })} data-testid="toc">
      <h3>{t('tocTitle', { n: page.number })}</h3>
      <ol lang="zh-CN">
        {shown.map((a) => (
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
              {!isEntry(a) && (
                <span className="block-type" data-testid="toc-block-type">
                  {t(`blockType_${a.type}`)} ·{' '}
                </span>
              )}
              {a.headline || t('untitled')}
            </a>
          </li>
        ))}
      </ol>
      {more > 0 && (
        <button
          type="button"
          className="toc-more"
          data-testid="toc-more"
          onClick={() => setLimit({ page, n: n + TOC_STEP })}
        >
          {t('tocMore', { n: more })}
        </button>
      )}
      {others > 0 && (
        <button
          type="button"
          className="toc-all"
          onClick={() => setAll(!all)}
          data-testid="toc-all"
        >
          {all ? t('tocShowArticles') : t('tocShowAll', { n: page.articles.length })}
        </button>
      )}
    </nav>
  )
}
