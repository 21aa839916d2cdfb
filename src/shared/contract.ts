// The one contract between the renderer and whoever serves the archive: Electron's main process
// (over IPC, through the preload bridge) or the reading-room server (over HTTP), and the CLI's
// `--json` output. `archiveContract` declares each verb once; arguments are validated with its
// schemas before any data is touched, because a renderer is never trusted.
import { describeZodError } from './zod-problems'
import { z } from 'zod'
import { UserFacingError } from './errors'
import { channels } from './ipc-channels'
import type { Wire } from './ipc-result'
import {
  ARTICLE_ID_PATTERN,
  ARTICLE_ID_RULE,
  ISO_DATE_PATTERN,
  ISO_DATE_RULE,
  ISSUE_ID_PATTERN,
  ISSUE_ID_RULE,
  MAX_PAGE_NUMBER,
  MAX_QUERY_LENGTH,
  PAPER_SLUG_PATTERN,
  PAPER_SLUG_RULE,
} from './rules'
import {
  articleMatchesSchema,
  articleSchema,
  didYouMeanResponseSchema,
  indexStatusSchema,
  issueSummariesSchema,
  issueViewSchema,
  pageSourceSchema,
  quickOpenResponseSchema,
  searchResponseSchema,
  suggestResponseSchema,
} from './result-schemas'
import { BLOCK_TYPES } from './types'
import type { BlockType, IndexStatus } from './types'

// ---- Argument schemas, built from the rules (rules.ts) ---------------------------------------

export const issueIdSchema = z.string().max(200).regex(ISSUE_ID_PATTERN, ISSUE_ID_RULE)
export const articleIdSchema = z.string().max(200).regex(ARTICLE_ID_PATTERN, ARTICLE_ID_RULE)
export const paperSlugSchema = z.string().max(64).regex(PAPER_SLUG_PATTERN, PAPER_SLUG_RULE)
const isoDate = z.string().max(10).regex(ISO_DATE_PATTERN, ISO_DATE_RULE)
export const pageNumberSchema = z.number().int().min(1).max(MAX_PAGE_NUMBER)
export const querySchema = z.string().max(MAX_QUERY_LENGTH, {
  error: (issue) =>
    `the query is ${String(issue.input).length} characters long; at most ${MAX_QUERY_LENGTH} can be searched`,
})

