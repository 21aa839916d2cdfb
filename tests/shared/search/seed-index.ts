// The seed archive, segmented and indexed in memory once per test file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCatalog, sortCatalog } from '../../../src/shared/archive/catalog'
import { buildIssueView } from '../../../src/shared/archive/issue'
import { buildSearchIndex } from '../../../src/shared/search/search-index'
import type { DocInput, SearchIndex } from '../../../src/shared/search/search-index'
import type { Article, IssueView } from '../../../src/shared/types'
import { SEEDS } from '../../helpers'

export interface SeedArchive {
  views: IssueView[]
  articles: Article[]
  index: SearchIndex
}

let cached: SeedArchive | undefined

export function seedArchive(): SeedArchive {
  if (cached) return cached
  const catalog = sortCatalog(parseCatalog(readFileSync(join(SEEDS, 'catalog.json'), 'utf8')))
  const views = catalog.issues.map((issue) =>
    buildIssueView(
      issue,
      catalog.papers,
      issue.pages.map((p) => readFileSync(join(SEEDS, p.source), 'utf8')),
    ),
  )
  const articles = views.flatMap((v) => v.pages.flatMap((p) => p.articles))
  const docs: DocInput[] = []
  views.forEach((v, issue) => {
    for (const p of v.pages)
      for (const a of p.articles)
        docs.push({ issue, page: p.number, article: a.index, headline: a.headline, text: a.text })
  })
  const index = buildSearchIndex(
    catalog.issues.map((i) => ({ id: i.id, paper: i.paper, date: i.date })),
    docs,
  )
  cached = { views, articles, index }
  return cached
}
