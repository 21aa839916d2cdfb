// The archive as a service: catalog, pages and the persisted search index of one archive folder,
// behind the `ArchiveApi` contract. The CLI, the reading-room server and Electron's main process
// all use this one implementation.
import { UserFacingError } from '../shared/errors'
import { join } from 'node:path'
import type { ArchiveApi, ArchiveSyncApi } from '../shared/contract'
import { sortCatalog } from '../shared/archive/catalog'
import { buildIssueView, findArticle, issueSummary, parseArticleId } from '../shared/archive/issue'
import { search } from '../shared/search/engine'
import { articleOccurrences } from '../shared/search/matches'
import { parseQuery, positiveTerms } from '../shared/search/query'
import {
  bodyMappedOf,
  bylineOf,
  docCount,
  headlineOf,
  titleOf,
} from '../shared/search/search-index'
import { articlesPerPage } from '../shared/search/compose-index'
import type { SearchIndex } from '../shared/search/compose-index'
import type {
  Article,
  ArticleMatches,
  Catalog,
  IndexStatus,
  IssueSummary,
  IssueView,
  PageSource,
  SearchRequest,
  SearchResponse,
} from '../shared/types'
import { ArchiveError, readPageText } from './archive-dir'
import { SizeLru } from '../shared/size-lru'
import { issuePreview } from '../shared/archive/issue-preview'
import { loadCatalog } from './catalog-recovery'
import { INDEX_FILE } from './index-helpers'
import { correctionEntries } from './corrections-store'
import type { CorrectionEntry } from '../shared/archive/corrections'
import { closeIndexFiles } from './index-store'
import { correctedKey, obtainIndex } from './archive-open'
import type { OpenOptions, OpenResult } from './archive-open'
import { guarded } from './index-damage'
import { DEFAULT_SUGGESTIONS, suggest } from '../shared/search/fields/field-index'
import type { FieldIndex } from '../shared/search/fields/field-index'
import { DEFAULT_QUICK_OPEN, quickOpen } from '../shared/search/fields/quick-open'
import type { DidYouMeanResponse, QuickOpenResponse, SuggestResponse } from '../shared/types'
import { openFieldIndex } from './field-store'
import type { FieldStoreOptions } from './field-store'
import { didYouMean } from '../shared/search/fields/did-you-mean'
import { DID_YOU_MEAN_MAX_HITS } from '../shared/rules'

/** Characters of article text the issue caches keep (≈ 2 bytes each in memory). */
const VIEW_CACHE_CHARS = 16_000_000

function viewChars(view: IssueView): number {
  let n = 0
  for (const p of view.pages)
    for (const a of p.articles) n += a.text.length + a.headline.length + 64
  return n
}

export class NotFoundError extends UserFacingError {
  override name = 'NotFoundError'
  readonly errorCode = 'not-found'
}

export class ArchiveService implements ArchiveApi, ArchiveSyncApi {
  /** Issue views, bounded by the text they hold (a page can be megabytes). */
  private readonly views = new SizeLru<string, IssueView>(VIEW_CACHE_CHARS, viewChars)
  private readonly previews = new SizeLru<string, IssueView>(VIEW_CACHE_CHARS / 4, viewChars)
  /** Articles per page, per issue id (from the index: listing needs no page read), at first listing. */
  private pageCountsMemo: Map<string, Map<number, number>> | undefined
  private readonly issueIndex = new Map<string, number>()
  /** The librarians' corrections (corrections.json as the catalog records it). */
  readonly corrections: readonly CorrectionEntry[]
  /** The field index (suggestions, quick open, did you mean), opened at first use. */
  private fieldIndex: FieldIndex | undefined
  /** Where the field index is kept, and who is told when it is rebuilt. */
  private fieldStore: FieldStoreOptions | undefined

  private constructor(
    readonly dir: string,
    readonly catalog: Catalog,
    readonly index: SearchIndex,
    readonly openResult: OpenResult,
    corrections: readonly CorrectionEntry[],
  ) {
    catalog.issues.forEach((issue, i) => this.issueIndex.set(issue.id, i))
    this.corrections = corrections
  }

  private get pageCounts(): Map<string, Map<number, number>> {
    return (this.pageCountsMemo ??= guarded(() => articlesPerPage(this.index)))
  }