export const searchRequestSchema = z
  .object({
    q: querySchema,
    papers: z.array(paperSlugSchema).max(50).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    issueId: issueIdSchema.optional(),
    page: pageNumberSchema.optional(),
    types: z
      .array(z.enum(BLOCK_TYPES as [BlockType, ...BlockType[]]))
      .max(7)
      .optional(),
    sort: z.enum(['relevance', 'date-desc', 'date-asc']).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()

/** At most this many suggestions or quick-open items in one answer. */
export const MAX_SUGGESTIONS = 20
const listLimitSchema = z.number().int().min(1).max(MAX_SUGGESTIONS).optional()

// ---- The declaration ----------------------------------------------------------------------

/**
 * A verb's result type carried as a type only (no value is ever read): the import and
 * corrections verbs' results. The archive verbs declare theirs as zod schemas (result-schemas.ts),
 * which their clients check answers against.
 */
export interface Returns<T> {
  readonly __returns?: T
}
export const returns = <T>(): Returns<T> => ({})

/**
 * Where one argument of an HTTP route comes from: a path parameter (`:name` in the path; a
 * whole number there becomes a number, anything else stays text for the schema to refuse), a
 * query parameter (absent = '', or undefined when `optional`; `number` as for a path), or the
 * whole SearchRequest as query parameters (http.ts).
 */
export type HttpArg =
  | { from: 'path'; name: string; number?: true }
  | { from: 'query'; name: string; number?: true; optional?: true }
  | { from: 'search' }

/**
 * A GET route under API_PREFIX. In `path`, `:name` is one segment and `:name*` the rest of the
 * path, slashes included (article ids contain them).
 */
export interface HttpRoute {
  path: string
  args: readonly HttpArg[]
}

/**
 * Where one argument of a CLI command comes from, in order, among the words after the command:
 * `word` the next word (`number`: a whole number there becomes a number, anything else stays
 * text for the schema to refuse), `words` all the rest joined by spaces (a query), `search` a
 * SearchRequest from the rest (the query) and the search options (cli/args.ts), `limit` the
 * `--limit N` option (undefined when not given).
 */
export type CliArg =
  | { from: 'word'; name: string; number?: true }
  | { from: 'words'; name: string }
  | { from: 'search' }
  | { from: 'limit' }

/**
 * A CLI command that performs the verb (cli/verbs.ts derives it): its arguments, and one line
 * for the usage text. Its `--json` output is the verb's result.
 */
export interface CliCommand {
  command: string
  args: readonly CliArg[]
  about: string
}

/** One verb: its IPC channel, its argument tuple, its result, its HTTP route and CLI command. */
export interface VerbDeclaration {
  channel: string
  args: z.ZodType<unknown[]>
  returns: Returns<unknown> | z.ZodType<unknown>
  http?: HttpRoute
  /** The CLI command that performs it; its `--json` output is this verb's result. */
  cli?: CliCommand
}

/** An archive verb: its result is a schema, checked where a client receives it. */
interface ArchiveVerb extends VerbDeclaration {
  returns: z.ZodType<unknown>
}

/**
 * The archive's API, declared once. Everything else is derived from it: ArchiveApi (below), the
 * IPC handlers' validation (main/ipc-handler.ts), the preload's verbs (preload/bridge.ts), the
 * renderer's IPC and HTTP clients (renderer/app/api.ts), the HTTP router and paths (http.ts,
 * server/api.ts) and the CLI's checks of its `--json` commands. Channels come from the zod-free
 * ipc-channels.ts (the sandboxed preload must not bundle zod); the keys are checked both ways.
 */
export const archiveContract = {
  listIssues: {
    channel: channels.listIssues,
    args: z.tuple([]),
    returns: issueSummariesSchema,
    http: { path: '/issues', args: [] },
    cli: { command: 'list', args: [], about: 'issues in the archive' },
  },
  getIssue: {
    channel: channels.getIssue,
    args: z.tuple([issueIdSchema]),
    returns: issueViewSchema,
    http: { path: '/issues/:id', args: [{ from: 'path', name: 'id' }] },
    cli: {
      command: 'show',
      args: [{ from: 'word', name: 'ISSUE' }],
      about: 'an issue with its pages and articles',
    },
  },
  /** One article with its whole text (getIssue may cut long bodies). */
  getArticle: {
    channel: channels.getArticle,
    args: z.tuple([articleIdSchema]),
    returns: articleSchema,
    http: { path: '/articles/:id*', args: [{ from: 'path', name: 'id' }] },
    cli: {
      command: 'article',
      args: [{ from: 'word', name: 'ARTICLE' }],
      about: 'one article (ISSUE/pN/aM) with its whole text',
    },
  },
  getPageSource: {
    channel: channels.getPageSource,
    args: z.tuple([issueIdSchema, pageNumberSchema]),
    returns: pageSourceSchema,
    http: {
      path: '/issues/:id/pages/:page/source',
      args: [
        { from: 'path', name: 'id' },
        { from: 'path', name: 'page', number: true },
      ],
    },
    cli: {
      command: 'source',
      args: [
        { from: 'word', name: 'ISSUE' },
        { from: 'word', name: 'PAGE', number: true },
      ],
      about: "a page's file and its text as stored",
    },
  },
  search: {
    channel: channels.search,
    args: z.tuple([searchRequestSchema]),
    returns: searchResponseSchema,
    http: { path: '/search', args: [{ from: 'search' }] },
    cli: { command: 'search', args: [{ from: 'search' }], about: 'full-text search' },
  },
  articleMatches: {
    channel: channels.articleMatches,
    args: z.tuple([articleIdSchema, querySchema]),
    returns: articleMatchesSchema,
    http: {
      path: '/articles/:id*/matches',
      args: [
        { from: 'path', name: 'id' },
        { from: 'query', name: 'q' },
      ],
    },
    cli: {
      command: 'matches',
      args: [
        { from: 'word', name: 'ARTICLE' },
        { from: 'words', name: 'QUERY' },
      ],
      about: "where QUERY's terms occur in an article",
    },
  },
  indexStatus: {
    channel: channels.indexStatus,
    args: z.tuple([]),
    returns: indexStatusSchema,
    http: { path: '/status', args: [] },
    cli: { command: 'status', args: [], about: "the search index's state" },
  },
  /** Completions of the word being typed (`prefix`, e.g. `低`, `byline:刘`), with hit counts. */
  suggest: {
    channel: channels.suggest,
    args: z.tuple([querySchema, listLimitSchema]),
    returns: suggestResponseSchema,
    http: {
      path: '/suggest',
      args: [
        { from: 'query', name: 'q' },
        { from: 'query', name: 'limit', number: true, optional: true },
      ],
    },
    cli: {
      command: 'suggest',
      args: [{ from: 'words', name: 'PREFIX' }, { from: 'limit' }],
      about: 'completions of PREFIX from the archive (--limit N, at most 20)',
    },
  },
  /** Where to go for a paper, a date (2023年7月13日, 7月13日, 2023-07) or part of a headline or byline. */
  quickOpen: {
    channel: channels.quickOpen,
    args: z.tuple([querySchema, listLimitSchema]),
    returns: quickOpenResponseSchema,
    http: {
      path: '/open',
      args: [
        { from: 'query', name: 'q' },
        { from: 'query', name: 'limit', number: true, optional: true },
      ],
    },
    cli: {
      command: 'open',
      args: [{ from: 'words', name: 'TEXT' }, { from: 'limit' }],
      about: 'papers, issues and articles TEXT names (a date, a paper, part of a headline)',
    },
  },
  /**
   * Nearby queries for a search that found at most DID_YOU_MEAN_MAX_HITS (rules.ts): its own verb,
   * asked by the reader only after the search answered with that few, because each offer is
   * counted by running it (up to DID_YOU_MEAN_CHECKS searches) and a search must not pay for that
   * (it made the 1–9-hit band 30× slower than the engine when it ran inside every search). Above
   * the limit it answers no offers at the cost of one search.
   */
  didYouMean: {
    channel: channels.didYouMean,
    args: z.tuple([searchRequestSchema]),
    returns: didYouMeanResponseSchema,
    http: { path: '/did-you-mean', args: [{ from: 'search' }] },
    cli: {
      command: 'did-you-mean',
      args: [{ from: 'search' }],
      about: 'nearby queries for a search with no or very few hits (search options apply)',
    },
  },
} as const satisfies Record<keyof typeof channels, ArchiveVerb>

type Declared = typeof archiveContract
type ResultOf<R> = R extends z.ZodType<infer T> ? T : R extends Returns<infer T> ? T : never

/** The API a declaration describes: each verb takes its schema's tuple and resolves to its result. */
export type ApiOf<D extends Record<string, VerbDeclaration>> = {
  [M in keyof D]: (...args: z.output<D[M]['args']>) => Promise<ResultOf<D[M]['returns']>>
}

/** What the archive offers, derived from the declaration. ArchiveService implements it. */
export type ArchiveApi = ApiOf<Declared>

/**
 * The same verbs answered in-process without a promise (`getIssueSync`, …), as the CLI calls
 * them (cli/verbs.ts). ArchiveService implements it too; its `getIssueSync` gives every body
 * whole, where `getIssue` (for a reader over IPC or HTTP) may cut long ones.
 */
export type SyncApiOf<D extends Record<string, VerbDeclaration>> = {
  [M in keyof D & string as `${M}Sync`]: (
    ...args: z.output<D[M]['args']>
  ) => ResultOf<D[M]['returns']>
}

export type ArchiveSyncApi = SyncApiOf<Declared>

export type ArchiveMethod = keyof ArchiveApi

/** What verb `M` resolves to. */
export type VerbResult<M extends ArchiveMethod> = ResultOf<Declared[M]['returns']>

/** The verbs, in declaration order. */
export const ARCHIVE_METHODS = Object.keys(archiveContract) as ArchiveMethod[]

export class InvalidArgumentsError extends UserFacingError {
  readonly errorCode = 'invalid-arguments'
  constructor(
    readonly method: string,
    detail: string,
  ) {
    super(`invalid arguments for ${method}: ${detail}`)
    this.name = 'InvalidArgumentsError'
  }
}

/**
 * `args` as `schema` parses them; otherwise throws InvalidArgumentsError for `method` with
 * describeZodError's reason (zod-problems.ts). Shared by the archive and import verbs.
 */
export function parseWithSchema<T>(schema: z.ZodType<T>, method: string, args: unknown): T {
  const result = schema.safeParse(args)
  if (!result.success)
    throw new InvalidArgumentsError(method, describeZodError(result.error, { top: 'arguments' }))
  return result.data
}

/** Validates `args` for `method`; throws InvalidArgumentsError with a readable reason. */
export function parseArguments<M extends ArchiveMethod>(
  method: M,
  args: unknown,
): Parameters<ArchiveApi[M]> {
  const schema: z.ZodType<unknown[]> = archiveContract[method].args
  return parseWithSchema(schema, method, args) as Parameters<ArchiveApi[M]>
}

/** Whether `name` is a verb of the declaration (never `constructor` or `__proto__`). */
export function isArchiveMethod(name: unknown): name is ArchiveMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(archiveContract, name)
}

/** Commands the application menu (or a deep link) sends to the renderer. */
export type MenuCommand =
  | 'focus-search'
  | 'toggle-split'
  | 'swap-panes'
  | 'next-page'
  | 'prev-page'
  | 'next-issue'
  | 'prev-issue'
  | 'toggle-theme'
  | 'show-shortcuts'
  | 'copy-link'
  | 'print'
  | 'open-bookmarks'
  /** File → Import issues… (Electron: the renderer opens the import dialog). */
  | 'import-issues'
  /** Go → Quick Open… (Ctrl/⌘+K): a paper, a date or an article (search/QuickOpen.tsx). */
  | 'quick-open'

/**
 * What the preload script exposes as `window.archive`: the archive verbs, each answering with an
 * IpcResult (never a rejection: contextBridge would rebuild a thrown error from its message alone
 * and lose its name), plus event subscriptions. It never exposes ipcRenderer itself.
 */
export interface ArchiveBridge extends Wire<ArchiveApi> {
  onIndexProgress(listener: (status: IndexStatus) => void): () => void
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Subscribes to deep links; main sends the ones it held once the first listener is there. */
  onNavigate(listener: (route: string) => void): () => void
}
