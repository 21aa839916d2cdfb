// The in-app import as main runs it: the picks it remembers (the renderer only holds their ids),
// one job at a time in a worker (plan → report → commit, or remove), progress passed on at a
// sane rate, cancel through a shared flag the worker reads between files, and the library
// reopened after every change. No Electron here: index.ts passes in the dialog and the worker.
import { errorFromData, UserFacingError } from '../shared/errors'
import { randomUUID } from 'node:crypto'
import type { ImportProgress, ImportReport } from '../shared/archive/import-report'
import type {
  FileOverride,
  ImportOutcome,
  ImportPlanned,
  ImportSelection,
  RemoveOutcome,
} from '../shared/import-contract'
import { expandInputs } from '../node/import/inputs'
import type { OtherSource } from '../node/library/import-job'
import type {
  ImportWorkerCommand,
  ImportWorkerData,
  ImportWorkerMessage,
} from './import-worker-protocol'

/** A refusal written for the librarian (busy, out of date, not confirmed). */
export class ImportError extends UserFacingError {
  override name = 'ImportError'
  readonly errorCode = 'refused'
}

/** The slice of a worker_threads Worker the controller uses. */
export interface WorkerLike {
  postMessage(message: ImportWorkerCommand): void
  on(event: 'message', listener: (message: ImportWorkerMessage) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  terminate(): Promise<number> | void
}

export interface ImportControllerOptions {
  libraryDir: string
  /** The bundled archive, as the worker should read it. */
  other: () => OtherSource
  startWorker: (data: ImportWorkerData) => WorkerLike
  onProgress: (progress: ImportProgress) => void
  /** Reopens the library after a change; the call resolves only after it. */
  onChanged: () => Promise<void>
  userIssues: () => Promise<string[]>
  isBundledIssue: (issueId: string) => Promise<boolean>
  /** For tests: the clock progress is throttled by. */
  now?: () => number
  log?: (message: string) => void
}

/** Messages of one worker, one at a time; progress goes straight through. */
class WorkerChannel {
  private queue: ImportWorkerMessage[] = []
  private waiter:
    { resolve: (m: ImportWorkerMessage) => void; reject: (e: Error) => void } | undefined
  private ended: Error | undefined

  constructor(
    readonly worker: WorkerLike,
    onProgress: (p: ImportProgress) => void,
  ) {
    worker.on('message', (m) => {
      if (m.type === 'progress') onProgress(m.progress)
      else if (this.waiter) {
        this.waiter.resolve(m)
        this.waiter = undefined
      } else this.queue.push(m)
    })
    worker.on('error', (e) => this.end(e))
    worker.on('exit', (code) =>
      this.end(new ImportError(`the import stopped unexpectedly (${code})`)),
    )
  }

  private end(e: Error): void {
    this.ended ??= e
    this.waiter?.reject(e)
    this.waiter = undefined
  }

  next(): Promise<ImportWorkerMessage> {
    const queued = this.queue.shift()
    if (queued) return Promise.resolve(queued)
    if (this.ended) return Promise.reject(this.ended)
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }))
  }

  send(command: ImportWorkerCommand): void {
    this.worker.postMessage(command)
  }
}

function expect<T extends ImportWorkerMessage['type']>(
  m: ImportWorkerMessage,
  type: T,
): Extract<ImportWorkerMessage, { type: T }> {
  // The worker's error under its own code and name (ImportCancelled, ArchiveBusyError, …).
  if (m.type === 'failed') throw errorFromData(m.error)
  if (m.type !== type) throw new ImportError(`the import answered "${m.type}", not "${type}"`)
  return m as Extract<ImportWorkerMessage, { type: T }>
}

interface Pending {
  planId: string
  channel: WorkerChannel
  report: ImportReport
  flag: Int32Array
}

const MAX_SELECTIONS = 16
const PROGRESS_INTERVAL_MS = 100

export class ImportController {
  private readonly selections = new Map<string, { kind: 'files' | 'folder'; paths: string[] }>()
  private pending: Pending | undefined
  private running: { op: 'plan' | 'commit' | 'remove'; flag?: Int32Array } | undefined
  private lastProgress = { at: -Infinity, phase: '' }

  constructor(private readonly o: ImportControllerOptions) {}

