// Worker thread for the in-app import (bundled by electron-vite's `?nodeWorker`): plan, commit
// and remove run here, so the window stays responsive and a cancel arrives while a batch is read.
import { parentPort, workerData } from 'node:worker_threads'
import { runImportWorker } from './import-worker-body'
import type {
  ImportWorkerCommand,
  ImportWorkerData,
  ImportWorkerMessage,
  PortLike,
} from './import-worker-protocol'

if (parentPort)
  runImportWorker(
    workerData as ImportWorkerData,
    parentPort as unknown as PortLike<ImportWorkerCommand, ImportWorkerMessage>,
  )
