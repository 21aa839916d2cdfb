// Searches run in a pool of worker threads, so an expensive query never holds the event loop
// that answers /api/status, issues and pages. The queue in front of the pool is bounded: when it
// is full the request is refused at once (503 + Retry-After) instead of piling up memory and
// latency for everybody.
import { errorFromData, UserFacingError } from '../shared/errors'
import { Worker } from 'node:worker_threads'
import type { SearchRequest, SearchResponse } from '../shared/types'
import type { SearchWorkerData, ToPool, ToWorker } from './search-protocol'

export const DEFAULT_SEARCH_WORKERS = 1
export const DEFAULT_SEARCH_QUEUE = 32

/** The pool's queue is full: the client should retry after `retryAfterS` seconds. */
export class PoolBusyError extends UserFacingError {
  override name = 'PoolBusyError'
  readonly errorCode = 'busy'
  readonly retryAfterS = 1
  constructor() {
    super('the server is busy with other searches; try again in a moment')
  }
}

export interface PoolOptions extends SearchWorkerData {
  /** Worker threads (≥ 1). */
  size?: number
  /** Searches that may wait for a worker; more are refused with PoolBusyError. */
  maxQueue?: number
}

interface Job {
  id: number
  gen: number
  request: SearchRequest
  resolve: (r: SearchResponse) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  job: Job | undefined
  /** Pending `open` answers of this worker, per generation. */
  opening: Map<number, { resolve: (key: string) => void; reject: (e: Error) => void }>
}

/**
 * The entry of a worker: the compiled .js beside this file, or — when the server runs from source
 * under tsx (npm run serve, tests) — the .ts file with tsx registered inside the thread.
 */
function startWorker(data: SearchWorkerData): Worker {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    const entry = new URL('./search-worker.ts', here).href
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(boot, { eval: true, workerData: data })
  }
  return new Worker(new URL('./search-worker.js', here), { workerData: data })
}

export class SearchPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false
  private readonly maxQueue: number

  constructor(options: PoolOptions) {
    const size = Math.max(1, Math.floor(options.size ?? DEFAULT_SEARCH_WORKERS))
    this.maxQueue = Math.max(0, options.maxQueue ?? DEFAULT_SEARCH_QUEUE)
    const data: SearchWorkerData = { archiveDir: options.archiveDir, indexPath: options.indexPath }
    for (let i = 0; i < size; i++) this.slots.push(this.startSlot(data))
  }

  private startSlot(data: SearchWorkerData): Slot {
    const slot: Slot = { worker: startWorker(data), job: undefined, opening: new Map() }
    const fail = (e: Error): void => {
      slot.job?.reject(e)
      slot.job = undefined
      for (const o of slot.opening.values()) o.reject(e)
      slot.opening.clear()
    }
    slot.worker.on('message', (m: ToPool) => {
      if (m.type === 'opened' || m.type === 'open-failed') {
        const o = slot.opening.get(m.gen)
        slot.opening.delete(m.gen)
        if (m.type === 'opened') o?.resolve(m.key)
        else o?.reject(new Error(m.message))
        return
      }
      const job = slot.job
      if (!job || job.id !== m.id) return
      slot.job = undefined
      if (m.type === 'result') job.resolve(m.response)
      else job.reject(errorFromData(m.error))
      this.pump()
    })
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => {
      fail(new Error(`search worker exited (${code})`))
      const at = this.slots.indexOf(slot)
      if (at >= 0) this.slots.splice(at, 1)
      // The last worker gone: nothing will answer what waits.
      if (this.slots.length === 0) {
        for (const waiting of this.queue.splice(0)) waiting.reject(new Error('no search worker'))
      }
    })
    return slot
  }

  /**
   * Every worker opens the archive as it is now, as snapshot `gen`; resolves with the archive
   * key each one saw (the caller checks they agree with its own).
   */
  open(gen: number): Promise<string[]> {
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<string>((resolve, reject) => {
            slot.opening.set(gen, { resolve, reject })
            slot.worker.postMessage({ type: 'open', gen } satisfies ToWorker)
          }),
      ),
    )
  }

  /** Snapshot `gen` is no longer used: the workers let it go. */
  drop(gen: number): void {
    for (const slot of this.slots) slot.worker.postMessage({ type: 'drop', gen } satisfies ToWorker)
  }

  /** Answers `request` on snapshot `gen`; rejects with PoolBusyError when the queue is full. */
  search(gen: number, request: SearchRequest): Promise<SearchResponse> {
    if (this.closed) return Promise.reject(new Error('the search pool is closed'))
    if (this.slots.length === 0) return Promise.reject(new Error('no search worker is running'))
    const idle = this.slots.some((s) => !s.job)
    if (!idle && this.queue.length >= this.maxQueue) return Promise.reject(new PoolBusyError())
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, gen, request, resolve, reject })
      this.pump()
    })
  }

  /** Searches waiting for a worker, and searches running. */
  load(): { queued: number; running: number } {
    return { queued: this.queue.length, running: this.slots.filter((s) => s.job).length }
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job) continue
      const job = this.queue.shift()
      if (!job) return
      slot.job = job
      slot.worker.postMessage({
        type: 'search',
        id: job.id,
        gen: job.gen,
        request: job.request,
      } satisfies ToWorker)
    }
  }

  /** Ends the workers; whatever runs or waits is refused. */
  async terminate(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new Error('the search pool was stopped'))
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}