  /** Opens an archive folder: loads its index, or rebuilds it when missing, stale or damaged. */
  static open(options: OpenOptions): ArchiveService {
    const dir = options.archiveDir
    // A damaged catalog.json is restored from catalog.json.bak here, with a message.
    const catalog = sortCatalog(loadCatalog(dir, options.log))
    const key = correctedKey(dir, catalog, options.overlay)
    const corrections = [...correctionEntries(dir, catalog), ...(options.overlay?.entries ?? [])]
    const indexPath = options.indexPath ?? join(dir, INDEX_FILE)
    const { index, result } = obtainIndex(dir, catalog, key, corrections, indexPath, options)
    const service = new ArchiveService(dir, catalog, index, result, corrections)
    const log = options.log ? { log: options.log } : {}
    if (result.index === 'loaded') {
      service.fieldStore = { indexPath, ...log }
      return service
    }
    if (result.written) {
      // A new index gets its field index at once, saved beside it: readers of a saved index
      // then find both, and the first suggestion waits for nothing.
      service.fieldStore = { indexPath, announce: false, ...log }
      service.fields()
    }
    options.onProgress?.(statusOf(service))
    return service
  }

  async listIssues(): Promise<IssueSummary[]> {
    return this.listIssuesSync()
  }

  listIssuesSync(): IssueSummary[] {
    return this.catalog.issues.map((issue) =>
      issueSummary(
        issue,
        this.catalog.papers,
        (page) => this.pageCounts.get(issue.id)?.get(page) ?? 0,
      ),
    )
  }

  /** The issue as the reader gets it: long bodies cut (getArticle gives them whole). */
  async getIssue(id: string): Promise<IssueView> {
    const cached = this.previews.get(id)
    if (cached) return cached
    const view = issuePreview(this.getIssueSync(id))
    this.previews.set(id, view)
    return view
  }

  async getArticle(articleId: string): Promise<Article> {
    return this.getArticleSync(articleId)
  }

  getArticleSync(articleId: string): Article {
    const ref = parseArticleId(articleId)
    const article = ref ? findArticle(this.getIssueSync(ref.issueId), articleId) : undefined
    if (!article) throw new NotFoundError(`no article "${articleId}" in this archive`)
    return article
  }

  getIssueSync(id: string): IssueView {
    const cached = this.views.get(id)
    if (cached) return cached
    const idx = this.issueIndex.get(id)
    if (idx === undefined) throw new NotFoundError(`no issue "${id}" in this archive`)
    const issue = this.catalog.issues[idx] as Catalog['issues'][number]
    const view = buildIssueView(
      issue,
      this.catalog.papers,
      issue.pages.map((p) => readPageText(this.dir, p)),
      this.corrections,
    )
    this.views.set(id, view)
    return view
  }

  async getPageSource(issueId: string, page: number): Promise<PageSource> {
    return this.getPageSourceSync(issueId, page)
  }

  getPageSourceSync(issueId: string, page: number): PageSource {
    const idx = this.issueIndex.get(issueId)
    const issue = idx === undefined ? undefined : this.catalog.issues[idx]
    const p = issue?.pages.find((x) => x.number === page)
    if (!issue || !p) throw new NotFoundError(`no page ${page} in issue "${issueId}"`)
    return {
      issueId,
      page,
      source: p.source,
      text: readPageText(this.dir, p),
    }
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.searchSync(request)
  }

  async didYouMean(request: SearchRequest): Promise<DidYouMeanResponse> {
    return this.didYouMeanSync(request)
  }

  /**
   * Nearby queries for a search with few hits (fields/did-you-mean.ts). Not part of the search:
   * the reader asks for it only after a search answered with at most DID_YOU_MEAN_MAX_HITS, so a
   * search never pays for the counting (up to DID_YOU_MEAN_CHECKS searches, without snippets).
   */
  didYouMeanSync(request: SearchRequest): DidYouMeanResponse {
    return guarded(() => this.didYouMeanUnguarded(request))
  }

