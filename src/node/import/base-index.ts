// The archive's current search index, which an import extends: loaded when it is current,
// otherwise rebuilt from the archive first. It also yields each existing page's normalized
// fingerprint, so a page that is already in the archive in another encoding is recognized.
import { createHash } from 'node:crypto'
import { sortCatalog } from '../../shared/archive/catalog'
import { DOC_SEPARATOR } from '../../shared/search/ngram'
import { loadIndexFile } from '../index-store'
import { buildSearchIndex, docCount, docText } from '../../shared/search/search-index'
import type { SearchIndex } from '../../shared/search/search-index'
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

/** sha256 of each existing page's normalized text (as pageFingerprintText makes it) → the page. */
export function pageFingerprints(
  index: SearchIndex,
): Map<string, { issueId: string; page: number }> {
  const out = new Map<string, { issueId: string; page: number }>()
  const { issue, page } = index.docs
  const n = docCount(index)
  let d = 0
  while (d < n) {
    const i = issue[d] as number
    const p = page[d] as number
    const h = createHash('sha256')
    let first = true
    // An issue's articles are stored page by page, in order.
    while (d < n && issue[d] === i && page[d] === p) {
      if (!first) h.update(DOC_SEPARATOR)
      h.update(docText(index, d))
      first = false
      d++
    }
    const issueId = index.issues[i]?.id
    if (issueId) out.set(h.digest('hex'), { issueId, page: p })
  }
  return out
}