  /** Remembers what main's dialog returned; the renderer gets an id and a count, not the paths. */
  select(kind: 'files' | 'folder', paths: readonly string[]): ImportSelection | null {
    if (paths.length === 0) return null
    const id = randomUUID()
    this.selections.set(id, { kind, paths: [...paths] })
    while (this.selections.size > MAX_SELECTIONS)
      this.selections.delete(this.selections.keys().next().value as string)
    const first = paths[0] as string
    return {
      id,
      kind,
      label: first.split(/[\\/]/).filter(Boolean).pop() ?? first,
      files: expandInputs(paths).files.length,
    }
  }

  private progress = (p: ImportProgress): void => {
    const now = (this.o.now ?? performance.now.bind(performance))()
    const edge = p.phase !== this.lastProgress.phase || p.done === 0 || p.done >= p.total
    if (!edge && now - this.lastProgress.at < PROGRESS_INTERVAL_MS) return
    this.lastProgress = { at: now, phase: p.phase }
    this.o.onProgress(p)
  }

  private assertIdle(): void {
    if (this.running)
      throw new ImportError(
        `an import is already running (${this.running.op}); wait for it to finish or cancel it`,
      )
  }

  private discardPending(): void {
    this.pending?.channel.send({ type: 'discard' })
    this.pending = undefined
  }

  /** Checks the picked files (in a worker) and keeps the plan for `commit`. */
  async plan(selectionId: string, overrides: FileOverride[]): Promise<ImportPlanned> {
    this.assertIdle()
    const selection = this.selections.get(selectionId)
    if (!selection) throw new ImportError('the picked files are no longer known; pick them again')
    this.discardPending()
    const cancel = new SharedArrayBuffer(4)
    const flag = new Int32Array(cancel)
    this.running = { op: 'plan', flag }
    try {
      const channel = new WorkerChannel(
        this.o.startWorker({
          op: 'plan',
          job: {
            libraryDir: this.o.libraryDir,
            other: this.o.other(),
            inputs: selection.paths,
            overrides,
          },
          cancel,
        }),
        this.progress,
      )
      const { report } = expect(await channel.next(), 'planned')
      const planId = randomUUID()
      this.pending = { planId, channel, report, flag }
      return { planId, report }
    } finally {
      this.running = undefined
    }
  }

  /** Imports the plan the form shows into the library, then reopens the library. */
  async commit(planId: string, confirmed: boolean): Promise<ImportOutcome> {
    this.assertIdle()
    const pending = this.pending
    if (!pending || pending.planId !== planId)
      throw new ImportError('this report is out of date; check the files again')
    if (!pending.report.ok)
      throw new ImportError(
        `the report lists ${pending.report.summary.errors} error(s); nothing can be imported until they are fixed`,
      )
    if (pending.report.needsConfirmation && !confirmed)
      throw new ImportError('some metadata was read from the text: confirm it before importing')
    this.pending = undefined
    // A cancel that came as the plan finished is not meant for this commit.
    Atomics.store(pending.flag, 0, 0)
    this.running = { op: 'commit', flag: pending.flag }
    try {
      pending.channel.send({ type: 'commit' })
      const { outcome } = expect(await pending.channel.next(), 'committed')
      await this.o.onChanged()
      return outcome
    } finally {
      this.running = undefined
    }
  }

  /**
   * Stops the plan or commit that runs (the worker checks between files; a commit past its
   * commit point completes) and drops a plan that waits for its commit.
   */
  cancel(): void {
    if (this.running?.flag) Atomics.store(this.running.flag, 0, 1)
    if (!this.running) this.discardPending()
  }

  async removeIssue(issueId: string): Promise<RemoveOutcome> {
    this.assertIdle()
    if (await this.o.isBundledIssue(issueId))
      throw new ImportError(
        `${issueId} is part of the archive that comes with the app; only issues you imported can be removed`,
      )
    if (!(await this.o.userIssues()).includes(issueId))
      throw new ImportError(`${issueId} is not in your library`)
    this.running = { op: 'remove' }
    try {
      const channel = new WorkerChannel(
        this.o.startWorker({ op: 'remove', libraryDir: this.o.libraryDir, issueId }),
        this.progress,
      )
      const { outcome } = expect(await channel.next(), 'removed')
      await this.o.onChanged()
      return outcome
    } finally {
      this.running = undefined
    }
  }

  userIssues(): Promise<string[]> {
    return this.o.userIssues()
  }

  /** Ends a waiting plan's worker (the app quits). A running commit is left to finish. */
  dispose(): void {
    if (!this.running) this.discardPending()
  }
}
