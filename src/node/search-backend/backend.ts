// Where the reading room's searches are answered. The embedded engine (the n-gram index in this
// process or its search workers) is the default and what the desktop app always uses; an
// OpenSearch cluster (opensearch/backend.ts) answers for collections that outgrow one machine.
// Both take the same SearchRequest and give the same SearchResponse: the same hits, counts and
// facets (tests/opensearch/parity.test.ts), ranked each by its own BM25.
import { UserFacingError } from '../../shared/errors'
import type { SearchBackendStatus, SearchRequest, SearchResponse } from '../../shared/types'

export interface SearchBackend {
  readonly kind: SearchBackendStatus['kind']
  search(request: SearchRequest): Promise<SearchResponse>
  /**
   * Whether searches can be answered now, and if not why (for /api/status); `archiveKey` is the
   * served archive's state, so a cluster index built from another state is reported as stale.
   */
  status(archiveKey?: string): Promise<SearchBackendStatus>
  close(): Promise<void>
}

/**
 * The search service cannot answer now (a cluster down or too slow, its index missing or built
 * by another version). HTTP answers 503, with Retry-After when waiting may help.
 */
export class SearchUnavailableError extends UserFacingError {
  override name = 'SearchUnavailableError'
  readonly errorCode = 'unavailable'
  constructor(
    message: string,
    /** Seconds after which a retry may succeed; undefined when only a librarian can fix it. */
    readonly retryAfterS?: number,
  ) {
    super(message)
  }
}
