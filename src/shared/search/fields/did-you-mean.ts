// "Did you mean": when a search finds nothing or very little, nearby queries that find more —
// the same query with one term replaced by an archive term one character away (changed,
// dropped or added: field-index.ts nearbyTerms), by a variant form of one of its characters,
// or by the term with one character dropped — each counted by running it with the same
// filters. Mistyped and variant characters are common in Chinese input (a wrong candidate of
// the input method, a variant the normalizer does not fold).
//
// It is its own verb (contract.ts `didYouMean`), asked only after a search found at most
// DID_YOU_MEAN_MAX_HITS, and its cost is capped: the vocabulary is asked about at most
// TERMS_MAX of the query's terms, and at most DID_YOU_MEAN_CHECKS candidates are counted, each
// by one search without snippets (bench:fields measures its p50/p95).
import { parseQuery } from '../query'
import type { QueryTerm } from '../query'
import { DID_YOU_MEAN_MAX_HITS } from '../../rules'
import type { DidYouMean, SearchRequest, SuggestionKind } from '../../types'
import { nearbyTerms } from './field-index'
import type { FieldIndex } from './field-index'

/** At most this many are offered. */
export const DID_YOU_MEAN_MAX = 5
/** At most this many candidates are counted, each by one search: the verb's cost cap. */
export const DID_YOU_MEAN_CHECKS = 12
/** The vocabulary (a fuzzy MiniSearch lookup each) is asked about at most this many terms. */
const TERMS_MAX = 6

/**
 * Variant forms the normalizer (NFKC + OpenCC traditional → simplified) leaves apart — most
 * variants it folds already (著/着, 於/于, 裡/里, 夠/够: tests/…/did-you-mean.test.ts checks
 * that these stay apart) — offered as `variant`.
 */
export const VARIANTS: Readonly<Record<string, string>> = {
  余: '馀',
  馀: '余',
  略: '畧',
  畧: '略',
  你: '妳',
  妳: '你',
  姐: '姊',
  姊: '姐',
}

/**
 * Characters an input method confuses (same or close pinyin), offered as `substituted` when the
 * vocabulary has no term one character away: 的/地, 在/再, 作/做, 炭/碳 …
 */
export const CONFUSABLE: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '的地',
    '在再',
    '作做',
    '须需',
    '即既',
    '帐账',
    '订定',
    '历厉',
    '副付',
    '园圆',
    '制治',
    '以已',
    '经径',
    '带戴',
    '划画',
    '竟竞',
    '炭碳',
    '炼练',
    '辨辩',
    '权全',
    '象向',
    '型形',
  ].flatMap((p) => [
    [p[0] as string, p[1] as string],
    [p[1] as string, p[0] as string],
  ]),
)

interface Candidate {
  term: QueryTerm
  to: string
  change: DidYouMean['change']
  /** Vocabulary count, to order candidates before they are counted. */
  weight: number
}

const KINDS_OF: Record<string, SuggestionKind[]> = {
  headline: ['headline', 'phrase'],
  byline: ['byline'],
}

function changeOf(from: string, to: string): DidYouMean['change'] {
  return to.length < from.length ? 'dropped' : to.length > from.length ? 'added' : 'substituted'
}

function candidates(fi: FieldIndex, terms: QueryTerm[]): Candidate[] {
  const out: Candidate[] = []
  terms.forEach((term, n) => {
    const t = term.text
    if (n < TERMS_MAX)
      for (const e of nearbyTerms(fi, t, term.field ? KINDS_OF[term.field] : undefined))
        out.push({ term, to: e.text, change: changeOf(t, e.term), weight: e.count })
    for (let i = 0; i < t.length; i++) {
      const c = t[i] as string
      const swap = (to: string, change: DidYouMean['change']): void => {
        out.push({ term, to: t.slice(0, i) + to + t.slice(i + 1), change, weight: 0 })
      }
      if (VARIANTS[c]) swap(VARIANTS[c], 'variant')
      if (CONFUSABLE[c]) swap(CONFUSABLE[c], 'substituted')
    }
    if (t.length >= 3)
      for (let i = 0; i < t.length; i++)
        out.push({ term, to: t.slice(0, i) + t.slice(i + 1), change: 'dropped', weight: -1 })
  })
  const seen = new Set<string>()
  return out
    .sort((a, b) => b.weight - a.weight)
    .filter((c) => {
      const key = `${c.term.raw}\u0001${c.to}`
      if (seen.has(key) || c.to === c.term.text || !c.to) return false
      seen.add(key)
      return true
    })
}

/** `q` with the first occurrence of the term as typed replaced by `to`. */
function replaced(q: string, raw: string, to: string): string {
  const at = q.indexOf(raw)
  return at < 0 ? q : q.slice(0, at) + to + q.slice(at + raw.length)
}

export interface NearbyQueries {
  offers: DidYouMean[]
  /** Candidates counted (searches run), at most DID_YOU_MEAN_CHECKS. */
  checked: number
}

/**
 * Nearby queries for `request`, which found `total` hits: none above DID_YOU_MEAN_MAX_HITS.
 * `count` gives a request's hits (undefined when it cannot be run); it is called at most
 * DID_YOU_MEAN_CHECKS times.
 */
export function didYouMean(
  fi: FieldIndex,
  request: SearchRequest,
  total: number,
  count: (r: SearchRequest) => number | undefined,
): NearbyQueries {
  const none: NearbyQueries = { offers: [], checked: 0 }
  if (total > DID_YOU_MEAN_MAX_HITS || !request.q.trim()) return none
  let terms: QueryTerm[]
  try {
    terms = parseQuery(request.q).all.flat()
  } catch {
    return none
  }
  const offers: DidYouMean[] = []
  const seen = new Set<string>()
  let checked = 0
  for (const c of candidates(fi, terms)) {
    if (checked >= DID_YOU_MEAN_CHECKS) break
    const q = replaced(request.q, c.term.raw, c.to)
    if (q === request.q || seen.has(q)) continue
    seen.add(q)
    checked++
    const n = count({ ...request, q, offset: 0, limit: 1 })
    if (n === undefined || n <= total) continue
    offers.push({ q, from: c.term.raw, to: c.to, change: c.change, total: n })
  }
  offers.sort((a, b) => b.total - a.total)
  return { offers: offers.slice(0, DID_YOU_MEAN_MAX), checked }
}
