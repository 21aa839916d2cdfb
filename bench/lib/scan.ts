// The scan baseline: every article's normalized text in one joined string, searched with
// `indexOf`. Of the JavaScript scans measured (issue 16) it is the fastest honest one — about
// twice a per-article `includes` loop — so the engine is judged against the best a scan can do.
// Kept free of project imports: the cold-scan child loads it and nothing else.

/** Between two articles; never in normalized text, so no term matches across a boundary. */
export const SCAN_SEPARATOR = '\u0000'

export class JoinedScan {
  readonly text: string
  /** starts[d] is where article d begins; starts[n] = text.length + 1. */
  readonly starts: Uint32Array

  constructor(text: string) {
    this.text = text
    let n = 1
    for (let at = text.indexOf(SCAN_SEPARATOR); at >= 0; at = text.indexOf(SCAN_SEPARATOR, at + 1))
      n++
    this.starts = new Uint32Array(n + 1)
    let d = 1
    for (let at = text.indexOf(SCAN_SEPARATOR); at >= 0; at = text.indexOf(SCAN_SEPARATOR, at + 1))
      this.starts[d++] = at + 1
    this.starts[n] = text.length + 1
  }

  static of(texts: readonly string[]): JoinedScan {
    return new JoinedScan(texts.join(SCAN_SEPARATOR))
  }

  get count(): number {
    return this.starts.length - 1
  }

  /** The article holding offset `at` (binary search over the starts). */
  private docAt(at: number): number {
    let lo = 0
    let hi = this.starts.length - 2
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if ((this.starts[mid] as number) <= at) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** Articles (ascending) containing every one of `terms` (already normalized). */
  find(terms: readonly string[]): number[] {
    if (terms.length === 0) return []
    const [first, ...rest] = terms as [string, ...string[]]
    const out: number[] = []
    const { text, starts } = this
    for (let at = text.indexOf(first); at >= 0;) {
      const d = this.docAt(at)
      const end = (starts[d + 1] as number) - 1
      let all = true
      if (rest.length) {
        // Only this article's span (a slice is a cheap view in V8): a miss must not scan the
        // rest of the archive.
        const doc = text.slice(starts[d] as number, end)
        for (const t of rest) if (!(all = doc.includes(t))) break
      }
      if (all) out.push(d)
      // Next occurrence after this article: one hit per article.
      at = text.indexOf(first, end + 1)
    }
    return out
  }
}
