// What a search tells of a damaged index found while it ran. The postings are checked a page at a
// time when first read (paged-bytes.ts), not at open, so a damaged page surfaces in a search: it
// is refused with a message saying what to do, never answered from bad bytes.
import { IndexFileError } from '../shared/search/index-file'
import { ArchiveError } from './archive-error'

export class IndexDamagedError extends ArchiveError {
  override name = 'IndexDamagedError'
}

/** Runs `fn` (a search); an IndexFileError on the way becomes an IndexDamagedError. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (!(e instanceof IndexFileError)) throw e
    throw new IndexDamagedError(
      `The search index is damaged (${e.message}); run "index" to rebuild it, or delete index.bin and reopen the archive`,
    )
  }
}
