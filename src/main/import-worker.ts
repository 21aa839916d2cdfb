// Worker thread for the in-app import (bundled by electron-vite's `?nodeWorker`): plan, commit
// and remove run here, so the window stays responsive and a cancel arrives while a batch is read.
import { parentPort, workerData } from 'node:worker_threads'
import { setShardWorkerFactory } from '../node/shard-build'
import createShardWorker from '../node/shard-worker?nodeWorker'
import { runImportWorker } from './import-worker-body'
import type {
  ImportWorkerCommand,
  ImportWorkerData,
  ImportWorkerMessage,
  PortLike,
} from './import-worker-protocol'

// A commit builds the new issues' segment, on all cores when it is large (shard-build.ts): in
// the bundle the shard worker is its own chunk, started the way electron-vite emitted it.
setShardWorkerFactory((job, transferList) => createShardWorker({ workerData: job, transferList }))

if (parentPort)
  runImportWorker(
    workerData as ImportWorkerData,
    parentPort as unknown as PortLike<ImportWorkerCommand, ImportWorkerMessage>,
  )
