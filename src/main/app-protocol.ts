// The app's page is served from a privileged custom scheme, app://reader/…, instead of file://.
// A page then has a real origin: sender checks and navigation rules compare one scheme and host
// (security-policy.ts) instead of file paths, which differ in drive-letter case and escaping on
// Windows; the page needs no extra file:// privileges (the fuse is off); and every response
// carries the CSP as a header. Pure request → response mapping, so it is tested without Electron
// (index.ts binds it with protocol.handle).
import { CONTENT_TYPES } from '../shared/content-types'
import { extname, join, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'reader'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The URL of the app's page. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/**
 * What protocol.registerSchemesAsPrivileged needs, before the app is ready: a standard scheme
 * (relative URLs, an origin, 'self' in CSP), secure (like https: no mixed-content rules), with
 * fetch() for the page's own files. No CORS, no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const

export type AppFileLookup =
  | { ok: true; file: string; type: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string }

/**
 * The file under `rendererDir` that `url` names, or why there is none. Only app://reader/…;
 * the URL's path is decoded once and must stay inside the folder (no `..`, no backslash or NUL
 * smuggled in as %5C / %00, no absolute path).
 */
export function appFileFor(url: string, rendererDir: string): AppFileLookup {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' }
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST)
    return { ok: false, status: 403, reason: 'not the app origin' }
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return { ok: false, status: 400, reason: 'bad escape in the path' }
  }
  if (path === '/' || path === '') path = '/index.html'
  if (/[\\\0]/.test(path) || path.split('/').some((s) => s === '..'))
    return { ok: false, status: 403, reason: 'outside the app folder' }
  const root = resolve(rendererDir)
  const file = resolve(join(root, path))
  const rel = relative(root, file)
  if (!rel || rel.startsWith('..') || rel.split(sep).includes('..'))
    return { ok: false, status: 403, reason: 'outside the app folder' }
  const type = CONTENT_TYPES[extname(file).toLowerCase()]
  if (!type) return { ok: false, status: 404, reason: 'not a file the app serves' }
  return { ok: true, file, type }
}

export interface AppProtocolOptions {
  rendererDir: string
  /** The page's Content-Security-Policy (sent with every response). */
  csp: string
  readFile: (file: string) => Promise<Uint8Array>
  log?: (message: string) => void
}

/** The protocol.handle handler for app://: the renderer's files, read-only, GET only. */
export function createAppProtocolHandler(
  o: AppProtocolOptions,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const found =
      req.method === 'GET' || req.method === 'HEAD'
        ? appFileFor(req.url, o.rendererDir)
        : ({ ok: false, status: 405, reason: 'read-only' } as const)
    if (!found.ok) {
      o.log?.(`Refused ${req.method} ${req.url.slice(0, 200)}: ${found.reason}`)
      return new Response(null, { status: found.status })
    }
    let body: Uint8Array
    try {
      body = await o.readFile(found.file)
    } catch {
      return new Response(null, { status: 404 })
    }
    return new Response(
      req.method === 'HEAD' ? null : (body as unknown as ConstructorParameters<typeof Response>[0]),
      {
        status: 200,
        headers: {
          'Content-Type': found.type,
          'Content-Security-Policy': o.csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      },
    )
  }
}
