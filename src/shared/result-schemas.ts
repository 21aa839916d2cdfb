// The archive verbs' results as zod schemas, which the contract declares as each verb's
// `returns` (contract.ts): a client checks an answer against it where the answer crosses a
// process boundary (the renderer's HTTP and IPC clients, renderer/app/api.ts), so an answer of
// another version, or a proxy's page, fails there with the verb's name instead of deep inside a
// component. Objects are not strict: a newer server may add fields. Each schema's output is
// exactly its domain type in types.ts (the `Exact` checks at the end fail the typecheck on any
// drift, an optional field included), so the types stay the documented declaration.
import { z } from 'zod'
import { BLOCK_TYPES } from './types'
import type {
  Article,
  ArticleMatches,
  BlockType,
  DidYouMeanResponse,
  IndexStatus,
  IssueSummary,
  IssueView,
  PageSource,
  QuickOpenResponse,
  Range,
  SearchResponse,
  SuggestResponse,
} from './types'

// Ranges are checked by hand: an article's matches can hold tens of thousands, and a zod tuple
// each made checking 50,000 of them cost 35-300 ms on the renderer's main thread.
const isRange = (v: unknown): v is Range =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number'
const range = z.custom<Range>(isRange, 'expected a range [start, end]')
const ranges = z.custom<Range[]>(
  (v) => Array.isArray(v) && v.every(isRange),
  'expected ranges [[start, end], …]',
)
const blockType = z.enum(BLOCK_TYPES as [BlockType, ...BlockType[]])
const encoding = z.enum(['utf-8', 'gb18030', 'big5'])
const dateSource = z.enum(['printed', 'inferred', 'given', 'manifest', 'sidecar', 'file-name'])

const article = z.object({
  id: z.string(),
  issueId: z.string(),
  page: z.number(),
  index: z.number(),
  type: blockType,
  headline: z.string(),
  headlineDerived: z.literal(true).optional(),
  kicker: z.string().optional(),
  subheadline: z.string().optional(),
  byline: z.string().optional(),
  text: z.string(),
  textLength: z.number().optional(),
  captions: z.array(z.string()),
  continuations: z.array(
    z.object({
      kind: z.enum(['continued-on', 'continued-from', 'see']),
      marker: z.string(),
      targetPage: z.number(),
      targetExists: z.boolean(),
      targetArticleId: z.string().optional(),
      range,
    }),
  ),
  story: z.object({ parts: z.array(z.string()), pages: z.array(z.number()) }).optional(),
  sourceRange: range,
  corrections: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['split', 'merge', 'retype', 'retitle', 'link', 'unlink', 'fix-text']),
        original: z.string().optional(),
        replacement: z.string().optional(),
        created: z.string().optional(),
        note: z.string().optional(),
        fields: z
          .object({
            kicker: z.string().optional(),
            headline: z.string().optional(),
            subheadline: z.string().optional(),
            byline: z.string().optional(),
          })
          .optional(),
        type: blockType.optional(),
      }),
    )
    .optional(),
})

const issueFields = {
  id: z.string(),
  paper: z.string(),
  paperName: z.string(),
  paperNameEn: z.string().optional(),
  date: z.string(),
  dateSource,
}

const issueSummary = z.object({
  ...issueFields,
  pages: z.array(z.object({ number: z.number(), source: z.string(), articles: z.number() })),
})

const issueHead = z.object({
  ...issueFields,
  dateNote: z.string().optional(),
  pages: z.array(
    z.object({
      number: z.number(),
      source: z.string(),
      encoding,
      note: z.string().optional(),
      articles: z.array(z.unknown()),
    }),
  ),
})

const issueView = z.object({
  ...issueHead.shape,
  pages: z.array(z.object({ ...issueHead.shape.pages.element.shape, articles: z.array(article) })),
})

const pageSource = z.object({
  issueId: z.string(),
  page: z.number(),
  source: z.string(),
  text: z.string(),
})

const facet = z.array(z.object({ value: z.string(), count: z.number() }))

const searchResponse = z.object({
  query: z.string(),
  total: z.number(),
  tookMs: z.number(),
  hits: z.array(
    z.object({
      issueId: z.string(),
      page: z.number(),
      articleId: z.string(),
      headline: z.string(),
      type: blockType,
      paper: z.string(),
      date: z.string(),
      snippet: z.string(),
      highlights: ranges,
      score: z.number(),
    }),
  ),
  facets: z.object({ paper: facet, year: facet, month: facet, type: facet }),
  error: z.string().optional(),
})

