// The one contract between the renderer and whoever serves the archive: Electron's main process
// (over IPC, through the preload bridge) or the reading-room server (over HTTP). Each side is
// written against `ArchiveApi`; arguments are validated with the schemas below before any data
// is touched, because a renderer is never trusted.
import { z } from 'zod'
import { channels } from './ipc-channels'
import type { Wire } from './ipc-result'
import { BLOCK_TYPES } from './types'
import type {
  Article,
  ArticleMatches,
  BlockType,
  IndexStatus,
  IssueSummary,
  IssueView,
  PageSource,
  SearchRequest,
  SearchResponse,
} from './types'

export interface ArchiveApi {
  listIssues(): Promise<IssueSummary[]>
  getIssue(id: string): Promise<IssueView>
  /** One article with its whole text (getIssue may cut long bodies). */
  getArticle(articleId: string): Promise<Article>
  getPageSource(issueId: string, page: number): Promise<PageSource>
  search(request: SearchRequest): Promise<SearchResponse>
  articleMatches(articleId: string, q: string): Promise<ArticleMatches>
  indexStatus(): Promise<IndexStatus>
}

export type ArchiveMethod = keyof ArchiveApi

export const MAX_QUERY_LENGTH = 500
const id = z.string().min(1).max(200)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
const pageNumber = z.number().int().min(1).max(999)

export const searchRequestSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH),
    papers: z.array(z.string().min(1).max(64)).max(50).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    issueId: id.optional(),
    page: pageNumber.optional(),
    types: z
      .array(z.enum(BLOCK_TYPES as [BlockType, ...BlockType[]]))
      .max(7)
      .optional(),
    sort: z.enum(['relevance', 'date-desc', 'date-asc']).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()

/** Argument tuples per method, validated before the call reaches the archive. */
export const argumentSchemas = {
  listIssues: z.tuple([]),
  getIssue: z.tuple([id]),
  getArticle: z.tuple([id]),
  getPageSource: z.tuple([id, pageNumber]),
  search: z.tuple([searchRequestSchema]),
  articleMatches: z.tuple([id, z.string().max(MAX_QUERY_LENGTH)]),
  indexStatus: z.tuple([]),
} as const satisfies Record<ArchiveMethod, z.ZodType>

export class InvalidArgumentsError extends Error {
  constructor(
    readonly method: string,
    detail: string,
  ) {
    super(`invalid arguments for ${method}: ${detail}`)
    this.name = 'InvalidArgumentsError'
  }
}

const MAX_DETAIL = 200

/**
 * `args` as `schema` parses them; otherwise throws InvalidArgumentsError for `method` with a
 * short, readable reason (the first issue and where it is). Shared by the archive and import verbs.
 */
export function parseWithSchema(schema: z.ZodType, method: string, args: unknown): unknown {
  const result = schema.safeParse(args)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    const detail = `${issue?.message ?? 'rejected'}${where}`
    // zod quotes unknown keys: a caller must not get its megabyte key echoed back.
    throw new InvalidArgumentsError(
      method,
      detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail,
    )
  }
  return result.data
}

/** Validates `args` for `method`; throws InvalidArgumentsError with a readable reason. */
export function parseArguments<M extends ArchiveMethod>(
  method: M,
  args: unknown,
): Parameters<ArchiveApi[M]> {
  return parseWithSchema(argumentSchemas[method] as z.ZodType, method, args) as Parameters<
    ArchiveApi[M]
  >
}

export function isArchiveMethod(name: string): name is ArchiveMethod {
  return Object.prototype.hasOwnProperty.call(channels, name)
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

/** Deep links: `archive-reader://open#/search?q=…` opens the same view as the in-app `#/search?q=…`. */
export const DEEP_LINK_SCHEME = 'archive-reader'

export function deepLinkFor(hash: string): string {
  return `${DEEP_LINK_SCHEME}://open${hash.startsWith('#') ? hash : `#${hash}`}`
}

/** The in-app route (`#/…`) of a deep link, or undefined when it is not one of ours. */
export function routeOfDeepLink(link: string): string | undefined {
  if (!link.startsWith(`${DEEP_LINK_SCHEME}://`)) return undefined
  const hashAt = link.indexOf('#')
  const route = hashAt >= 0 ? link.slice(hashAt) : '#/'
  return route.startsWith('#/') && route.length < 4096 ? route : undefined
}

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
