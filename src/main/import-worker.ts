// Worker thread for the in-app import (bundled by electron-vite's `?nodeWorker`): plan, commit
// and remove run here, so the window stays responsive and a cancel arrives while a batch is read.
import { parentPort, workerData } from 'node:worker_threads'
import { setShardWorkerFactory } from '../node/shard-build'
import { runImportWorker } from './import-worker-body'
import type {
  ImportWorkerCommand,
  ImportWorkerData,
  ImportWorkerMessage,
  PortLike,
} from './import-worker-protocol'

// A commit builds the new issues' segment, on all cores when it is large (shard-build.ts): in
// the bundle the shard worker is its own chunk, started the way electron-vite emitted it. From
// source (tests, under tsx) shard-build.ts starts shard-worker.ts itself, and the bundler's
// `?nodeWorker` module does not exist: it is imported only in the bundle. Commands sent before
// the worker listens wait in its port.
const ready = import.meta.url.endsWith('.ts')
  ? Promise.resolve()
  : import('../node/shard-worker?nodeWorker').then(({ default: createShardWorker }) =>
      setShardWorkerFactory((job, transferList) =>
        createShardWorker({ workerData: job, transferList }),
      ),
    )

void ready.then(() => {
  if (parentPort)
    runImportWorker(
      workerData as ImportWorkerData,
      parentPort as unknown as PortLike<ImportWorkerCommand, ImportWorkerMessage>,
    )
})
