// Query sampling for the warm benchmark: substrings of random articles' normalized text (each
// found at least in the article it came from), multi-word queries, and traditional-form queries
// (as printed in the traditional sources, and simplified text converted with OpenCC). Seeded,
// so a run can be repeated and compared.
import * as OpenCC from 'opencc-js/cn2t'
import { normalize } from '../../src/shared/text/normalize'
import { randInt } from './rng'
import type { Rng } from '../../tests/support/rng'

export type QueryKind =
  'substring' | 'multi-word' | 'multi-word-cross' | 'trad-source' | 'trad-opencc'

export interface SampledQuery {
  q: string
  kind: QueryKind
}

export interface SampleDoc {
  /** normalize(headline) + '\u0001' + normalize(text), as the index holds it. */
  norm: string
  /** The reflowed text as printed (traditional sources stay traditional). */
  raw: string
}

export const QUERY_MIX: Record<QueryKind, number> = {
  substring: 200,
  'multi-word': 20,
  'multi-word-cross': 10,
  'trad-source': 15,
  'trad-opencc': 15,
}

const HAN = /\p{Script=Han}/u
const SEPARATOR = '\u0001'
const WORDISH = /[\p{L}\p{N}]/u

/** A query the syntax reads as one plain term: no spaces, quotes or a leading minus. */
function plainTerm(s: string): boolean {
  if (s.length === 0 || /[\s"“”＂]/.test(s) || s.includes(SEPARATOR) || /^[-－]/.test(s))
    return false
  if (/^[\udc00-\udfff]/.test(s) || /[\ud800-\udbff]$/.test(s)) return false // split surrogate pair
  return WORDISH.test(s)
}

const hanOf = (s: string): string => [...s].filter((c) => HAN.test(c)).join('')

function bodyOf(doc: SampleDoc): string {
  const sep = doc.norm.indexOf(SEPARATOR)
  const body = doc.norm.slice(sep + 1)
  return body.length >= 2 ? body : doc.norm.slice(0, sep)
}

function substringOf(rng: Rng, text: string, min: number, max: number): string | undefined {
  if (text.length < min) return undefined
  const len = randInt(rng, min, Math.min(max, text.length))
  const start = randInt(rng, 0, text.length - len)
  return text.slice(start, start + len)
}

export function sampleQueries(rng: Rng, docs: readonly SampleDoc[]): SampledQuery[] {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const pickDoc = (): SampleDoc => docs[Math.floor(rng() * docs.length)] as SampleDoc
  const normalizedTerm = (min: number, max: number, doc = pickDoc()): string | undefined => {
    const s = substringOf(rng, bodyOf(doc), min, max)
    return s !== undefined && plainTerm(s) && normalize(s) === s ? s : undefined
  }
  const makers: Record<QueryKind, () => string | undefined> = {
    substring: () => normalizedTerm(2, 8),
    'multi-word': () => {
      const doc = pickDoc()
      const a = normalizedTerm(2, 4, doc)
      const b = normalizedTerm(2, 4, doc)
      return a && b && a !== b ? `${a} ${b}` : undefined
    },
    'multi-word-cross': () => {
      const a = normalizedTerm(2, 3)
      const b = normalizedTerm(2, 3)
      return a && b && a !== b ? `${a} ${b}` : undefined
    },
    'trad-source': () => {
      const s = substringOf(rng, pickDoc().raw, 2, 8)
      if (s === undefined || !plainTerm(s)) return undefined
      const n = normalize(s)
      return plainTerm(n) && hanOf(n) !== hanOf(s) ? s : undefined
    },
    'trad-opencc': () => {
      const s = normalizedTerm(2, 8)
      if (s === undefined) return undefined
      const t = toTraditional(s)
      return t !== s && plainTerm(t) ? t : undefined
    },
  }
  const out: SampledQuery[] = []
  const seen = new Set<string>()
  let missing = 0
  for (const [kind, count] of Object.entries(QUERY_MIX) as [QueryKind, number][]) {
    let got = 0
    for (let attempt = 0; got < count && attempt < count * 200; attempt++) {
      const q = makers[kind]()
      if (q === undefined || seen.has(q)) continue
      seen.add(q)
      out.push({ q, kind })
      got++
    }
    missing += count - got
  }
  // A corpus without traditional text cannot give every kind; plain substrings make up the count.
  for (let attempt = 0; missing > 0 && attempt < 100_000; attempt++) {
    const q = makers.substring()
    if (q === undefined || seen.has(q)) continue
    seen.add(q)
    out.push({ q, kind: 'substring' })
    missing--
  }
  return out
}

/** What a sampled query asks for, the way the scan checks it: every word must occur. */
export function queryTerms(q: string): string[] {
  return q
    .split(/\s+/)
    .map((w) => normalize(w))
    .filter((w) => w.length > 0)
}
