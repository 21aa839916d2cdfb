// The reading-room server: the renderer and the archive's JSON API over HTTP, read-only. Bound
// to the loopback interface unless told otherwise, so a reading room opts in to the network.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArchiveApi } from '../shared/contract'
import { resolveApiCall } from '../shared/http'
import { AnswerCache, SHARED_ANSWERS } from './answer-cache'
import type { EncodedAnswer } from './answer-cache'
import { answerApi, errorAnswer } from './api'
import type { ApiAnswer } from './api'
import { LiveArchive } from './live-archive'
import { DEFAULT_SEARCH_WORKERS } from './search-pool'
import { setSecurityHeaders } from './headers'
import { answerCorrections } from './corrections-api'
import { CorrectionsEditor } from '../node/corrections-editor'
import { INDEX_FILE } from '../node/index-helpers'
import { isCorrectionsPath } from '../shared/corrections-http'
import { realRoot, resolveStatic } from './static-files'
import type { SearchBackend } from '../node/search-backend/backend'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 8765

/** `out/renderer` of this project: what `npx electron-vite build` produces. */
export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../../out/renderer', import.meta.url))
}

export const BUILD_HINT =
  'The reader app is not built. Build it with `npx electron-vite build` (or `npm run build:renderer`), then restart the server.'

export interface ServerOptions {
  archiveDir: string
  host?: string
  /** 0 picks a free port. */
  port?: number
  staticDir?: string
  /** Where the index is kept; default `<archiveDir>/index.bin`. */
  indexPath?: string
  /** An already opened archive (tests); `archiveDir` is then only reported and not watched. */
  api?: ArchiveApi
  /**
   * Worker threads that answer searches (default 1), so a heavy query never stalls the event
   * loop; 0 searches on the event loop (only to compare).
   */
  searchWorkers?: number
  /** Searches that may wait for a worker (default 32); more get 503 with Retry-After. */
  searchQueue?: number
  /** Follow changes another process commits to the archive (default true). */
  watch?: boolean
  /** How often the catalog is polled besides fs.watch, in ms (default 500). */
  watchPollMs?: number
  log?: (message: string) => void
  /**
   * Serve the archive folder as a writable library whose corrections the app may edit (tests
   * and development only; a reading room is read-only: corrections-api.ts).
   */
  editable?: boolean
  /** Answer searches from this engine instead of the embedded one (see live-archive.ts). */
  searchBackend?: SearchBackend
}

