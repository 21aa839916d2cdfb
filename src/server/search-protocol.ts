// Messages between the server's search pool and its workers. A worker holds one opened archive
// per snapshot generation, so searches already queued for an old snapshot finish on it while
// new ones use the new one.
import type { ErrorData } from '../shared/errors'
import type { SearchRequest, SearchResponse } from '../shared/types'

export interface SearchWorkerData {
  archiveDir: string
  indexPath: string
}

export type ToWorker =
  | { type: 'open'; gen: number }
  | { type: 'drop'; gen: number }
  | { type: 'search'; id: number; gen: number; request: SearchRequest }

export type ToPool =
  | { type: 'opened'; gen: number; key: string }
  | { type: 'open-failed'; gen: number; message: string }
  | { type: 'result'; id: number; response: SearchResponse }
  | { type: 'error'; id: number; error: ErrorData }
