// Domain types shared by every process. Plain data only: these cross IPC and HTTP as JSON.

/** A [start, end) range of UTF-16 code units. */
export type Range = readonly [number, number]

export type TextEncodingName = 'utf-8' | 'gb18030' | 'big5'

/** One page of one issue as the catalog describes it. */
export interface CatalogPage {
  number: number
  /** File name relative to the archive folder. */
  source: string
  /** sha256 of the source bytes, so a changed file is noticed. */
  sha256: string
  encoding: TextEncodingName
  /** The librarian allowed private-use characters in this page (`--allow-private-use`). */
  privateUse?: true
  note?: string
  /**
   * Imported one file per article (node/import/per-article.ts): each article's [start, end) in
   * the page text. The page's articles are these, never segmented (archive/given-articles.ts).
   */
  articles?: [number, number][]
}

/**
 * Where an issue's date comes from: printed on the page (the masthead), inferred from the events
 * it reports, or given for it at import — on the command line or in the app's form (`given`), by
 * the folder's manifest, a page's sidecar, or the file name.
 */
export type DateSource = 'printed' | 'inferred' | 'given' | 'manifest' | 'sidecar' | 'file-name'

export interface CatalogIssue {
  id: string
  paper: string
  date: string
  dateSource: DateSource
  dateNote?: string
  pages: CatalogPage[]
}

/**
 * A paper's house conventions for the segmenter, beyond the general ones of Chinese papers:
 * extra lead / dateline patterns (regular expressions matched at a paragraph's start), names of
 * its news-in-brief columns, and banner lines that are never titles.
 */
export interface PaperProfile {
  leads?: string[]
  briefColumns?: string[]
  banners?: string[]
}

export interface CatalogPaper {
  slug: string
  name: string
  nameEn?: string
  region?: string
  profile?: PaperProfile
}

export interface Catalog {
  format: 'archive-reader/catalog'
  version: 1
  title: string
  papers: CatalogPaper[]
  issues: CatalogIssue[]
  /**
   * sha256 of the archive's corrections.json as committed with this catalog (absent: none). It
   * makes a change of corrections a change of the catalog: the transaction's commit point, and
   * what tells readers and the index that the archive changed.
   */
  corrections?: string
}

export type ContinuationKind = 'continued-on' | 'continued-from' | 'see'

/** A 下转N版 / 上接N版 / 详见N版 marker and where it leads. */
export interface ContinuationLink {
  kind: ContinuationKind
  /** The marker as printed, e.g. （下转2版）. */
  marker: string
  targetPage: number
  /** Present when the target page exists in this issue. */
  targetExists: boolean
  /** The article on the target page it continues in / from, when it can be told. */
  targetArticleId?: string
  /** Where the marker stands in the article's display text. */
  range: Range
}

/**
 * What a block of a page is. Only articles and briefs are table-of-contents entries by default;
 * every block is still readable and searchable.
 */
export type BlockType = 'article' | 'brief' | 'photo' | 'graphic' | 'ad' | 'notice' | 'furniture'

export const BLOCK_TYPES: readonly BlockType[] = [
  'article',
  'brief',
  'photo',
  'graphic',
  'ad',
  'notice',
  'furniture',
]

export interface Article {
  /** Stable id: `${issueId}/p${page}/a${n}`. */
  id: string
  issueId: string
  page: number
  /** 1-based position on the page. */
  index: number
  /** What the block is: an article, a brief, a photo, a graphic, an ad, a notice, furniture. */
  type: BlockType
  headline: string
  /** The headline was made from the text: none is printed (or none was found). */
  headlineDerived?: true
  kicker?: string
  subheadline?: string
  byline?: string
  /** Reflowed text: hard wraps joined, paragraphs separated by a blank line. */
  text: string
  /**
   * Present when `text` is only the start of the article (getIssue cuts long bodies; see
   * src/shared/archive/issue-preview.ts): the full text's length. `getArticle` gives it whole.
   */
  textLength?: number
  /** Photo captions found in the article. */
  captions: string[]
  continuations: ContinuationLink[]
  /**
   * Present when the article is one part of a story continued across pages (下转 / 上接): the
   * ids of all its parts in reading order, and their pages (a citation gives them all).
   */
  story?: { parts: string[]; pages: number[] }
  /** Range of the article in the page's source text (after decoding), for the original layout. */
  sourceRange: Range
  /** Present when a librarian corrected the article (the archive's corrections.json). */
  corrections?: ArticleCorrection[]
}

/** One correction that acts on an article; a text fix keeps the text as printed. */
export interface ArticleCorrection {
  id: string
  kind: 'split' | 'merge' | 'retype' | 'retitle' | 'link' | 'unlink' | 'fix-text'
  original?: string
  replacement?: string
  /** When it was made (ISO time), and the librarian's note: the article's history. */
  created?: string
  note?: string
  /** A retitle's fields as set; a retype's type. */
  fields?: Partial<Record<'kicker' | 'headline' | 'subheadline' | 'byline', string>>
  type?: BlockType
}

export interface PageView {
  number: number
  source: string
  encoding: TextEncodingName
  note?: string
  articles: Article[]
}

export interface IssueSummary {
  id: string
  paper: string
  paperName: string
  /** The paper's English name, where the catalog gives one (the English UI shows it). */
  paperNameEn?: string
  date: string
  dateSource: DateSource
  pages: { number: number; source: string; articles: number }[]
}

export interface IssueView extends Omit<IssueSummary, 'pages'> {
  dateNote?: string
  pages: PageView[]
}

/** The original page text exactly as decoded, for the "original layout" view. */
export interface PageSource {
  issueId: string
  page: number
  source: string
  text: string
}