  private didYouMeanUnguarded(request: SearchRequest): DidYouMeanResponse {
    const count = (r: SearchRequest): number | undefined => {
      const answer = search(this.index, { ...r, offset: 0, limit: 1 }, () => undefined, {
        papers: this.catalog.papers,
      })
      return answer.error === undefined ? answer.total : undefined
    }
    const total = count(request)
    // A query that cannot be understood has nothing near it either.
    if (total === undefined) return { query: request.q, total: 0, offers: [], checked: 0 }
    // The field index is not even opened for a search that found enough.
    if (total > DID_YOU_MEAN_MAX_HITS) return { query: request.q, total, offers: [], checked: 0 }
    return { query: request.q, total, ...didYouMean(this.fields(), request, total, count) }
  }

  /** The search; `shown` hears of each hit shown, with its doc (quick open's bylines). */
  searchSync(
    request: SearchRequest,
    shown?: (articleId: string, doc: number) => void,
  ): SearchResponse {
    // Hits are shown from the index alone (it keeps each headline and reflowed text), so a
    // search reads no page file.
    return guarded(() => this.searchUnguarded(request, shown))
  }

  private searchUnguarded(
    request: SearchRequest,
    shown?: (articleId: string, doc: number) => void,
  ): SearchResponse {
    return search(
      this.index,
      request,
      (id, d) => {
        shown?.(id, d)
        const body = bodyMappedOf(this.index, d)
        return {
          headline: headlineOf(this.index, d),
          title: titleOf(this.index, d),
          text: body.text,
          mapped: body,
        }
      },
      { papers: this.catalog.papers },
    )
  }

  /** The field index: loaded from beside the index file when current, else built (and saved). */
  fields(): FieldIndex {
    // A field index built here reads every list's length (fields/vocabulary.ts).
    this.fieldIndex ??= guarded(() =>
      openFieldIndex(this.index, this.catalog.papers, this.fieldStore),
    )
    return this.fieldIndex
  }

  /**
   * Closes the index's segment files (their postings are read on demand): call it once the
   * service is replaced and no call is using it any more. Searches fail afterwards.
   */
  close(): void {
    closeIndexFiles(this.index)
  }

  async suggest(prefix: string, limit?: number): Promise<SuggestResponse> {
    return this.suggestSync(prefix, limit)
  }

  suggestSync(prefix: string, limit?: number): SuggestResponse {
    return { prefix, suggestions: suggest(this.fields(), prefix, limit ?? DEFAULT_SUGGESTIONS) }
  }

  async quickOpen(text: string, limit?: number): Promise<QuickOpenResponse> {
    return this.quickOpenSync(text, limit)
  }

  quickOpenSync(text: string, limit?: number): QuickOpenResponse {
    const live = this.index.issues.filter((_, i) => this.index.live[i] === 1)
    // Article items show their byline: the index has it for each hit the searches show.
    const bylines = new Map<string, string>()
    const noteByline = (id: string, d: number): void => {
      const b = bylineOf(this.index, d)
      if (b) bylines.set(id, b)
    }
    return quickOpen(
      {
        papers: this.catalog.papers,
        issues: live,
        fields: this.fields(),
        search: (r) => this.searchSync(r, noteByline),
        bylineOf: (id) => bylines.get(id),
      },
      text,
      limit ?? DEFAULT_QUICK_OPEN,
    )
  }

  async articleMatches(articleId: string, q: string): Promise<ArticleMatches> {
    return this.articleMatchesSync(articleId, q)
  }

  articleMatchesSync(articleId: string, q: string): ArticleMatches {
    const ref = parseArticleId(articleId)
    const article = ref ? findArticle(this.getIssueSync(ref.issueId), articleId) : undefined
    if (!article) throw new NotFoundError(`no article "${articleId}" in this archive`)
    let terms: string[] = []
    try {
      terms = positiveTerms(parseQuery(q))
    } catch {
      // A query of only exclusions highlights nothing.
    }
    const o = articleOccurrences(article, terms)
    return {
      articleId,
      query: q,
      ranges: o.text,
      headlineRanges: o.headline,
      kickerRanges: o.kicker,
      subheadlineRanges: o.subheadline,
      total: o.total,
    }
  }

  async indexStatus(): Promise<IndexStatus> {
    return this.indexStatusSync()
  }

  indexStatusSync(): IndexStatus {
    return statusOf(this)
  }
}

function statusOf(s: ArchiveService): IndexStatus {
  return {
    state: 'ready',
    progress: 1,
    articles: docCount(s.index),
    issues: s.catalog.issues.length,
  }
}

export { ArchiveError }
