// `verify`: a full check of an archive folder, for librarians before they ship it.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { sortCatalog, CATALOG_FILE } from '../shared/archive/catalog'
import { decodeText } from '../shared/text/decode'
import { deserializeIndex } from '../shared/search/index-file'
import { archiveKey, readCatalog, sha256 } from './archive-dir'
import { INDEX_FILE } from './archive-service'

export interface VerifyReport {
  ok: boolean
  errors: string[]
  warnings: string[]
  issues: number
  pages: number
}

export function verifyArchive(dir: string, indexPath = join(dir, INDEX_FILE)): VerifyReport {
  const errors: string[] = []
  const warnings: string[] = []
  let catalog
  try {
    catalog = sortCatalog(readCatalog(dir))
  } catch (e) {
    return { ok: false, errors: [(e as Error).message], warnings, issues: 0, pages: 0 }
  }
  let pages = 0
  const referenced = new Set<string>([CATALOG_FILE])
  for (const issue of catalog.issues) {
    for (const page of issue.pages) {
      pages++
      referenced.add(page.source)
      const file = join(dir, page.source)
      if (!existsSync(file)) {
        errors.push(`${file}: missing (page ${page.number} of ${issue.id})`)
        continue
      }
      const bytes = readFileSync(file)
      if (sha256(bytes) !== page.sha256) {
        errors.push(
          `${file}: its content changed since it was catalogued (sha256 differs); restore the original or add it again`,
        )
      }
      try {
        decodeText(bytes, page.encoding)
      } catch (e) {
        errors.push(`${file}: ${(e as Error).message}`)
      }
    }
  }
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.txt') && !referenced.has(name))
      warnings.push(`${join(dir, name)}: not in the catalog (left over from an interrupted add?)`)
  }
  if (!existsSync(indexPath))
    warnings.push(`${indexPath}: no index yet; it is built on first use (or run "index")`)
  else {
    try {
      const loaded = deserializeIndex(readFileSync(indexPath), (b) => crc32(b))
      if (loaded.sourceKey !== archiveKey(dir, catalog))
        warnings.push(`${indexPath}: out of date; it is rebuilt on first use (or run "index")`)
    } catch (e) {
      errors.push(`${indexPath}: ${(e as Error).message}; run "index" to rebuild it`)
    }
  }
  return { ok: errors.length === 0, errors, warnings, issues: catalog.issues.length, pages }
}
