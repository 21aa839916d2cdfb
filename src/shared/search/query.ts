// Query syntax: words (all must match), "quoted phrases", OR between alternatives, -exclusions,
// and fielded terms (query-fields.ts): `headline:低碳`, `byline:刘静`, `paper:jiangbei`,
// `type:photo`. Terms are normalized exactly like the text, so 發展, ＡＢＣ and "7月 12日" find
// 发展, abc, 7月12日.
import { UserFacingError } from '../errors'
import { normalize } from '../text/normalize'
import { BLOCK_TYPES } from '../types'
import type { BlockType } from '../types'
import { DOC_SEPARATOR } from './ngram'
import { fieldOfToken, typeOfValue } from './query-fields'
import type { TextField } from './query-fields'

export interface QueryTerm {
  /** Normalized text that must occur in the article (in `field` when given). */
  text: string
  /** As the user typed it, for messages. */
  raw: string
  /** Only this field counts: the title (kicker, headline, subheadline) or the byline. */
  field?: TextField
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms occurs. */
  all: QueryTerm[][]
  /** No term here may occur. */
  none: QueryTerm[]
  /**
   * `paper:` values (a slug or a paper's name, normalized), each a filter: a hit is in one of
   * them; `-paper:` values exclude. Resolved against the archive's papers by the engine.
   */
  papers?: string[]
  notPapers?: string[]
  /** `type:` values: a hit has one of these block types; `-type:` excludes. */
  types?: BlockType[]
  notTypes?: BlockType[]
}

export class QuerySyntaxError extends UserFacingError {
  override name = 'QuerySyntaxError'
  readonly errorCode = 'query-syntax'
}

/**
 * A query that would cost too much to answer: too many distinct terms, or more postings to walk
 * than one request may use. It is the user's to narrow, so its message says how.
 */
export class QueryTooBroadError extends UserFacingError {
  override name = 'QueryTooBroadError'
  readonly errorCode = 'query-too-broad'
}

/**
 * Distinct terms one query may have (positive and excluded, after repeats are dropped). Each term
 * is one pass over postings lists; a person narrowing a search uses a handful.
 */
export const MAX_QUERY_TERMS = 32

/**
 * Postings entries one query may touch: gathering, intersecting and verifying candidates. About
 * ten passes over the longest list of a 400k-article archive (a common character); every real
 * query measured in `npm run bench` stays far below.
 */
export const MAX_QUERY_WORK = 4_000_000

/** Counts the work of one evaluation and stops it, with QueryTooBroadError, past its limit. */
export class WorkBudget {
  used = 0
  constructor(readonly limit = MAX_QUERY_WORK) {}

  spend(n: number): void {
    this.used += n
    if (this.used > this.limit) {
      throw new QueryTooBroadError(
        'query too broad: it matches too much of the archive to answer; add a more specific word, a phrase in quotes, or a paper or date filter',
      )
    }
  }
}

interface Token {
  text: string
  quoted: boolean
  negated: boolean
  or: boolean
  /** The field named before a colon (`headline:`), lower-cased, when it is one we know. */
  field?: string
}

const QUOTES = '"“”＂'

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
    // `field:` before a word or a quoted phrase (`headline:"绿色 低碳"`).
    const named = fieldOfToken(q, i)
    let field: string | undefined
    if (named) {
      field = named.field
      i = named.end
    }
    const open = q[i] as string
    if (QUOTES.includes(open)) {
      // A missing closing quote quotes the rest of the query.
      let j = i + 1
      while (j < q.length && !QUOTES.includes(q[j] as string)) j++
      tokens.push({ text: q.slice(i + 1, j), quoted: true, negated, or: false, field })
      i = j + 1
      continue
    }
    let j = i
    while (j < q.length && !/\s/.test(q[j] as string) && !QUOTES.includes(q[j] as string)) j++
    const text = q.slice(i, j)
    const or = !negated && !field && (text === 'OR' || text === '|')
    tokens.push({ text, quoted: false, negated, or, ...(field ? { field } : {}) })
    i = j
  }
  return tokens
}

