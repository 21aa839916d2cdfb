// The in-app import's controller as main builds it, without Electron: over the bundled seeds
// (index outside the seeds folder), a user library in a temporary user-data folder, the mixed
// fixture batch as the pick, and either real worker threads from source or an in-thread stand-in
// that delivers messages at once, so that a test can cancel between two files. Each set-up is
// removed when its test finishes.
import { EventEmitter } from 'node:events'
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { onTestFinished } from 'vitest'
import type { ImportProgress } from '../../src/shared/archive/import-report'
import { ArchiveService } from '../../src/node/archive-service'
import { CompositeArchive } from '../../src/node/library/composite-archive'
import { ImportController } from '../../src/main/import-controller'
import type { ImportControllerOptions, WorkerLike } from '../../src/main/import-controller'
import { runImportWorker } from '../../src/main/import-worker-body'
import type {
  ImportWorkerCommand,
  ImportWorkerData,
  ImportWorkerMessage,
} from '../../src/main/import-worker-protocol'
import { FIXTURES, ROOT, SEEDS, tempDir } from '../helpers'

/** The worker as the app runs it, but from source (tsx registers itself inside the thread). */
export function realWorker(data: ImportWorkerData): WorkerLike {
  const entry = pathToFileURL(join(ROOT, 'src/main/import-worker.ts')).href
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true, workerData: data }) as unknown as WorkerLike
}

/**
 * The worker body in this thread, its messages delivered at once: progress reaches the test
 * while the job runs, so a cancel can land between two files, as it does across threads.
 */
export function inThreadWorker(data: ImportWorkerData): WorkerLike {
  const toMain = new EventEmitter()
  const toWorker = new EventEmitter()
  setImmediate(() =>
    runImportWorker(data, {
      postMessage: (m: ImportWorkerMessage) => toMain.emit('message', m),
      on: (_e: 'message', l: (m: ImportWorkerCommand) => void) => toWorker.on('message', l),
      close: () => setImmediate(() => toMain.emit('exit', 0)),
    }),
  )
  return {
    postMessage: (c) => setImmediate(() => toWorker.emit('message', c)),
    on: (e: string, l: (...a: unknown[]) => void) => toMain.on(e, l),
    terminate: () => {},
  } as WorkerLike
}

export interface Setup {
  libraryDir: string
  batch: string
  controller: ImportController
  composite: CompositeArchive
  progress: ImportProgress[]
  changed: number
}

export function setup(
  startWorker: ImportControllerOptions['startWorker'],
  extra: Partial<ImportControllerOptions> = {},
): Setup {
  const t = tempDir()
  onTestFinished(t.cleanup)
  mkdirSync(join(t.dir, 'index'))
  const bundledIndex = join(t.dir, 'index', 'bundled.bin')
  const bundled = ArchiveService.open({ archiveDir: SEEDS, indexPath: bundledIndex })
  const composite = new CompositeArchive([{ kind: 'bundled', api: bundled }])
  const libraryDir = join(t.dir, 'userData', 'library')
  const batch = join(t.dir, 'picked', 'batch')
  cpSync(join(FIXTURES, 'import', 'mixed'), batch, { recursive: true })
  const s: Setup = {
    libraryDir,
    batch,
    composite,
    progress: [],
    changed: 0,
    controller: undefined as unknown as ImportController,
  }
  s.controller = new ImportController({
    libraryDir,
    other: () => ({ label: 'the bundled archive', dir: SEEDS, indexPaths: [bundledIndex] }),
    startWorker,
    onProgress: (p) => s.progress.push(p),
    onChanged: async () => {
      s.changed++
      composite.setPart(
        'user',
        existsSync(join(libraryDir, 'catalog.json'))
          ? ArchiveService.open({ archiveDir: libraryDir })
          : undefined,
      )
    },
    userIssues: async () => (await composite.part('user')?.listIssues())?.map((i) => i.id) ?? [],
    isBundledIssue: async (id) => (await composite.ownerOf(id)) === 'bundled',
    ...extra,
  })
  return s
}
