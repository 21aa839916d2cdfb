// FlexSearch 0.8 with its CJK set-up: the CJK charset (every character a term) and a context
// index of depth 1 (each character with the next one), which is what narrows a phrase; results
// are verified, since characters and pairs in any order are not the phrase.
import type { Peer, PeerIndex } from './peer'
import { loadPeerPackage, verified } from './peer'

interface FlexIndex {
  add(id: number, text: string): void
  search(query: string, options: { limit: number }): number[]
}
interface FlexModule {
  Index: new (options: unknown) => FlexIndex
  Charset: { CJK: unknown }
}

const LIMIT = 2 ** 31 - 1

export const flexSearchPeer: Peer = {
  name: 'FlexSearch 0.8',
  setup: 'Charset.CJK, context depth 1, verified',
  build(texts): PeerIndex {
    const { Index, Charset } = loadPeerPackage('flexsearch') as FlexModule
    const index = new Index({
      encoder: Charset.CJK,
      resolution: 9,
      context: { depth: 1, bidirectional: false, resolution: 9 },
    })
    texts.forEach((text, id) => index.add(id, text))
    return {
      find(terms) {
        // Each word on its own (a multi-word query's words need not be adjacent), intersected.
        let candidates: Set<number> | undefined
        for (const t of terms) {
          const ids = index.search(t, { limit: LIMIT })
          candidates = candidates
            ? new Set(ids.filter((d) => (candidates as Set<number>).has(d)))
            : new Set(ids)
          if (candidates.size === 0) break
        }
        return verified(candidates ?? [], texts, terms)
      },
      notes: ['in memory only (its export is per-key callbacks, not one file)'],
    }
  },
}
