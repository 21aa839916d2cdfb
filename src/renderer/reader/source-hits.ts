// Where the query's words stand in a page's source text, for highlighting the extracted layout.
// The engine's matches are positions in the reflowed text; the source still has its line
// breaks (often inside a word) and a stray space here and there, so each word is looked for
// with any whitespace allowed between its characters. Excluded words (-x) and OR are not words
// to highlight. An approximation for the eye — the reflowed text keeps the exact matches.
import type { Range } from '../../shared/types'

/** The words of `q` to highlight: quoted phrases and plain words, without -excluded ones. */
export function highlightTerms(q: string): string[] {
  const out: string[] = []
  for (const m of q.matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    const word = m[2] ?? m[3] ?? ''
    if (m[1] === '-' || word.startsWith('-') || word === 'OR' || !word.trim()) continue
    out.push(word.replace(/\s+/g, ''))
  }
  return out
}

const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Ranges of the words of `q` in text[from, to), sorted and not overlapping. */
export function sourceHits(text: string, q: string, from = 0, to = text.length): Range[] {
  const terms = highlightTerms(q)
  if (terms.length === 0) return []
  const pattern = terms
    .map((t) => [...t].map(escape).join('\\s*'))
    .sort((a, b) => b.length - a.length)
    .join('|')
  const re = new RegExp(pattern, 'giu')
  re.lastIndex = from
  const out: Range[] = []
  const slice = text.slice(0, to)
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    out.push([m.index, m.index + m[0].length])
  }
  return out
}