export type SortOrder = 'relevance' | 'date-desc' | 'date-asc'

export interface SearchFilters {
  papers?: string[]
  dateFrom?: string
  dateTo?: string
  issueId?: string
  page?: number
  /** Block types to search; absent or empty = every type. */
  types?: BlockType[]
}

export interface SearchRequest extends SearchFilters {
  q: string
  sort?: SortOrder
  limit?: number
  offset?: number
}

export interface SearchHit {
  issueId: string
  page: number
  articleId: string
  headline: string
  /** The hit's block type (article, brief, photo…). */
  type: BlockType
  paper: string
  date: string
  /** Plain text cut from the article's reflowed text. */
  snippet: string
  /** Ranges in `snippet` of the matched text. */
  highlights: Range[]
  score: number
}

export interface FacetCount {
  value: string
  count: number
}

export interface SearchResponse {
  query: string
  total: number
  tookMs: number
  hits: SearchHit[]
  /** Counts per paper slug, year (YYYY), month (YYYY-MM) and block type; each disjunctive. */
  facets: { paper: FacetCount[]; year: FacetCount[]; month: FacetCount[]; type: FacetCount[] }
  /** Set when the query could not be understood; hits are then empty. */
  error?: string
}

/** Every match of a query in one article, in its reflowed text: for highlighting and next/prev. */
export interface ArticleMatches {
  articleId: string
  query: string
  /** Ranges in the article's `text`. */
  ranges: Range[]
  /** Ranges in the article's `headline`. */
  headlineRanges: Range[]
  kickerRanges: Range[]
  subheadlineRanges: Range[]
  /**
   * Occurrences of the query in the article (shared/search/matches.ts articleOccurrences):
   * kicker, headline, subheadline and body, each once; a derived headline's are the body's.
   */
  total: number
}

export interface IndexStatus {
  state: 'ready' | 'building'
  articles: number
  issues: number
  /** 0..1 while building. */
  progress: number
  message?: string
  /** Which engine answers searches (the reading room says; absent = the embedded one). */
  search?: SearchBackendStatus
}

/** The search engine a reading room answers from, and whether it can answer now. */
export interface SearchBackendStatus {
  kind: 'embedded' | 'opensearch'
  state: 'ready' | 'unavailable'
  /** Why it cannot answer, or what it answers from (never a credential). */
  message?: string
  /** The cluster's index (alias) searched. */
  index?: string
}

/** Where a suggested term comes from. */
export type SuggestionKind = 'headline' | 'byline' | 'paper' | 'phrase'

/** One completion of what is being typed, from the archive's own vocabulary. */
export interface Suggestion {
  /** The term as the archive prints it: 刘静, 低碳发展, 江北报. */
  text: string
  kind: SuggestionKind
  /**
   * Articles whose field of this kind contains the term (headline: kicker/headline/subheadline;
   * byline; phrase: headline or body; paper: the paper's articles).
   */
  count: number
  /**
   * What replaces the typed word in the search box: the plain term (`低碳发展`), quoted when it
   * has a space, kept in the field that was typed (`byline:刘静` for `byline:刘`), and
   * `paper:SLUG` for a paper.
   */
  query: string
}

export interface SuggestResponse {
  /** The prefix as asked. */
  prefix: string
  suggestions: Suggestion[]
}

/** How a quick-open item was found. */
export type QuickOpenMatch = 'exact' | 'prefix' | 'fuzzy'

interface QuickOpenBase {
  /** The list's first line: 江北报 · 2023年7月13日 · the headline. */
  label: string
  /** A second line: the paper and date of an article, a paper's issue count. */
  detail: string
  match: QuickOpenMatch
  /** Higher first; items come sorted by it. */
  score: number
}

/** Somewhere the reader can go, found from a paper, a date or part of a headline or byline. */
export type QuickOpenItem = QuickOpenBase &
  (
    | { kind: 'paper'; paper: string; issues: number }
    /** A paper's issues in one year (a month given: `month` 'YYYY-MM'). */
    | { kind: 'year'; paper: string; year: string; month?: string; issues: number }
    | { kind: 'issue'; issueId: string; paper: string; date: string }
    | {
        kind: 'article'
        articleId: string
        issueId: string
        page: number
        /** 1-based index on the page (PaneRef.article). */
        article: number
        paper: string
        date: string
        headline: string
        byline?: string
      }
    /** Run this as a search (last item: "search for …"). */
    | { kind: 'search'; q: string; total: number }
  )

export interface QuickOpenResponse {
  text: string
  /** The date read from the text, when one was: 'YYYY-MM-DD', 'YYYY-MM', '--MM-DD' (no year) or 'YYYY'. */
  date?: string
  items: QuickOpenItem[]
}

/** A nearby query offered when a search finds nothing or very little. */
export interface DidYouMean {
  /** The whole query with one term replaced, ready to run (keep the request's filters). */
  q: string
  /** The term as typed and what replaces it. */
  from: string
  to: string
  /** One character different, a variant form, a character dropped, a character added. */
  change: 'substituted' | 'variant' | 'dropped' | 'added'
  /** Hits of `q` with the same filters. */
  total: number
}

/** The `didYouMean` verb's answer for a search request. */
export interface DidYouMeanResponse {
  /** The query as asked. */
  query: string
  /** Its hits (with the request's filters); nothing is offered above DID_YOU_MEAN_MAX_HITS. */
  total: number
  /** Nearby queries that find more than `total`, most hits first, at most DID_YOU_MEAN_MAX. */
  offers: DidYouMean[]
  /** Nearby queries counted to answer (each one search; at most DID_YOU_MEAN_CHECKS a part). */
  checked: number
}
