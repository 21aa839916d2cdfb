// MiniSearch 7 in the best set-up measured here for Chinese (README, "Search design"; shared
// notes): every character and every adjacent pair as a term, each character written as a
// 4-digit hex code so that the radix tree's nodes stay narrow (thousands of distinct first
// characters make its child scan crawl), combined with AND, candidates verified.
import MiniSearch from 'minisearch'
import type { Peer, PeerIndex } from './peer'
import { verified } from './peer'

const SEPARATOR = '\u0001'
const code = (c: string): string => c.charCodeAt(0).toString(16).padStart(4, '0')

/** Every character and every adjacent pair (none across the title/body separator). */
function grams(s: string): string[] {
  const out: string[] = []
  for (let i = 0; i < s.length; i++) {
    if (s[i] === SEPARATOR) continue
    out.push(code(s[i] as string))
    if (i + 1 < s.length && s[i + 1] !== SEPARATOR)
      out.push(code(s[i] as string) + code(s[i + 1] as string))
  }
  return out
}

/** A query word's terms: its pairs (its characters add nothing but cost), or its one character. */
function queryGrams(word: string): string[] {
  return word.length === 1 ? grams(word) : grams(word).filter((g) => g.length === 8)
}

const OPTIONS = {
  fields: ['text'],
  tokenize: grams,
  processTerm: (t: string): string => t,
  searchOptions: { combineWith: 'AND' as const },
}

export const miniSearchPeer: Peer = {
  name: 'MiniSearch 7',
  setup: 'chars + pairs as hex codes, AND, verified',
  build(texts): PeerIndex {
    const mini = new MiniSearch<{ id: number; text: string }>(OPTIONS)
    mini.addAll(texts.map((text, id) => ({ id, text })))
    const notes: string[] = []
    let diskBytes: number | undefined
    let reopenMs: number | undefined
    try {
      const json = JSON.stringify(mini)
      diskBytes = Buffer.byteLength(json)
      const t = performance.now()
      MiniSearch.loadJSON(json, OPTIONS).search('0030', { combineWith: 'AND' })
      reopenMs = performance.now() - t
    } catch (e) {
      // At the full corpus its JSON is longer than V8's longest string.
      notes.push(`JSON: ${(e as Error).message}`)
    }
    return {
      find(terms) {
        const hits = mini.search(terms.join(' '), {
          combineWith: 'AND',
          tokenize: (q: string) => q.split(' ').flatMap(queryGrams),
        })
        return verified(
          hits.map((h) => h.id as number),
          texts,
          terms,
        )
      },
      ...(diskBytes === undefined ? {} : { diskBytes }),
      ...(reopenMs === undefined ? {} : { reopenMs }),
      notes,
    }
  },
}
