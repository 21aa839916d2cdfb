// Answers that are the same for every client of one snapshot (the issue list, an issue, an
// article, a page's source) are serialized once and shared. Without it, 20 readers opening the
// same 100,000-article issue at once made the server build 20 copies of its 27 MB answer, as
// objects and as JSON strings (peak RSS 2.9 GB, `npm run bench:stall -- --big`). Identical
// requests in flight share one computation; finished answers are kept as Buffers (outside the
// JS heap) in an LRU bounded by bytes, per snapshot (a new catalog is a new scope, so a cached
// answer never outlives the archive it came from). Searches are never cached: their cost is
// bounded and the pool queues them.
import type { ArchiveMethod } from '../shared/contract'

/** A serialized answer: what sendEncoded writes. */
export interface EncodedAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** The verbs whose answer depends only on the snapshot and the arguments. */
export const SHARED_ANSWERS: ReadonlySet<ArchiveMethod> = new Set<ArchiveMethod>([
  'listIssues',
  'getIssue',
  'getArticle',
  'getPageSource',
])

export const ANSWER_CACHE_BYTES = 64 * 1024 * 1024

export class AnswerCache {
  private readonly done = new Map<string, EncodedAnswer>()
  private readonly flying = new Map<string, Promise<EncodedAnswer>>()
  private readonly scopes = new WeakMap<object, number>()
  private nextScope = 0
  private bytes = 0

  constructor(private readonly maxBytes = ANSWER_CACHE_BYTES) {}

  /** Bytes held by finished answers (for tests and status). */
  get heldBytes(): number {
    return this.bytes
  }

  /**
   * The answer for `key` in `scope` (the snapshot's API object): a kept one, the one being
   * made, or a new one from `make`. Only 200 answers are kept; others are shared while in flight.
   */
  get(scope: object, key: string, make: () => Promise<EncodedAnswer>): Promise<EncodedAnswer> {
    let id = this.scopes.get(scope)
    if (id === undefined) this.scopes.set(scope, (id = this.nextScope++))
    const k = `${id}\u0000${key}`
    const kept = this.done.get(k)
    if (kept) {
      // Most recently used last.
      this.done.delete(k)
      this.done.set(k, kept)
      return Promise.resolve(kept)
    }
    const flying = this.flying.get(k)
    if (flying) return flying
    const p = make().then(
      (answer) => {
        this.flying.delete(k)
        if (answer.status === 200) this.keep(k, answer)
        return answer
      },
      (e: unknown) => {
        this.flying.delete(k)
        throw e
      },
    )
    this.flying.set(k, p)
    return p
  }

  private keep(k: string, answer: EncodedAnswer): void {
    const size = answer.body.length + k.length
    if (size > this.maxBytes) return
    this.done.set(k, answer)
    this.bytes += size
    for (const [old, a] of this.done) {
      if (this.bytes <= this.maxBytes) break
      this.done.delete(old)
      this.bytes -= a.body.length + old.length
    }
  }
}
