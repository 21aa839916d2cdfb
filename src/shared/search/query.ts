// Query syntax: words (all must match), "quoted phrases", OR between alternatives, -exclusions.
// Terms are normalized exactly like the text, so 發展, ＡＢＣ and "7月 12日" find 发展, abc, 7月12日.
import { normalize } from '../text/normalize'
import { DOC_SEPARATOR } from './ngram'

export interface QueryTerm {
  /** Normalized text that must occur in the article. */
  text: string
  /** As the user typed it, for messages. */
  raw: string
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms occurs. */
  all: QueryTerm[][]
  /** No term here may occur. */
  none: QueryTerm[]
}

export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError'
}

interface Token {
  text: string
  quoted: boolean
  negated: boolean
  or: boolean
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < q.length) {
    const c = q[i] as string
    if (/\s/.test(c)) {
      i++
      continue
    }
    let negated = false
    if ((c === '-' || c === '－') && i + 1 < q.length && !/\s/.test(q[i + 1] as string)) {
      negated = true
      i++
    }
    const open = q[i] as string
    if (open === '"' || open === '“' || open === '”' || open === '＂') {
      // A missing closing quote quotes the rest of the query.
      let j = i + 1
      while (j < q.length && !'"“”＂'.includes(q[j] as string)) j++
      tokens.push({ text: q.slice(i + 1, j), quoted: true, negated, or: false })
      i = j + 1
      continue
    }
    let j = i
    while (j < q.length && !/\s/.test(q[j] as string) && !'"“”＂'.includes(q[j] as string)) j++
    const text = q.slice(i, j)
    tokens.push({ text, quoted: false, negated, or: !negated && (text === 'OR' || text === '|') })
    i = j
  }
  return tokens
}

export function parseQuery(q: string): ParsedQuery {
  const all: QueryTerm[][] = []
  const none: QueryTerm[] = []
  let joinNext = false
  for (const token of tokenize(q)) {
    if (token.or) {
      joinNext = all.length > 0
      continue
    }
    // The separator goes before normalizing: removed after, it could leave a term ending in a
    // space ("ab \u0001" → "ab "), which normalized text never holds at a term's edge.
    const text = normalize(token.text.split(DOC_SEPARATOR).join(''))
    if (!text) continue
    const term = { text, raw: token.text }
    if (token.negated) none.push(term)
    else if (joinNext) (all[all.length - 1] as QueryTerm[]).push(term)
    else all.push([term])
    joinNext = false
  }
  if (all.length === 0 && none.length > 0) {
    throw new QuerySyntaxError('a query needs at least one word to look for, not only -exclusions')
  }
  return { all, none }
}

/** Every positive term, longest first (so overlapping highlights prefer the longer match). */
export function positiveTerms(query: ParsedQuery): string[] {
  const set = new Set(query.all.flat().map((t) => t.text))
  return [...set].sort((a, b) => b.length - a.length)
}
