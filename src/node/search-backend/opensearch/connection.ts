// One connection to an OpenSearch cluster through the official client: its nodes, credentials
// and timeouts, and the one mapping of its failures to the archive's error policy. Credentials
// go to the client only; every message and log line names the cluster by `redactUrl`.
import { Client, errors } from '@opensearch-project/opensearch'
import { SearchUnavailableError } from '../backend'

export interface OpenSearchConfig {
  /** One or more node URLs of the cluster (http://host:9200); credentials may be in them. */
  urls: string[]
  indexPrefix: string
  username?: string
  password?: string
  /** A search slower than this is abandoned (503 with Retry-After), default 10 s. */
  requestTimeoutMs?: number
  /** Retries on another node after a connection failure or timeout, default 2. */
  maxRetries?: number
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/** The URL without its password (user kept, so a librarian sees which account is used). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString().replace(/\/$/, '')
  } catch {
    return '(an invalid URL)'
  }
}

export function describeCluster(config: Pick<OpenSearchConfig, 'urls'>): string {
  return config.urls.map(redactUrl).join(', ')
}

/** Raw JSON of a response. */
export type Json = Record<string, unknown>

export interface ClusterRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD'
  path: string
  body?: unknown
  bulkBody?: string
  querystring?: Record<string, string | number | boolean>
  /** Statuses answered rather than thrown (404 for "does it exist"). */
  ignore?: number[]
  timeoutMs?: number
  maxRetries?: number
}

export interface ClusterAnswer {
  status: number
  body: Json
}

/** What the backend needs of a cluster (a stand-in answers in the unit tests). */
export interface ClusterLike {
  readonly config: OpenSearchConfig
  readonly described: string
  request(r: ClusterRequest): Promise<ClusterAnswer>
  close(): Promise<void>
}

export class Cluster implements ClusterLike {
  private readonly client: Client
  readonly described: string

  constructor(readonly config: OpenSearchConfig) {
    if (config.urls.length === 0) throw new Error('no OpenSearch URL given')
    for (const url of config.urls) {
      let u: URL
      try {
        u = new URL(url)
      } catch {
        throw new Error(`not a URL: "${redactUrl(url)}" (expected http://host:9200)`)
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:')
        throw new Error(`an OpenSearch URL must be http or https: "${redactUrl(url)}"`)
    }
    this.described = describeCluster(config)
    this.client = new Client({
      nodes: config.urls,
      ...(config.username !== undefined
        ? { auth: { username: config.username, password: config.password ?? '' } }
        : {}),
      requestTimeout: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      maxRetries: config.maxRetries ?? 2,
      // A dead node is tried again after a while; meanwhile requests go to the others.
      resurrectStrategy: 'ping',
      sniffOnStart: false,
    })
  }

  /** A request; failures are thrown as SearchUnavailableError (or a plain Error: a bug of ours). */
  async request(r: ClusterRequest): Promise<ClusterAnswer> {
    try {
      const answer = await this.client.transport.request(
        {
          method: r.method,
          path: r.path,
          ...(r.body !== undefined ? { body: r.body as Json } : {}),
          ...(r.bulkBody !== undefined ? { bulkBody: r.bulkBody } : {}),
          ...(r.querystring ? { querystring: r.querystring } : {}),
        },
        {
          ...(r.ignore ? { ignore: r.ignore } : {}),
          ...(r.timeoutMs !== undefined ? { requestTimeout: r.timeoutMs } : {}),
          ...(r.maxRetries !== undefined ? { maxRetries: r.maxRetries } : {}),
        },
      )
      return { status: answer.statusCode ?? 200, body: (answer.body ?? {}) as Json }
    } catch (e) {
      throw this.failure(e)
    }
  }

  /** What a failed request means for a reader (and a librarian reading the log). */
  failure(e: unknown): Error {
    const timeout = this.config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    if (e instanceof errors.TimeoutError)
      return new SearchUnavailableError(
        `the search cluster (${this.described}) did not answer within ${timeout} ms; try again in a moment`,
        2,
      )
    if (e instanceof errors.NoLivingConnectionsError || e instanceof errors.ConnectionError)
      return new SearchUnavailableError(
        `the search cluster (${this.described}) cannot be reached: ${scrub(e.message)}`,
        5,
      )
    if (e instanceof errors.ResponseError) {
      const status = e.statusCode
      const reason = responseReason(e.body)
      if (status === 401 || status === 403)
        return new SearchUnavailableError(
          `the search cluster (${this.described}) refused the credentials (${status})`,
        )
      if (status === 429 || status === 502 || status === 503 || status === 504)
        return new SearchUnavailableError(
          `the search cluster (${this.described}) is overloaded (${status}${reason ? `: ${reason}` : ''}); try again in a moment`,
          2,
        )
      return new Error(`OpenSearch answered ${status}${reason ? `: ${reason}` : ''}`)
    }
    return e instanceof Error ? e : new Error(String(e))
  }

  async close(): Promise<void> {
    await this.client.close()
  }
}

/** The first reason an error body gives (OpenSearch nests them in error.root_cause). */
export function responseReason(body: unknown): string {
  const error = (body as { error?: unknown } | undefined)?.error
  if (typeof error === 'string') return error.slice(0, 300)
  const e = error as { type?: string; reason?: string; caused_by?: { reason?: string } } | undefined
  if (!e) return ''
  return `${e.type ?? 'error'}: ${e.reason ?? ''}${e.caused_by?.reason ? ` (${e.caused_by.reason})` : ''}`.slice(
    0,
    300,
  )
}

/** A client message may quote the URL it failed on, credentials included. */
function scrub(message: string): string {
  return message.replace(/\/\/[^/@\s]*:[^/@\s]*@/g, '//***@').slice(0, 300)
}
