// The archive's search index as every part uses it: where it is kept by default, and how it is
// built from an archive folder's pages. Readers (archive-service.ts) and writers (import,
// remove, export) share these, so they live apart from both.
import { accessSync, constants } from 'node:fs'
import { dirname } from 'node:path'
import { buildSearchIndex } from '../shared/search/search-index'
import type { SearchIndex } from '../shared/search/compose-index'
import type { Catalog } from '../shared/types'
import { collectDocs } from './collect-docs'
import { correctionEntries } from './corrections-store'
import { removeUnusedSegments, saveIndexFile } from './index-store'
import { buildInShards, shardCount } from './shard-build'
import { acquireLock } from './write/lock'
import type { CorrectionEntry } from '../shared/archive/corrections'

/** The index file's name in an archive folder (where it is kept unless told otherwise). */
export const INDEX_FILE = 'index.bin'

export function buildIndexFor(
  dir: string,
  catalog: Catalog,
  onProgress?: (f: number) => void,
  log?: (message: string) => void,
  /** The corrections to build with (default: the archive's, as the catalog records them). */
  corrections?: readonly CorrectionEntry[],
  /** Threads to build on (default: shardCount's choice; 1 for a small archive). */
  threads?: number,
): SearchIndex {
  const k = shardCount(catalog, threads)
  if (k > 1) {
    const entries = corrections ?? correctionEntries(dir, catalog)
    const index = buildInShards(dir, catalog, k, entries, onProgress, log)
    if (index) return index
  }
  const n = Math.max(1, catalog.issues.length)
  const docs = collectDocs(dir, catalog, (done) => onProgress?.((0.5 * done) / n), log, corrections)
  const issues = catalog.issues.map((i) => ({ id: i.id, paper: i.paper, date: i.date }))
  return buildSearchIndex(issues, docs, (f) => onProgress?.(0.5 + 0.5 * f))
}

/**
 * Saves a newly built index at `path`; false, with a message, when it cannot be (a read-only
 * folder): the index is then kept in memory for this session.
 */
export function tryWriteIndex(
  path: string,
  index: SearchIndex,
  key: string,
  log?: (m: string) => void,
): boolean {
  try {
    accessSync(dirname(path), constants.W_OK)
    saveIndexFile(path, index, key)
  } catch (e) {
    log?.(
      `The index could not be saved to ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); it is kept in memory for this session.`,
    )
    return false
  }
  removeReplacedSegments(path)
  return true
}

/**
 * After a rebuild, the segments of the index it replaced (a whole archive's, for an index of an
 * older format) are named by nothing: they go, under the write lock, since a writer's staged
 * segments are unnamed too until it commits. With the lock taken by a writer they stay, for its
 * commit (write/steps.ts) or the next recovery to delete.
 */
function removeReplacedSegments(path: string): void {
  let release: () => void
  try {
    release = acquireLock(dirname(path), 'remove replaced index segments')
  } catch {
    return
  }
  try {
    removeUnusedSegments(path)
  } catch {
    // Best effort: what stays is only disk space, and the next writer's cleanup retries it.
  } finally {
    release()
  }
}
