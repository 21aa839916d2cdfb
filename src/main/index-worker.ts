// Worker thread: builds and writes the index of one archive, reporting progress, so the main
// process stays responsive while a large archive is indexed. The main thread then loads the file.
import { parentPort, workerData } from 'node:worker_threads'
import { ArchiveService } from '../node/archive-service'
import { setShardWorkerFactory } from '../node/shard-build'
import createShardWorker from '../node/shard-worker?nodeWorker'
import type { IndexJob } from './archive-host'
import type { IndexWorkerMessage } from './index-worker-protocol'

const source = workerData as IndexJob
// In the bundle the shard worker is its own chunk, not a file beside shard-build's: start it the
// way electron-vite emitted it, so a rebuild here runs on all cores (shard-build.ts).
setShardWorkerFactory((job, transferList) => createShardWorker({ workerData: job, transferList }))
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
