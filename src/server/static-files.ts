// Serves the built renderer (out/renderer) and nothing else: no directory listings, no dotfiles,
// no path that resolves (through `..`, encoded separators or symlinks) outside the folder.
import { CONTENT_TYPES } from '../shared/content-types'
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'

export interface StaticFile {
  path: string
  size: number
  contentType: string
  /** Bundled assets carry a content hash in their name and never change. */
  immutable: boolean
  stream: () => NodeJS.ReadableStream
}

/**
 * The file for a raw (percent-encoded) URL path, or undefined when there is none to serve.
 * `root` must already be a real path (see `realRoot`).
 */
export async function resolveStatic(
  root: string,
  rawPath: string,
): Promise<StaticFile | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return undefined
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html'
  // Judge the decoded path segment by segment: a `..`, a dotfile, a backslash or a NUL anywhere
  // is refused outright instead of being normalized into something harmless-looking.
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return undefined
  const segments = decoded.slice(1).split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) {
    return undefined
  }
  const type = CONTENT_TYPES[extname(decoded).toLowerCase()]
  if (!type) return undefined
  let real: string
  try {
    real = await realpath(join(root, ...segments))
  } catch {
    return undefined
  }
  if (!real.startsWith(root + sep)) return undefined
  const info = await stat(real).catch(() => undefined)
  if (!info?.isFile()) return undefined
  return {
    path: real,
    size: info.size,
    contentType: type,
    immutable: segments[0] === 'assets',
    stream: () => createReadStream(real),
  }
}

export async function realRoot(dir: string): Promise<string | undefined> {
  try {
    const real = await realpath(dir)
    return (await stat(real)).isDirectory() ? real : undefined
  } catch {
    return undefined
  }
}
