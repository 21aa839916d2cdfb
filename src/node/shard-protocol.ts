// What the main thread and a shard worker (shard-worker.ts) pass each other while an index is
// built on several threads (shard-build.ts).
import type { MessagePort } from 'node:worker_threads'
import type { CorrectionEntry } from '../shared/archive/corrections'
import type { TermDictionary } from '../shared/search/term-dictionary'
import type { NgramIndexData } from '../shared/search/ngram'
import type { IndexSegment } from '../shared/search/segment'
import type { Catalog } from '../shared/types'

export interface ShardJob {
  dir: string
  /** The shard's issues only (with the archive's papers): their doc `issue` numbers count from 0. */
  catalog: Catalog
  corrections: readonly CorrectionEntry[]
  /** Where the worker posts its messages (read by the blocked main thread: receiveMessageOnPort). */
  port: MessagePort
  /** Int32 slot 0 is bumped and notified after every message, waking the main thread. */
  signal: SharedArrayBuffer
}

export type ShardMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'log'; message: string }
  | { type: 'done'; seg: WireSegment }
  | { type: 'error'; message: string; stack?: string }

/**
 * A segment as it crosses threads: its postings and its dictionary's varints as the bytes
 * themselves, since a structured clone keeps no class (the PlainBytes around them is put back
 * on arrival).
 */
export type WireSegment = Omit<IndexSegment, 'ngram'> & {
  ngram: Omit<NgramIndexData, 'lists' | 'terms'> & {
    lists: Uint8Array
    terms: Omit<TermDictionary, 'deltas'> & { deltas: Uint8Array }
  }
}
