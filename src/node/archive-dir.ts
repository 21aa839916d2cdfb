// Reading an archive folder: its catalog and its page files. Everything read from disk is
// validated here, and every error names the file and says what to do.
import { createHash } from 'node:crypto'
import { existsSync, lstatSync } from 'node:fs'
import { join } from 'node:path'
import { CATALOG_FILE, CatalogError, parseCatalog } from '../shared/archive/catalog'
import { decodeKnown, DecodeError, DECODER_VERSION } from '../shared/text/decode'
import { INDEX_OPTIONS } from '../shared/search/search-index'
import { INDEX_FORMAT_VERSION } from '../shared/search/segment-format'
import type { Catalog, CatalogPage } from '../shared/types'
import { PAGE_FILE_RULE } from '../shared/archive/safe-name'
import { ArchiveError } from './archive-error'
import { readInside, readRegularText } from './safe-path'

export { ArchiveError }

/** The catalog as last committed, kept beside it (catalog-store.ts). */
export const CATALOG_BACKUP = `${CATALOG_FILE}.bak`

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function readCatalog(dir: string): Catalog {
  const file = join(dir, CATALOG_FILE)
  if (!existsSync(file)) {
    throw new ArchiveError(
      `${file}: no catalog here; is ${dir} an archive folder? (create one with "archive-reader add")`,
    )
  }
  let json: string
  try {
    json = readRegularText(file)
  } catch (e) {
    if (e instanceof ArchiveError) throw e
    throw new ArchiveError(
      `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    )
  }
  try {
    return parseCatalog(json, file)
  } catch (e) {
    if (e instanceof CatalogError) {
      const hint = existsSync(join(dir, CATALOG_BACKUP))
        ? ` (${CATALOG_BACKUP} holds the catalog as last committed: "archive-reader verify --repair" restores it)`
        : ''
      throw new ArchiveError(`${e.message}${hint}`)
    }
    throw e
  }
}

/**
 * Decodes a page file with the encoding the catalog records for it. Its content was checked
 * when it was added; `verify` checks it again (hash, encoding) on demand.
 */
export function readPageText(dir: string, page: CatalogPage): string {
  const file = join(dir, page.source)
  let bytes: Buffer
  try {
    // The catalog's schema already holds sources to bare names; this also refuses a link.
    bytes = readInside(dir, page.source, 'a page file the catalog names', PAGE_FILE_RULE)
  } catch (e) {
    if (e instanceof ArchiveError) throw e
    throw new ArchiveError(
      `${file}: cannot read the page file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    )
  }
  try {
    return decodeKnown(bytes, page.encoding)
  } catch (e) {
    if (e instanceof DecodeError) throw new ArchiveError(`${file}: ${e.message}`)
    throw e
  }
}

/**
 * Identifies what an index was built from: the catalog (which records each page's sha256), the
 * page files' sizes and the index rules. Cheap enough for every start; `verify` hashes the files.
 */
export function archiveKey(dir: string, catalog: Catalog): string {
  const h = createHash('sha256')
  h.update(
    JSON.stringify({ v: INDEX_FORMAT_VERSION, o: INDEX_OPTIONS, d: DECODER_VERSION, c: catalog }),
  )
  for (const issue of catalog.issues) {
    for (const page of issue.pages) {
      let size = -1
      try {
        // lstat: a link's target is never looked at (reading it is refused anyway).
        size = lstatSync(join(dir, page.source)).size
      } catch {
        // A missing file changes the key; reading it will report the problem.
      }
      h.update(`${page.source}:${size};`)
    }
  }
  return h.digest('hex')
}
