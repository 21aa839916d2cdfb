// Worker thread: reads, segments and normalizes one shard of an archive's issues and assembles
// its segment (shard-build.ts). The segment's typed arrays go back in the transfer list, so
// only its strings (texts, headlines, bylines) are copied.
import { workerData } from 'node:worker_threads'
import { buildShardSegment } from './shard-segment'
import type { ShardJob, ShardMessage, WireSegment } from './shard-protocol'

const job = workerData as ShardJob
const signal = new Int32Array(job.signal)

function post(message: ShardMessage, transfer: ArrayBuffer[] = []): void {
  job.port.postMessage(message, transfer)
  // The main thread is blocked in Atomics.wait, not in its event loop: wake it.
  Atomics.add(signal, 0, 1)
  Atomics.notify(signal, 0)
}

/** Every typed array's buffer in the segment, once each (a buffer may not be listed twice). */
function buffersOf(seg: WireSegment): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>()
  const visit = (o: object): void => {
    for (const v of Object.values(o))
      if (ArrayBuffer.isView(v)) found.add(v.buffer as ArrayBuffer)
      else if (v && typeof v === 'object' && !Array.isArray(v)) visit(v as object)
  }
  visit(seg.docs)
  visit(seg.ngram)
  return [...found]
}

try {
  const seg = buildShardSegment(
    job.dir,
    job.catalog,
    job.corrections,
    (fraction) => post({ type: 'progress', fraction }),
    (message) => post({ type: 'log', message }),
  )
  const { lists, terms } = seg.ngram
  const wire: WireSegment = {
    ...seg,
    ngram: {
      ...seg.ngram,
      lists: lists.range(0, lists.length),
      terms: { ...terms, deltas: terms.deltas.range(0, terms.deltas.length) },
    },
  }
  post({ type: 'done', seg: wire }, buffersOf(wire))
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e))
  post({ type: 'error', message: err.message, ...(err.stack ? { stack: err.stack } : {}) })
}