export function parseQuery(q: string): ParsedQuery {
  const all: QueryTerm[][] = []
  const none: QueryTerm[] = []
  const filters: Required<Pick<ParsedQuery, 'papers' | 'notPapers' | 'types' | 'notTypes'>> = {
    papers: [],
    notPapers: [],
    types: [],
    notTypes: [],
  }
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
    // paper: and type: narrow the hits like the request's filters (an OR before one is moot).
    if (token.field === 'paper' || token.field === 'type') {
      if (token.field === 'paper') (token.negated ? filters.notPapers : filters.papers).push(text)
      else {
        const type = typeOfValue(text)
        if (!type)
          throw new QuerySyntaxError(
            `type:${token.text} is not a block type; use one of ${BLOCK_TYPES.join(', ')}`,
          )
        ;(token.negated ? filters.notTypes : filters.types).push(type)
      }
      joinNext = false
      continue
    }
    const term: QueryTerm = { text, raw: token.text }
    if (token.field === 'headline' || token.field === 'byline') term.field = token.field
    if (token.negated) none.push(term)
    else if (joinNext) (all[all.length - 1] as QueryTerm[]).push(term)
    else all.push([term])
    joinNext = false
  }
  const hasFilter = filters.papers.length > 0 || filters.types.length > 0
  if (
    all.length === 0 &&
    (none.length > 0 || filters.notPapers.length || filters.notTypes.length)
  ) {
    throw new QuerySyntaxError('a query needs at least one word to look for, not only -exclusions')
  }
  if (all.length === 0 && hasFilter) {
    throw new QuerySyntaxError(
      'paper: and type: narrow a search; give a word to look for too (headline:… or byline:… will do)',
    )
  }
  const parsed = withoutRepeats({ all, none })
  for (const k of ['papers', 'notPapers', 'types', 'notTypes'] as const)
    if (filters[k].length) (parsed as Record<typeof k, unknown[]>)[k] = [...new Set(filters[k])]
  return parsed
}

/** The key of a term among others: its field and its text. */
export function termKey(t: QueryTerm): string {
  return t.field ? `${t.field}:${t.text}` : t.text
}

/**
 * The same query with every repeat dropped: a term twice in an OR group, a group that repeats
 * another (`的 的 的` = `的`), an exclusion given twice. Matching is unchanged (AND and OR are
 * idempotent), so a query's cost depends on what it asks, not on how often it says it.
 */
function withoutRepeats(query: ParsedQuery): ParsedQuery {
  const uniqueTerms = (terms: QueryTerm[]): QueryTerm[] => {
    const seen = new Set<string>()
    return terms.filter((t) => !seen.has(termKey(t)) && seen.add(termKey(t)))
  }
  const seenGroups = new Set<string>()
  const all: QueryTerm[][] = []
  for (const group of query.all) {
    const terms = uniqueTerms(group)
    // \u0001 never occurs in a term (it is the document separator), so the key is unambiguous.
    const key = terms.map(termKey).sort().join(DOC_SEPARATOR)
    if (seenGroups.has(key)) continue
    seenGroups.add(key)
    all.push(terms)
  }
  return { all, none: uniqueTerms(query.none) }
}

/** Refuses, with QueryTooBroadError, a query of more distinct terms than MAX_QUERY_TERMS. */
export function checkQuerySize(query: ParsedQuery): void {
  const distinct = new Set([...query.all.flat(), ...query.none].map(termKey))
  if (distinct.size > MAX_QUERY_TERMS) {
    throw new QueryTooBroadError(
      `query too broad: ${distinct.size} different words; at most ${MAX_QUERY_TERMS} can be searched at once`,
    )
  }
}

/** Every positive term, longest first (so overlapping highlights prefer the longer match). */
export function positiveTerms(query: ParsedQuery): string[] {
  const set = new Set(query.all.flat().map((t) => t.text))
  return [...set].sort((a, b) => b.length - a.length)
}
