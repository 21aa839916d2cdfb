// The archive's current search index, which an import extends: loaded when it is current,
// otherwise rebuilt from the archive first. (Existing pages' content fingerprints are in
// ../fingerprints.ts.)
import { sortCatalog } from '../../shared/archive/catalog'
import { loadIndexFile } from '../index-store'
import { buildSearchIndex } from '../../shared/search/search-index'
import type { SearchIndex } from '../../shared/search/compose-index'
import type { Catalog } from '../../shared/types'
import { archiveKey } from '../archive-dir'
import { buildIndexFor } from '../index-helpers'

export interface BaseIndex {
  index: SearchIndex
  /** 'loaded' from the index file, or 'built' because it was missing or stale. */
  how: 'loaded' | 'built'
}

export function loadBaseIndex(
  dir: string,
  catalog: Catalog,
  indexPath: string,
  onProgress?: (fraction: number) => void,
): BaseIndex {
  const sorted = sortCatalog(catalog)
  if (sorted.issues.length === 0) return { index: buildSearchIndex([], []), how: 'built' }
  try {
    const loaded = loadIndexFile(indexPath)
    if (loaded.sourceKey === archiveKey(dir, sorted)) return { index: loaded.index, how: 'loaded' }
  } catch {
    // Missing or damaged: rebuilt below, as opening the archive would.
  }
  return { index: buildIndexFor(dir, sorted, onProgress), how: 'built' }
}
