// How ArchiveService.open obtains an archive's search index: the persisted one when it was built
// for this archive as it is now (its key: catalog, page sizes, rules, the overlay), else a new
// build — on one thread per core (shard-build.ts) — saved beside it, with the reason logged.
import type { CorrectionEntry } from '../shared/archive/corrections'
import { IndexFileError } from '../shared/search/index-file'
import type { SearchIndex } from '../shared/search/compose-index'
import type { Catalog, IndexStatus } from '../shared/types'
import { archiveKey, sha256 } from './archive-dir'
import type { Overlay } from './corrections-overlay'
import { buildIndexFor, tryWriteIndex } from './index-helpers'
import { loadIndexFile } from './index-store'

export interface OpenOptions {
  archiveDir: string
  /** Where the index is read and written; default `<archiveDir>/index.bin`. */
  indexPath?: string
  /** Progress while the index is being built. */
  onProgress?: (status: IndexStatus) => void
  /** Messages for the user (a stale or damaged index being rebuilt, an unwritable folder). */
  log?: (message: string) => void
  /**
   * The user's corrections of an archive the app cannot change (corrections-overlay.ts), applied
   * after the archive's own; the index is then built with them and keyed by them too.
   */
  overlay?: Overlay
  /** Threads a rebuild may use (default: shardCount's choice, one per core up to 4). */
  threads?: number
}

/** The key an index of `dir` with `overlay` applied is built for (archiveKey alone without one). */
export function correctedKey(dir: string, catalog: Catalog, overlay?: Overlay): string {
  const key = archiveKey(dir, catalog)
  return overlay?.entries.length ? sha256(`${key}\u0000overlay\u0000${overlay.sha256}`) : key
}

export interface OpenResult {
  /** How the index was obtained. */
  index: 'loaded' | 'built'
  /** Why it was rebuilt, when it was. */
  reason?: string
  written: boolean
}

/** The archive's index at `indexPath` when it is current, else one built (and saved if it can be). */
export function obtainIndex(
  dir: string,
  catalog: Catalog,
  key: string,
  corrections: readonly CorrectionEntry[],
  indexPath: string,
  options: OpenOptions,
): { index: SearchIndex; result: OpenResult } {
  let reason: string | undefined
  try {
    const loaded = loadIndexFile(indexPath)
    if (loaded.sourceKey === key)
      return { index: loaded.index, result: { index: 'loaded', written: false } }
    reason = 'the archive changed since the index was built'
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') reason = 'no index yet'
    else if (e instanceof IndexFileError)
      reason = `the index file is damaged or outdated (${e.message})`
    else reason = `the index file cannot be read (${code ?? (e as Error).message})`
  }
  options.log?.(`Rebuilding the search index: ${reason}.`)
  const report = (progress: number): void =>
    options.onProgress?.({
      state: 'building',
      progress,
      articles: 0,
      issues: catalog.issues.length,
    })
  report(0)
  const index = buildIndexFor(dir, catalog, report, options.log, corrections, options.threads)
  const written = tryWriteIndex(indexPath, index, key, options.log)
  return { index, result: { index: 'built', reason, written } }
}
