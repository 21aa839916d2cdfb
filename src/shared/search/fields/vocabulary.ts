// The archive's own vocabulary, from the short fields of every live article: the words of its
// titles (kicker, headline, subheadline; Intl.Segmenter's word boundaries), adjacent word pairs
// that recur (phrases), the names in its bylines and its papers' names — each with the number
// of articles whose field has it. This is what suggestions, quick open and "did you mean" draw
// on (field-index.ts); bodies are left to the n-gram index.
import { normalize } from '../../text/normalize'
import type { SuggestionKind } from '../../types'
import { listLengthAt } from '../ngram'
import { forEachTerm } from '../term-dictionary'
import type { SearchIndex } from '../compose-index'
import { segmentByline, segmentDocCount, segmentTitle } from '../segment'

/**
 * Body words of two characters kept as phrases: at most this many, the most frequent (each costs
 * MiniSearch ~800 bytes of heap: bench:fields).
 */
export const BODY_PAIRS_MAX = 10_000
/** A pair the segmenter splits is still a phrase when this share of its rarer character's articles have it. */
export const PAIR_COHESION = 0.5

export const KINDS: readonly SuggestionKind[] = ['headline', 'byline', 'paper', 'phrase']

export interface VocabularyEntry {
  /** Normalized: what is matched. */
  term: string
  /** As printed (the first form seen). */
  text: string
  kind: SuggestionKind
  /** Articles whose field has it. */
  count: number
  /** A paper's slug (paper entries). */
  ref?: string
}

/** A phrase (two adjacent title words) is kept when this many articles have it. */
export const PHRASE_MIN_COUNT = 3

/** Role words before the names in a byline: 本报记者 刘静 → 刘静. */
const BYLINE_ROLES =
  /(本报|特约|见习|实习|首席)?(记者|通讯员|实习生|摄影|编辑|撰稿|评论员|通讯|整理|文\/图|文|图)[：:\s]*/g

/** The names in a byline: role words dropped, split at separators; 2 to 8 characters each. */
export function bylineNames(byline: string): string[] {
  return byline
    .replace(BYLINE_ROLES, ' ')
    .split(/[\s,，、;；/|·]+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && s.length <= 8 && /^\p{Script=Han}+$/u.test(s))
}

const HAN_OR_LETTER = /[\p{Script=Han}\p{L}]/u

let segmenter: Intl.Segmenter | undefined

/** The words of a title worth suggesting: word-like, two or more characters, not only digits. */
export function titleWords(title: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const out: string[] = []
  for (const s of segmenter.segment(title))
    if (s.isWordLike && s.segment.length >= 2 && HAN_OR_LETTER.test(s.segment)) out.push(s.segment)
  return out
}

class Counter {
  readonly entries = new Map<string, VocabularyEntry>()
  add(kind: SuggestionKind, text: string, seen: Set<string>, n = 1): void {
    const term = normalize(text)
    if (!term) return
    const key = `${kind}\u0001${term}`
    if (seen.has(key)) return
    seen.add(key)
    const e = this.entries.get(key)
    if (e) e.count += n
    else this.entries.set(key, { term, text, kind, count: n })
  }
}

/** The vocabulary of the live documents of `index`; `papers` names the papers. */
export function buildVocabulary(
  index: SearchIndex,
  papers: readonly { slug: string; name: string }[],
): VocabularyEntry[] {
  const counter = new Counter()
  const perPaper = new Map<string, number>()
  const wordsOfTitle = new Map<string, string[]>()
  for (const ref of index.segments) {
    const n = segmentDocCount(ref.seg)
    const { issue } = ref.seg.docs
    for (let d = 0; d < n; d++) {
      const local = issue[d] as number
      if (ref.deleted[local]) continue
      const paper = (ref.seg.issues[local] as { paper: string }).paper
      perPaper.set(paper, (perPaper.get(paper) ?? 0) + 1)
      const seen = new Set<string>()
      // Intl.Segmenter costs ~6 µs a character: a title a paper repeats is segmented once.
      const title = segmentTitle(ref.seg, d)
      let words = wordsOfTitle.get(title)
      if (!words) wordsOfTitle.set(title, (words = titleWords(title)))
      words.forEach((w, i) => {
        counter.add('headline', w, seen)
        const next = words[i + 1]
        if (next) counter.add('phrase', w + next, seen)
      })
      for (const name of bylineNames(segmentByline(ref.seg, d))) counter.add('byline', name, seen)
    }
  }
  const out = [...counter.entries.values()].filter(
    (e) => e.kind !== 'phrase' || e.count >= PHRASE_MIN_COUNT,
  )
  const phrases = new Set(out.filter((e) => e.kind === 'phrase').map((e) => e.term))
  for (const e of frequentPairs(index)) if (!phrases.has(e.term)) out.push(e)
  for (const p of papers) {
    const count = perPaper.get(p.slug) ?? 0
    out.push({ term: normalize(p.name), text: p.name, kind: 'paper', count, ref: p.slug })
    if (normalize(p.slug) !== normalize(p.name))
      out.push({ term: normalize(p.slug), text: p.name, kind: 'paper', count, ref: p.slug })
  }
  return out
}

const HAN = /^\p{Script=Han}{2}$/u

/**
 * Frequent words of the bodies, read off the n-gram index instead of the text: each posted pair
 * of Han characters with its list length (the articles that contain it, summed over segments),
 * kept when it is a word by itself (Intl.Segmenter does not split it). Documents of removed
 * issues still count until a merge drops them.
 */
export function frequentPairs(index: SearchIndex): VocabularyEntry[] {
  const df = new Map<string, number>()
  const charDf = new Map<string, number>()
  for (const ref of index.segments) {
    const { charIds, radix, terms } = ref.seg.ngram
    const chars = new Array<string>(radix)
    for (let c = 0; c < 0x10000; c++)
      if (charIds[c]) chars[charIds[c] as number] = String.fromCharCode(c)
    forEachTerm(terms, (key, start, end) => {
      const n = listLengthAt(ref.seg.ngram, start, end)
      if (n < PHRASE_MIN_COUNT) return
      if (key < radix) {
        const c = chars[key] ?? ''
        charDf.set(c, (charDf.get(c) ?? 0) + n)
        return
      }
      const pair =
        (chars[Math.floor((key - radix) / radix)] ?? '') + (chars[(key - radix) % radix] ?? '')
      if (!HAN.test(pair)) return
      df.set(pair, (df.get(pair) ?? 0) + n)
    })
  }
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const out: VocabularyEntry[] = []
  for (const [term, count] of [...df].sort((a, b) => b[1] - a[1])) {
    if (out.length >= BODY_PAIRS_MAX) break
    // A pair whose rarer character mostly occurs in it (低碳: ICU splits it, yet most articles
    // with 碳 have 低碳), or else a word by the segmenter's dictionary (asked only then: it is
    // slow); 展和 is neither.
    const rarer = Math.min(charDf.get(term[0] as string) ?? 0, charDf.get(term[1] as string) ?? 0)
    if (count >= PAIR_COHESION * rarer || [...segmenter.segment(term)].length === 1)
      out.push({ term, text: term, kind: 'phrase', count })
  }
  return out
}

/** The vocabulary's rules, stored with a persisted field index: a change rebuilds it. */
export const VOCABULARY_OPTIONS = {
  version: 2,
  phraseMinCount: PHRASE_MIN_COUNT,
  bodyPairsMax: BODY_PAIRS_MAX,
  pairCohesion: PAIR_COHESION,
} as const
