// Builds an archive's index on several threads: the catalog's issues are cut into K contiguous
// shards, each read, normalized and assembled into its segment by a worker (shard-worker.ts),
// and the segments are laid out in issue order (composeIndex). Doc ids, results and listing
// order are those of the single-thread build: the docs come in the same order, only cut into
// segments, and the search reads collection statistics across segments.
//
// The caller waits synchronously (Atomics.wait, then receiveMessageOnPort), so buildIndexFor
// and ArchiveService.open keep their synchronous contracts and every caller — open, import,
// remove, export — builds on all cores without becoming async.
import { existsSync, lstatSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import type { CorrectionEntry } from '../shared/archive/corrections'
import { composeIndex } from '../shared/search/compose-index'
import type { SearchIndex } from '../shared/search/compose-index'
import { PlainBytes } from '../shared/search/paged-bytes'
import type { IndexSegment } from '../shared/search/segment'
import type { Catalog } from '../shared/types'
import { PAGE_FILE_RULE } from '../shared/archive/safe-name'
import { safeJoin } from './safe-path'
import type { ShardJob, ShardMessage } from './shard-protocol'

/** More shards than this buys little: the text is read from one disk, and each shard costs a heap. */
export const MAX_SHARDS = 4
/**
 * Below this many pages a shard's worker start-up (~0.3 s under tsx) outweighs its share. Pages,
 * not issues: a page is the unit read. 64, not more: the bench corpus has one (large) page per
 * issue, 405 pages at --scale 0.25, and should build on both cores; the seeds (5) stay on one.
 */
export const MIN_PAGES_PER_SHARD = 64
/**
 * A worker killed without a word (out of memory) cannot be seen from a blocked thread; so many
 * quiet milliseconds from every worker fail the build instead of hanging it. Workers report
 * progress per issue and many times during assembly, far more often than this.
 */
export const STALL_MS = 5 * 60_000

/** Starts a worker on a job (its port is in the transfer list), or undefined when none can be. */
export type ShardWorkerFactory = (job: ShardJob, transferList: MessagePort[]) => Worker | undefined

let factory: ShardWorkerFactory = defaultWorker

/** How a bundle that emits shard-worker.js elsewhere starts it (and tests start a failing one). */
export function setShardWorkerFactory(f: ShardWorkerFactory | undefined): void {
  factory = f ?? defaultWorker
}

/**
 * The worker from source under tsx (tests, CLI, bench, the reading-room server from source),
 * with tsx registered inside the thread; else the compiled shard-worker.js beside this file.
 * A start-up failure (the module cannot be loaded) is posted like any error, never a hang.
 */
function defaultWorker(job: ShardJob, transferList: MessagePort[]): Worker | undefined {
  const here = import.meta.url
  const ts = here.endsWith('.ts')
  const entry = ts ? new URL('./shard-worker.ts', here) : new URL('./shard-worker.js', here)
  if (!ts && !existsSync(fileURLToPath(entry))) return undefined
  const load = ts
    ? `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`
    : `import(${JSON.stringify(entry.href)})`
  const boot = `const { workerData: w } = require('node:worker_threads');
${load}.catch((e) => {
  w.port.postMessage({ type: 'error', message: 'shard worker did not start: ' + (e && e.message), stack: e && e.stack })
  const s = new Int32Array(w.signal); Atomics.add(s, 0, 1); Atomics.notify(s, 0)
})`
  return new Worker(boot, { eval: true, workerData: job, transferList })
}

/** How many shards to build `catalog` in: 1 for a small archive (seeds, tests pay no threads). */
export function shardCount(catalog: Catalog, requested?: number): number {
  const issues = catalog.issues.length
  if (requested !== undefined) return Math.max(1, Math.min(Math.floor(requested), issues))
  const pages = catalog.issues.reduce((s, i) => s + i.pages.length, 0)
  const byWork = Math.floor(pages / MIN_PAGES_PER_SHARD)
  return Math.max(1, Math.min(availableParallelism(), MAX_SHARDS, byWork, issues))
}

/**
 * K contiguous issue ranges [start, end) of about equal weight, none empty: `weights` per issue
 * (its pages' bytes, buildInShards), else its page count.
 */
export function shardRanges(
  catalog: Catalog,
  k: number,
  weights?: readonly number[],
): [number, number][] {
  const pages = weights ?? catalog.issues.map((i) => i.pages.length)
  const total = pages.reduce((s, p) => s + p, 0)
  const ranges: [number, number][] = []
  let start = 0
  let acc = 0
  for (let i = 0; i < pages.length; i++) {
    acc += pages[i] as number
    const left = pages.length - (i + 1)
    const cutsLeft = k - 1 - ranges.length
    // Cut when this shard has its share, or when every later issue must start a shard.
    if (cutsLeft > 0 && (acc >= (total * (ranges.length + 1)) / k || left === cutsLeft)) {
      ranges.push([start, i + 1])
      start = i + 1
    }
  }
  if (start < pages.length) ranges.push([start, pages.length])
  return ranges
}

/**
 * Each issue's bytes of page text, what a shard's work grows with: cut by page count, the bench
 * corpus (pages of 1 KB to 1 MB) gave one shard 90% of the text and the build ran on one core
 * for 38 of its 43 s. A page that cannot be read weighs one byte (its worker reports it).
 */
function issueBytes(dir: string, catalog: Catalog): number[] {
  return catalog.issues.map((issue) =>
    issue.pages.reduce((sum, page) => {
      try {
        const st = lstatSync(safeJoin(dir, page.source, 'a page source', PAGE_FILE_RULE))
        return sum + (st.isFile() ? Math.max(1, st.size) : 1)
      } catch {
        return sum + 1
      }
    }, 0),
  )
}

interface Slot {
  worker: Worker
  port: MessagePort
  weight: number
  fraction: number
  logs: string[]
  seg?: IndexSegment
}

/**
 * The index of `catalog` built in `k` shards on worker threads; undefined when no worker can be
 * started here (a bundle without shard-worker.js), so the caller builds on this thread. The
 * index keeps the K segments rather than merging them: a search runs over a list of segments
 * anyway, and merge.ts folds small ones together later if the list grows long.
 */
export function buildInShards(
  dir: string,
  catalog: Catalog,
  k: number,
  corrections: readonly CorrectionEntry[],
  onProgress?: (f: number) => void,
  log?: (message: string) => void,
): SearchIndex | undefined {
  const weights = issueBytes(dir, catalog)
  const ranges = shardRanges(catalog, k, weights)
  const totalBytes = Math.max(
    1,
    weights.reduce((s, w) => s + w, 0),
  )
  const signal = new SharedArrayBuffer(4)
  const sig = new Int32Array(signal)
  const slots: Slot[] = []
  const stopAll = (): void => {
    for (const s of slots) {
      s.port.close()
      void s.worker.terminate()
    }
  }
  for (const [start, end] of ranges) {
    const shard: Catalog = { ...catalog, issues: catalog.issues.slice(start, end) }
    const { port1, port2 } = new MessageChannel()
    const job: ShardJob = { dir, catalog: shard, corrections, port: port2, signal }
    const worker = factory(job, [port2])
    if (!worker) {
      port1.close()
      stopAll()
      return undefined
    }
    const bytes = weights.slice(start, end).reduce((s, w) => s + w, 0)
    slots.push({ worker, port: port1, weight: bytes / totalBytes, fraction: 0, logs: [] })
  }
  let reported = 0
  let pending = slots.length
  for (;;) {
    const seen = Atomics.load(sig, 0)
    for (const slot of slots) {
      for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
        const message = m.message as ShardMessage
        if (message.type === 'progress') slot.fraction = Math.max(slot.fraction, message.fraction)
        else if (message.type === 'log') slot.logs.push(message.message)
        else if (message.type === 'done') {
          const { ngram, ...rest } = message.seg
          const terms = { ...ngram.terms, deltas: new PlainBytes(ngram.terms.deltas) }
          slot.seg = { ...rest, ngram: { ...ngram, lists: new PlainBytes(ngram.lists), terms } }
          slot.fraction = 1
          slot.port.close()
          pending--
        } else {
          stopAll()
          const error = new Error(`index build failed in a shard worker: ${message.message}`)
          if (message.stack) error.stack = `${error.message}\n${message.stack}`
          throw error
        }
      }
    }
    // Shards advance unevenly; their weighted sum never goes back.
    const now = slots.reduce((s, x) => s + x.weight * x.fraction, 0)
    if (now > reported) onProgress?.((reported = Math.min(1, now)))
    if (pending === 0) break
    if (Atomics.wait(sig, 0, seen, STALL_MS) === 'timed-out') {
      stopAll()
      throw new Error(`index build failed: no shard worker reported for ${STALL_MS / 1000} s`)
    }
  }
  // Messages in issue order, as the single-thread build gives them.
  for (const s of slots) for (const m of s.logs) log?.(m)
  return composeIndex(slots.map((s) => ({ seg: s.seg as IndexSegment })))
}
