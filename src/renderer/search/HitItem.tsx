// One search hit: where it is, the snippet with the matches highlighted, and two ways to open it.
import { recordSearch } from '../bookmarks/bookmarks'
import type { SearchHit } from '../../shared/types'
import { useIssues } from '../app/data'
import { useI18n } from '../app/i18n'
import { openArticleId } from '../app/navigation'
import { formatRoute } from '../app/route'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { Highlighted } from '../ui/Highlighted'

interface Props {
  route: AppRoute
  hit: SearchHit
  query: string
}

export function HitItem({ route, hit, query }: Props) {
  const { t, date, paper } = useI18n()
  const { entry } = useIssues()
  const issue = entry?.status === 'ok' ? entry.data.find((i) => i.id === hit.issueId) : undefined
  const paperName = issue ? paper(issue) : hit.paper
  const here = openArticleId(route, hit.articleId, 'active', query)
  const remember = (): void => recordSearch(query, formatRoute(route))
  return (
    <li className="hit" data-testid="search-hit" data-article-id={hit.articleId}>
      <a
        className="hit-headline"
        lang="zh-CN"
        data-testid="hit-open"
        href={formatRoute(here)}
        onClick={remember}
      >
        {hit.headline || t('untitled')}
      </a>
      <div className="hit-meta muted" data-testid="hit-meta">
        {paperName} · {date(hit.date)} · {t('pageN', { n: hit.page })}
      </div>
      <p className="snippet" data-testid="hit-snippet" lang="zh-CN">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </p>
      <button
        type="button"
        className="small"
        data-testid="hit-open-beside"
        aria-label={t('openBesideLabel', { what: hit.headline })}
        onClick={() => {
          remember()
          navigate(openArticleId(route, hit.articleId, 'other', query))
        }}
      >
        {t('openBeside')}
      </button>
    </li>
  )
}
