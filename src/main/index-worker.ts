// Worker thread: builds and writes the index of one archive, reporting progress, so the main
// process stays responsive while a large archive is indexed. The main thread then loads the file.
import { parentPort, workerData } from 'node:worker_threads'
import { ArchiveService } from '../node/archive-service'
import type { IndexJob } from './archive-host'
import type { IndexWorkerMessage } from './index-worker-protocol'

const source = workerData as IndexJob
const post = (message: IndexWorkerMessage): void => parentPort?.postMessage(message)

try {
  const service = ArchiveService.open({
    archiveDir: source.dir,
    indexPath: source.indexPath,
    onProgress: (status) => post({ type: 'progress', status }),
    log: (message) => post({ type: 'log', message }),
    // The user's corrections of an archive the app does not change (archive-host.ts).
    ...(source.overlay ? { overlay: source.overlay } : {}),
  })
  post({ type: 'done', written: service.openResult.written })
} catch (e) {
  post({ type: 'error', message: (e as Error).message })
}
