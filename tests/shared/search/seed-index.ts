// The seed archive, segmented and indexed in memory once per test file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCatalog, sortCatalog } from '../../../src/shared/archive/catalog'
import { buildIssueView } from '../../../src/shared/archive/issue'
import { search } from '../../../src/shared/search/engine'
import type { SearchContext } from '../../../src/shared/search/engine'
import {
  bodyOf,
  buildSearchIndex,
  headlineOf,
  issueDocInputs,
  titleOf,
} from '../../../src/shared/search/search-index'
import type { SearchIndex } from '../../../src/shared/search/compose-index'
import type { DocInput } from '../../../src/shared/search/segment'
import type { Article, IssueView, SearchRequest, SearchResponse } from '../../../src/shared/types'
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
  const docs: DocInput[] = catalog.issues.flatMap((issue, i) =>
    issueDocInputs(
      i,
      issue,
      issue.pages.map((p) => readFileSync(join(SEEDS, p.source), 'utf8')),
    ),
  )
  const index = buildSearchIndex(
    catalog.issues.map((i) => ({ id: i.id, paper: i.paper, date: i.date })),
    docs,
  )
  cached = { views, articles, index }
  return cached
}

/** The engine's search over `index`, its hits' text read from the index itself. */
export function searchIndex(
  index: SearchIndex,
  request: SearchRequest,
  context: SearchContext = {},
): SearchResponse {
  return search(
    index,
    request,
    (_id, d) => ({
      headline: headlineOf(index, d),
      title: titleOf(index, d),
      text: bodyOf(index, d),
    }),
    context,
  )
}
