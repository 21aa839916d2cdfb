// The archive as the renderer sees it: Electron's preload bridge (`window.archive`) when it is
// there, otherwise the reading-room server's JSON API on the same origin. Both speak `ArchiveApi`,
// with their verbs built from the contract's declaration (never listed here), and both fail with
// the same RemoteError (code, name, message) of the error policy.
import { parseResult } from '../../shared/answers'
import { ARCHIVE_METHODS } from '../../shared/contract'
import type { ArchiveApi, ArchiveBridge, MenuCommand } from '../../shared/contract'
import { isErrorCode } from '../../shared/error-codes'
import { RemoteError } from '../../shared/errors'
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

/** Every verb of the contract, each made by `make` (which must keep the verb's own type). */
function verbs(make: (method: keyof ArchiveApi) => unknown): ArchiveApi {
  const out: Record<string, unknown> = {}
  for (const method of ARCHIVE_METHODS) out[method] = make(method)
  return out as ArchiveApi
}

function bridge(): ArchiveBridge | undefined {
  if (typeof window === 'undefined') return undefined
  return (window as unknown as { archive?: ArchiveBridge }).archive
}

async function getJson<T>(path: string): Promise<T> {
  return jsonAnswer<T>(await fetch(path, { headers: { Accept: 'application/json' } }))
}

/** An API answer's JSON, or the RemoteError its error body describes. */
export async function jsonAnswer<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let body: Partial<ApiErrorBody> = {}
    try {
      body = (await res.json()) as Partial<ApiErrorBody>
    } catch {
      // Not JSON (a proxy's page): the status line is all there is.
    }
    throw new RemoteError(
      isErrorCode(body.code) ? body.code : 'internal',
      typeof body.name === 'string' ? body.name : 'HttpError',
      typeof body.error === 'string' && body.error ? body.error : `${res.status} ${res.statusText}`,
    )
  }
  return (await res.json()) as T
}

const noop = (): (() => void) => () => {}

function httpApi(): ClientApi {
  const path = apiPathFor as (method: keyof ArchiveApi, ...args: unknown[]) => string
  return {
    kind: 'http',
    ...verbs(
      (method) =>
        (...args: unknown[]) =>
          getJson(path(method, ...args)).then((v) => parseResult(method, v)),
    ),
    // Parsed in a worker: a huge page's issue would block the window (issue-loader.ts).
    // The worker checks the answer against the contract there, and falls back to this path
    // (checked here) when it does not match.
    getIssue: (id) =>
      loadIssueOffThread(apiPathFor('getIssue', id), () =>
        getJson(apiPathFor('getIssue', id)).then((v) => parseResult('getIssue', v)),
      ),
    // The server opens (and if need be builds) the index before it listens; poll while the
    // status says otherwise.
    onIndexProgress(listener) {
      let stopped = false
      let timer: ReturnType<typeof setTimeout> | undefined
      const poll = (): void => {
        getJson(apiPathFor('indexStatus'))
          .then((v) => parseResult('indexStatus', v))
          .then(
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
    ...verbs((method) => {
      const call = b[method] as (...args: unknown[]) => Promise<unknown>
      return (...args: unknown[]) => unwrap(call(...args)).then((v) => parseResult(method, v))
    }),
    // Events only arrive while a build runs: ask once for where things stand now.
    onIndexProgress(listener) {
      let stopped = false
      unwrap(b.indexStatus())
        .then((v) => parseResult('indexStatus', v))
        .then(
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