export interface RunningServer {
  url: string
  host: string
  port: number
  /** False when the renderer build is missing (the API still works). */
  hasApp: boolean
  close: () => Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** Host header → host name without port (`[::1]:80` → `::1`). */
function hostName(header: string | undefined): string {
  if (!header) return ''
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(header)
  return m ? (m[1] as string) : header.replace(/:\d+$/, '')
}

function sendJson(res: ServerResponse, status: number, body: unknown, head: boolean): void {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(head ? undefined : text)
}

const MAX_BODY = 256 * 1024

/** The request's body as text, or undefined when it is over MAX_BODY. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        done(undefined)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')))
    req.on('error', fail)
  })
}

function sendEncoded(res: ServerResponse, answer: EncodedAnswer, head: boolean): void {
  res.statusCode = answer.status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', answer.body.length)
  res.end(head ? undefined : answer.body)
}

function sendText(res: ServerResponse, status: number, text: string, head: boolean): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(head ? undefined : text)
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`))
  const live = options.api
    ? undefined
    : await LiveArchive.open({
        archiveDir: options.archiveDir,
        ...(options.indexPath ? { indexPath: options.indexPath } : {}),
        searchWorkers: options.searchWorkers ?? DEFAULT_SEARCH_WORKERS,
        ...(options.searchQueue !== undefined ? { searchQueue: options.searchQueue } : {}),
        watch: options.watch ?? true,
        ...(options.watchPollMs ? { pollMs: options.watchPollMs } : {}),
        ...(options.searchBackend ? { searchBackend: options.searchBackend } : {}),
        log,
      })
  const fixed = options.api
  // Messages name files relative to the archive folder, as they do over IPC.
  const answering = { log, hiddenRoots: [options.archiveDir] }
  const cache = new AnswerCache()
  const encode = (a: ApiAnswer): EncodedAnswer => ({
    status: a.status,
    headers: a.headers ?? {},
    body: Buffer.from(JSON.stringify(a.body), 'utf8'),
  })
  // Answers every client of a snapshot shares (an issue, an article…) are made once: see
  // answer-cache.ts.
  const answerOn = async (
    api: ArchiveApi,
    path: string,
    query: URLSearchParams,
  ): Promise<EncodedAnswer | undefined> => {
    const call = resolveApiCall(path, query)
    if (!call) return undefined
    const make = async (): Promise<EncodedAnswer> =>
      encode((await answerApi(api, path, query, answering)) as ApiAnswer)
    if (!SHARED_ANSWERS.has(call.method) || call.unknownParam !== undefined) return make()
    return cache.get(api, `${call.method}\u0000${JSON.stringify(call.args)}`, make)
  }
  const answer = async (
    path: string,
    query: URLSearchParams,
  ): Promise<EncodedAnswer | undefined> => {
    if (fixed) return answerOn(fixed, path, query)
    const first = await live!.use((api) => answerOn(api, path, query))
    // A request that failed on a snapshot another process just changed (a removed issue whose
    // page files are gone) is answered again on the new one.
    if (first?.status === 500 && (await live!.reload()))
      return live!.use((api) => answerOn(api, path, query))
    return first
  }
  const root = await realRoot(options.staticDir ?? defaultStaticDir())
  const hasApp = root !== undefined && (await resolveStatic(root, '/index.html')) !== undefined
  // A loopback server only answers to loopback names: a web page elsewhere cannot reach it
  // through a DNS name that resolves to 127.0.0.1 (DNS rebinding).
  const checkHost = isLoopback(host)

  const editor = options.editable
    ? new CorrectionsEditor({
        placeOf: async () => ({
          kind: 'library',
          dir: options.archiveDir,
          indexPath: options.indexPath ?? join(options.archiveDir, INDEX_FILE),
        }),
        // The change is committed: the next request must see it (twice: a reload already under
        // way may have read the catalog before the commit).
        changed: async () => {
          await live?.reload()
          await live?.reload()
        },
      })
    : undefined

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res)
    const method = req.method ?? 'GET'
    const head = method === 'HEAD'
    const target0 = req.url ?? '/'
    const path0 = target0.split('?')[0] as string
    if (isCorrectionsPath(path0)) {
      if (checkHost && !isLoopback(hostName(req.headers.host))) {
        sendText(res, 421, 'This server only answers requests addressed to a loopback host.', head)
        return
      }
      const body = method === 'POST' ? await readBody(req) : ''
      if (body === undefined) {
        const big = errorAnswer({
          code: 'invalid-arguments',
          name: 'TooLarge',
          message: 'the request body is over 256 KB',
        })
        sendJson(res, 413, big.body, false)
        return
      }
      const answered = await answerCorrections(editor, method, path0, body, answering)
      if (answered) {
        sendJson(res, answered.status, answered.body, head)
        return
      }
    }
    if (method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD')
      const refusal = errorAnswer({
        code: 'invalid-arguments',
        name: 'MethodNotAllowed',
        message: `${method} is not allowed: this server is read-only`,
      })
      sendJson(res, 405, refusal.body, false)
      return
    }
    if (checkHost && !isLoopback(hostName(req.headers.host))) {
      sendText(res, 421, 'This server only answers requests addressed to a loopback host.', head)
      return
    }
    const target = req.url ?? '/'
    const q = target.indexOf('?')
    const rawPath = q >= 0 ? target.slice(0, q) : target
    const query = new URLSearchParams(q >= 0 ? target.slice(q + 1) : '')
    const answered = await answer(rawPath, query)
    if (answered) {
      for (const [name, value] of Object.entries(answered.headers)) res.setHeader(name, value)
      sendEncoded(res, answered, head)
      return
    }
    if (rawPath === '/api' || rawPath.startsWith('/api/')) {
      const missing = errorAnswer({
        code: 'not-found',
        name: 'NotFoundError',
        message: `no API route ${rawPath.slice(0, 200)}`,
      })
      sendJson(res, missing.status, missing.body, head)
      return
    }
    if (!root || !hasApp) {
      if (rawPath === '/' || rawPath === '/index.html') sendText(res, 503, BUILD_HINT, head)
      else sendText(res, 404, 'Not found', head)
      return
    }
    const file = await resolveStatic(root, rawPath)
    if (!file) {
      sendText(res, 404, 'Not found', head)
      return
    }
    res.statusCode = 200
    res.setHeader('Content-Type', file.contentType)
    res.setHeader('Content-Length', file.size)
    res.setHeader(
      'Cache-Control',
      file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
    if (head) {
      res.end()
      return
    }
    const stream = file.stream()
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`request failed: ${(e as Error).stack ?? String(e)}`)
      if (!res.headersSent) sendText(res, 500, 'Internal error', false)
      else res.destroy()
    })
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject)
      resolveListen()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}/`,
    host,
    port,
    hasApp,
    close: async () => {
      await new Promise<void>((done, fail) => {
        server.close((e) => (e ? fail(e) : done()))
        server.closeAllConnections()
      })
      await live?.close()
    },
  }
}
