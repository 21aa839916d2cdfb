// What the import worker is given and what it says back. One worker runs one job: a plan (then,
// if main says so, its commit) or a remove. The plan stays in the worker between the two, so the
// archive's index it extends never crosses threads.
import type { ImportProgress, ImportReport } from '../shared/archive/import-report'
import type { ErrorData } from '../shared/errors'
import type { ImportOutcome, RemoveOutcome } from '../shared/import-contract'
import type { LibraryPlanJob } from '../node/library/import-job'

export type ImportWorkerData =
  | {
      op: 'plan'
      job: LibraryPlanJob
      /** Int32 flag set by main to cancel; read between files (the worker never yields). */
      cancel: SharedArrayBuffer
    }
  | { op: 'remove'; libraryDir: string; issueId: string }

/** Main → worker, after 'planned'. */
export type ImportWorkerCommand = { type: 'commit' } | { type: 'discard' }

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'planned'; report: ImportReport }
  | { type: 'committed'; outcome: ImportOutcome }
  | { type: 'removed'; outcome: RemoveOutcome }
  | { type: 'failed'; error: ErrorData }

/** The slice of a worker_threads Worker (or its parentPort) the two sides use. */
export interface PortLike<In, Out> {
  postMessage(message: Out): void
  on(event: 'message', listener: (message: In) => void): unknown
  close?(): void
}