const didYouMeanResponse = z.object({
  query: z.string(),
  total: z.number(),
  offers: z.array(
    z.object({
      q: z.string(),
      from: z.string(),
      to: z.string(),
      change: z.enum(['substituted', 'variant', 'dropped', 'added']),
      total: z.number(),
    }),
  ),
  checked: z.number(),
})

const articleMatches = z.object({
  articleId: z.string(),
  query: z.string(),
  ranges: ranges,
  headlineRanges: ranges,
  kickerRanges: ranges,
  subheadlineRanges: ranges,
  total: z.number(),
})

const indexStatus = z.object({
  state: z.enum(['ready', 'building']),
  articles: z.number(),
  issues: z.number(),
  progress: z.number(),
  message: z.string().optional(),
  search: z
    .object({
      kind: z.enum(['embedded', 'opensearch']),
      state: z.enum(['ready', 'unavailable']),
      message: z.string().optional(),
      index: z.string().optional(),
    })
    .optional(),
})

const suggestResponse = z.object({
  prefix: z.string(),
  suggestions: z.array(
    z.object({
      text: z.string(),
      kind: z.enum(['headline', 'byline', 'paper', 'phrase']),
      count: z.number(),
      query: z.string(),
    }),
  ),
})

const quickOpenBase = {
  label: z.string(),
  detail: z.string(),
  match: z.enum(['exact', 'prefix', 'fuzzy']),
  score: z.number(),
}

const quickOpenResponse = z.object({
  text: z.string(),
  date: z.string().optional(),
  items: z.array(
    z.intersection(
      z.object(quickOpenBase),
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('paper'), paper: z.string(), issues: z.number() }),
        z.object({
          kind: z.literal('year'),
          paper: z.string(),
          year: z.string(),
          month: z.string().optional(),
          issues: z.number(),
        }),
        z.object({
          kind: z.literal('issue'),
          issueId: z.string(),
          paper: z.string(),
          date: z.string(),
        }),
        z.object({
          kind: z.literal('article'),
          articleId: z.string(),
          issueId: z.string(),
          page: z.number(),
          article: z.number(),
          paper: z.string(),
          date: z.string(),
          headline: z.string(),
          byline: z.string().optional(),
        }),
        z.object({ kind: z.literal('search'), q: z.string(), total: z.number() }),
      ]),
    ),
  ),
})

export const issueSummariesSchema: z.ZodType<IssueSummary[]> = z.array(issueSummary)
export const issueViewSchema: z.ZodType<IssueView> = issueView
export const articleSchema: z.ZodType<Article> = article
export const pageSourceSchema: z.ZodType<PageSource> = pageSource
export const searchResponseSchema: z.ZodType<SearchResponse> = searchResponse
export const articleMatchesSchema: z.ZodType<ArticleMatches> = articleMatches
export const indexStatusSchema: z.ZodType<IndexStatus> = indexStatus
export const suggestResponseSchema: z.ZodType<SuggestResponse> = suggestResponse
export const quickOpenResponseSchema: z.ZodType<QuickOpenResponse> = quickOpenResponse
export const didYouMeanResponseSchema: z.ZodType<DidYouMeanResponse> = didYouMeanResponse

/** True only when A and B are the same type (an optional field more or less is a difference). */
type Exact<A, B> =
  (<V>() => V extends A ? 1 : 2) extends <V>() => V extends B ? 1 : 2 ? true : false
/** Fails to compile when a schema and its domain type differ. */
const _exact: [
  Exact<z.output<typeof article>, Article>,
  Exact<z.output<typeof issueSummary>, IssueSummary>,
  Exact<z.output<typeof issueView>, IssueView>,
  Exact<z.output<typeof pageSource>, PageSource>,
  Exact<z.output<typeof searchResponse>, SearchResponse>,
  Exact<z.output<typeof articleMatches>, ArticleMatches>,
  Exact<z.output<typeof indexStatus>, IndexStatus>,
  Exact<z.output<typeof suggestResponse>, SuggestResponse>,
  Exact<z.output<typeof quickOpenResponse>, QuickOpenResponse>,
  Exact<z.output<typeof didYouMeanResponse>, DidYouMeanResponse>,
  Exact<z.output<typeof range>, Range>,
] = [true, true, true, true, true, true, true, true, true, true, true]
