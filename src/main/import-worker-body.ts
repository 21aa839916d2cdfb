// The import worker's work, apart from worker_threads so tests can drive it with a fake port:
// plan and report, wait for main's word, commit or drop the plan; or remove an issue.
import type { ImportProgress } from '../shared/archive/import-report'
import { errorToData } from '../shared/errors'
import {
  commitLibraryImport,
  planLibraryImport,
  removeLibraryIssue,
} from '../node/library/import-job'
import type {
  ImportWorkerCommand,
  ImportWorkerData,
  ImportWorkerMessage,
  PortLike,
} from './import-worker-protocol'

function failure(e: unknown): ImportWorkerMessage {
  return { type: 'failed', error: errorToData(e) }
}

export function runImportWorker(
  data: ImportWorkerData,
  port: PortLike<ImportWorkerCommand, ImportWorkerMessage>,
): void {
  const post = (m: ImportWorkerMessage): void => port.postMessage(m)
  if (data.op === 'remove') {
    try {
      post({ type: 'removed', outcome: removeLibraryIssue(data.libraryDir, data.issueId) })
    } catch (e) {
      post(failure(e))
    }
    port.close?.()
    return
  }
  const flag = new Int32Array(data.cancel)
  const hooks = {
    onProgress: (progress: ImportProgress) => post({ type: 'progress', progress }),
    shouldCancel: () => Atomics.load(flag, 0) === 1,
  }
  let planned: ReturnType<typeof planLibraryImport>
  try {
    planned = planLibraryImport(data.job, hooks)
  } catch (e) {
    post(failure(e))
    port.close?.()
    return
  }
  post({ type: 'planned', report: planned.report })
  port.on('message', (command) => {
    if (command.type === 'commit') {
      try {
        post({ type: 'committed', outcome: commitLibraryImport(planned, hooks) })
      } catch (e) {
        post(failure(e))
      }
    } else {
      // Discarded (the form closed, or the files were checked again): its scratch folder goes.
      planned.plan.cleanup?.()
    }
    port.close?.()
  })
}
