// A least-recently-used cache bounded by the size of what it holds, not by a count: one issue
// view can be a few kilobytes or tens of megabytes (a hostile page), and one page of postings
// is 64 KiB, so "64 entries" bounds nothing. An entry larger than the whole budget is not kept
// at all. Pure (no node:), so the index's page cache (search/paged-bytes.ts) shares it.
export class SizeLru<K, V> {
  private readonly entries = new Map<K, { value: V; size: number }>()
  private total = 0

  constructor(
    readonly budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: K): V | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    // Refresh its place in the LRU order.
    this.entries.delete(key)
    this.entries.set(key, e)
    return e.value
  }

  set(key: K, value: V): void {
    this.delete(key)
    const size = this.sizeOf(value)
    if (size > this.budget) return
    this.entries.set(key, { value, size })
    this.total += size
    for (const [k, e] of this.entries) {
      if (this.total <= this.budget) break
      this.entries.delete(k)
      this.total -= e.size
    }
  }

  delete(key: K): void {
    const e = this.entries.get(key)
    if (!e) return
    this.entries.delete(key)
    this.total -= e.size
  }

  /** Drops every entry whose key `drop` selects (a closed segment's pages). */
  deleteWhere(drop: (key: K) => boolean): void {
    for (const k of [...this.entries.keys()]) if (drop(k)) this.delete(k)
  }

  /** Entries and the size they hold (for tests and figures). */
  stats(): { entries: number; size: number } {
    return { entries: this.entries.size, size: this.total }
  }
}
