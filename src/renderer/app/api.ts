// The archive as the renderer sees it: Electron's preload bridge (`window.archive`) when it is
// there, otherwise the reading-room server's JSON API on the same origin. Both speak `ArchiveApi`.
import type { ArchiveApi, ArchiveBridge, MenuCommand } from '../../shared/contract'
import { apiPathFor } from '../../shared/http'
import type { ApiErrorBody } from '../../shared/http'
import { unwrapResult } from '../../shared/ipc-result'
import type { IndexStatus } from '../../shared/types'
import { loadIssueOffThread } from './issue-loader'

export interface ClientApi extends ArchiveApi {
  kind: 'electron' | 'http'
  onIndexProgress(listener: (status: IndexStatus) => void): () => void
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  onNavigate(listener: (route: string) => void): () => void
}

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

function bridge(): ArchiveBridge | undefined {
  if (typeof window === 'undefined') return undefined
  return (window as unknown as { archive?: ArchiveBridge }).archive
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } })
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`
    try {
      message = ((await res.json()) as ApiErrorBody).error || message
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(message, res.status)
  }
  return (await res.json()) as T
}

const noop = (): (() => void) => () => {}

function httpApi(): ClientApi {
  return {
    kind: 'http',
    listIssues: () => getJson(apiPathFor('listIssues')),
    // Parsed in a worker: a huge page's issue would block the window (issue-loader.ts).
    getIssue: (id) =>
      loadIssueOffThread(apiPathFor('getIssue', id), () => getJson(apiPathFor('getIssue', id))),
    getArticle: (id) => getJson(apiPathFor('getArticle', id)),
    getPageSource: (id, page) => getJson(apiPathFor('getPageSource', id, page)),
    search: (request) => getJson(apiPathFor('search', request)),
    articleMatches: (articleId, q) => getJson(apiPathFor('articleMatches', articleId, q)),
    indexStatus: () => getJson(apiPathFor('indexStatus')),
    // The server opens (and if need be builds) the index before it listens; poll while the
    // status says otherwise.
    onIndexProgress(listener) {
      let stopped = false
      let timer: ReturnType<typeof setTimeout> | undefined
      const poll = (): void => {
        getJson<IndexStatus>(apiPathFor('indexStatus')).then(
          (status) => {
            if (stopped) return
            listener(status)
            if (status.state === 'building') timer = setTimeout(poll, 500)
          },
          () => {},
        )
      }
      poll()
      return () => {
        stopped = true
        if (timer) clearTimeout(timer)
      }
    },
    onMenuCommand: noop,
    onNavigate: noop,
  }
}

// The bridge answers with results; errors become RemoteErrors again, with their names.
async function unwrap<T>(reply: Promise<unknown>): Promise<T> {
  return unwrapResult<T>(await reply)
}

export function electronApi(b: ArchiveBridge): ClientApi {
  return {
    kind: 'electron',
    listIssues: () => unwrap(b.listIssues()),
    getIssue: (id) => unwrap(b.getIssue(id)),
    getArticle: (id) => unwrap(b.getArticle(id)),
    getPageSource: (id, page) => unwrap(b.getPageSource(id, page)),
    search: (request) => unwrap(b.search(request)),
    articleMatches: (articleId, q) => unwrap(b.articleMatches(articleId, q)),
    indexStatus: () => unwrap(b.indexStatus()),
    // Events only arrive while a build runs: ask once for where things stand now.
    onIndexProgress(listener) {
      let stopped = false
      unwrap<IndexStatus>(b.indexStatus()).then(
        (status) => {
          if (!stopped) listener(status)
        },
        () => {},
      )
      const off = b.onIndexProgress(listener)
      return () => {
        stopped = true
        off()
      }
    },
    onMenuCommand: (l) => b.onMenuCommand(l),
    onNavigate: (l) => b.onNavigate(l),
  }
}

const found = bridge()
export const api: ClientApi = found ? electronApi(found) : httpApi()
