// What the e2e suite runs against, from the environment (docs/testing.md, "Targets"):
//   ARCHIVE_READER_E2E_ARCHIVE=DIR  the archive (default: the bundled seeds/), for both projects
//   ARCHIVE_READER_APP=PATH         electron: a packaged executable, or an app folder (one with
//                                   package.json and out/main/index.js) run by the Electron
//                                   binary; default: this repo's build (out/)
//   ARCHIVE_READER_E2E_URL=URL      web: a running reading room; default: a server per worker
// and whether that target holds the seeds' content, which most specs check page by page: those
// specs say so (`test.use({ content: 'seeds' })`) and skip, with the reason, on anything else.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { bundledArchiveDir } from '../../../src/node/paths'

export interface Targets {
  /** The archive folder, absolute; the bundled seeds unless ARCHIVE_READER_E2E_ARCHIVE says. */
  archiveDir: string
  /** True when ARCHIVE_READER_E2E_ARCHIVE named it. */
  archiveFromEnv: boolean
  /** A running reading room (no trailing slash), or undefined: start one per worker. */
  url: string | undefined
  /** ARCHIVE_READER_APP, absolute, or undefined: the repo's own build. */
  app: string | undefined
}

export function targets(env: NodeJS.ProcessEnv = process.env): Targets {
  const archive = env.ARCHIVE_READER_E2E_ARCHIVE?.trim()
  const url = env.ARCHIVE_READER_E2E_URL?.trim()
  const app = env.ARCHIVE_READER_APP?.trim()
  if (archive && !existsSync(join(resolve(archive), 'catalog.json')))
    throw new Error(
      `ARCHIVE_READER_E2E_ARCHIVE=${archive} is not an archive folder (no catalog.json in it)`,
    )
  if (url && !/^https?:\/\/[^/]+/.test(url))
    throw new Error(`ARCHIVE_READER_E2E_URL=${url} is not an http(s) URL`)
  return {
    archiveDir: archive ? resolve(archive) : bundledArchiveDir(),
    archiveFromEnv: Boolean(archive),
    url: url ? url.replace(/\/+$/, '') : undefined,
    app: app ? resolve(app) : undefined,
  }
}

/** The app to launch: an executable that is the app, or the Electron binary with an app folder. */
export type AppTarget = { kind: 'executable'; path: string } | { kind: 'folder'; path: string }

export function appTarget(app: string): AppTarget | { problem: string } {
  if (!existsSync(app)) return { problem: `ARCHIVE_READER_APP=${app} does not exist` }
  if (statSync(app).isDirectory()) {
    return existsSync(join(app, 'package.json'))
      ? { kind: 'folder', path: app }
      : {
          problem:
            `ARCHIVE_READER_APP=${app} is a folder without package.json: give the packaged ` +
            'executable itself (dist/linux-unpacked/archive-reader, …/Archive Reader.exe, ' +
            '…/Archive Reader.app/Contents/MacOS/Archive Reader) or an app folder',
        }
  }
  return { kind: 'executable', path: app }
}

/** The archive a packaged executable ships (resources/archive), if it can be found. */
export function shippedArchive(executable: string): string | undefined {
  const dir = dirname(executable)
  for (const candidate of [
    join(dir, 'resources', 'archive'),
    join(dir, '..', 'Resources', 'archive'),
  ])
    if (existsSync(join(candidate, 'catalog.json'))) return candidate
  return undefined
}

interface CatalogLike {
  issues: { id: string; pages: { number: number; source: string; sha256?: string }[] }[]
}

/** One line per page: what must be equal for the seeds' specs to hold. */
function pageKeys(catalog: CatalogLike, withHash: boolean): string[] {
  return catalog.issues
    .flatMap((i) =>
      i.pages.map((p) => `${i.id} p${p.number} ${withHash ? (p.sha256 ?? '') : p.source}`),
    )
    .sort()
}

const readCatalog = (dir: string): CatalogLike =>
  JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as CatalogLike

function describeDifference(seeds: string[], other: string[], where: string): string | undefined {
  const missing = seeds.filter((k) => !other.includes(k))
  const extra = other.filter((k) => !seeds.includes(k))
  if (!missing.length && !extra.length) return undefined
  const fingerprint = createHash('sha256').update(other.join('\n')).digest('hex').slice(0, 12)
  return (
    `${where} is not the seeds' content (${other.length} pages, fingerprint ${fingerprint}; ` +
    `${missing.length} seed pages missing, ${extra.length} other pages)`
  )
}

/**
 * Why the archive folder `dir` is not the seeds' content (same issues, page numbers and page
 * bytes; file names may differ, as in an export), or undefined when it is.
 */
export function archiveIsNotSeeds(dir: string): string | undefined {
  const seeds = bundledArchiveDir()
  if (resolve(dir) === seeds) return undefined
  return describeDifference(
    pageKeys(readCatalog(seeds), true),
    pageKeys(readCatalog(dir), true),
    `the archive ${dir}`,
  )
}

/** The same for a running reading room, by its /api/issues (issues, pages, source names). */
export async function serverIsNotSeeds(url: string): Promise<string | undefined> {
  const r = await fetch(`${url}/api/issues`)
  if (!r.ok) throw new Error(`ARCHIVE_READER_E2E_URL: GET ${url}/api/issues answered ${r.status}`)
  const issues = (await r.json()) as CatalogLike['issues']
  return describeDifference(
    pageKeys(readCatalog(bundledArchiveDir()), false),
    pageKeys({ issues }, false),
    `the reading room at ${url}`,
  )
}
