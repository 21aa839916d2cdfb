// The advanced search form's query: its fields written in the query syntax people type (words,
// "phrase", a OR b, -exclude, and the fielded headline:/byline:/paper:/type: terms), so the form
// teaches the syntax instead of hiding it; and the way back, a query read into the fields, so the
// form opens on the search already on screen. Pure: tests/renderer/search/query-compose.test.ts.
import type { BlockType } from '../../shared/types'
import { BLOCK_TYPES } from '../../shared/types'

export interface QueryFields {
  /** Words that must all occur (space separated). */
  all: string
  /** One exact phrase. */
  phrase: string
  /** Words of which any one is enough. */
  any: string
  /** Words that must not occur. */
  none: string
  /** Words that must be in the headline (kicker, headline, subheadline). */
  headline: string
  /** Words (names) that must be in the byline. */
  byline: string
  /** A paper's slug. */
  paper: string
  /** A block type, or '' for any. */
  type: BlockType | ''
}

export const EMPTY_FIELDS: QueryFields = {
  all: '',
  phrase: '',
  any: '',
  none: '',
  headline: '',
  byline: '',
  paper: '',
  type: '',
}

export const FIELD_PREFIXES = ['headline', 'byline', 'paper', 'type'] as const
export type FieldPrefix = (typeof FIELD_PREFIXES)[number]
/** Other names the parser accepts for a field (title: = headline:, author: = byline:). */
const ALIASES: Readonly<Record<string, FieldPrefix>> = { title: 'headline', author: 'byline' }

// The syntax has no escape: a quote always opens or closes a phrase, so a value cannot hold one.
const QUOTES = /["“”＂]/g

function words(s: string): string[] {
  return s.replace(QUOTES, ' ').trim().split(/\s+/).filter(Boolean)
}

/** A word as one term: quoted when the parser would read it otherwise (OR, -x, a:b). */
function term(w: string): string {
  if (w === 'OR' || w === '|' || /^[-－]/.test(w) || /^[a-z]+:/i.test(w)) return `"${w}"`
  return w
}

/** `field:value`, quoted when the value has a space. */
function fielded(field: FieldPrefix, value: string): string {
  const v = value.replace(QUOTES, ' ').trim().replace(/\s+/g, ' ')
  return v.includes(' ') ? `${field}:"${v}"` : `${field}:${v}`
}

/** The fields as one query string; '' when every field is empty. */
export function composeQuery(f: QueryFields): string {
  const parts: string[] = words(f.all).map(term)
  const phrase = f.phrase.replace(QUOTES, ' ').trim().replace(/\s+/g, ' ')
  if (phrase) parts.push(`"${phrase}"`)
  const any = words(f.any).map(term)
  // OR joins a term to the one before it, so the alternatives stay together as one group.
  if (any.length > 0) parts.push(any.join(' OR '))
  for (const w of words(f.headline)) parts.push(fielded('headline', w))
  for (const w of words(f.byline)) parts.push(fielded('byline', w))
  if (f.paper.trim()) parts.push(fielded('paper', f.paper))
  if (f.type) parts.push(fielded('type', f.type))
  for (const w of words(f.none)) parts.push(`-${term(w)}`)
  return parts.join(' ')
}

interface Token {
  text: string
  quoted: boolean
  negated: boolean
  field?: FieldPrefix
}

/** The query's tokens as the parser reads them (query.ts), with the fielded prefixes split off. */
function tokenize(q: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < q.length) {
    if (/\s/.test(q[i] as string)) {
      i++
      continue
    }
    let negated = false
    if ('-－'.includes(q[i] as string) && i + 1 < q.length && !/\s/.test(q[i + 1] as string)) {
      negated = true
      i++
    }
    let field: FieldPrefix | undefined
    const m = /^([a-z]+):/i.exec(q.slice(i))
    const name = m?.[1]?.toLowerCase()
    const canonical = name ? (ALIASES[name] ?? name) : undefined
    if (name && canonical && (FIELD_PREFIXES as readonly string[]).includes(canonical)) {
      field = canonical as FieldPrefix
      i += name.length + 1
    }
    if ('"“”＂'.includes(q[i] as string)) {
      let j = i + 1
      while (j < q.length && !'"“”＂'.includes(q[j] as string)) j++
      out.push({ text: q.slice(i + 1, j), quoted: true, negated, ...(field ? { field } : {}) })
      i = j + 1
      continue
    }
    let j = i
    while (j < q.length && !/\s/.test(q[j] as string) && !'"“”＂'.includes(q[j] as string)) j++
    out.push({ text: q.slice(i, j), quoted: false, negated, ...(field ? { field } : {}) })
    i = j
  }
  return out
}

export interface ReadQuery {
  fields: QueryFields
  /** The fields say exactly what the query says (composing them gives the same search). */
  exact: boolean
}

/**
 * The query read into the form's fields. A query the form cannot say (two phrases, two OR
 * groups, an OR with a fielded term, two papers) is read as far as it goes, with `exact` false.
 */
export function readQuery(q: string): ReadQuery {
  const f: QueryFields = { ...EMPTY_FIELDS }
  const add = (key: 'all' | 'any' | 'none' | 'headline' | 'byline', w: string): void => {
    f[key] = f[key] ? `${f[key]} ${w}` : w
  }
  let exact = true
  const tokens = tokenize(q)
  // Which tokens are joined by OR to a neighbour: they form the "any" group.
  const groups: Token[][] = []
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token
    const isOr =
      !tok.quoted && !tok.negated && !tok.field && (tok.text === 'OR' || tok.text === '|')
    if (isOr) {
      const last = groups.at(-1)
      const next = tokens[k + 1]
      if (last && next && !next.negated) {
        last.push(next)
        k++
      }
      continue
    }
    groups.push([tok])
  }
  let anySeen = false
  for (const group of groups) {
    const tok = group[0] as Token
    if (group.length > 1) {
      if (anySeen || group.some((t) => t.field || t.negated)) exact = false
      if (!anySeen) for (const t of group) add('any', t.text.trim().replace(/\s+/g, ' '))
      anySeen = true
      continue
    }
    if (!tok.text.trim()) continue
    if (tok.negated) {
      if (tok.field || /\s/.test(tok.text.trim())) exact = false
      add('none', tok.text.trim())
    } else if (tok.field === 'headline' || tok.field === 'byline') {
      if (/\s/.test(tok.text.trim())) exact = false
      add(tok.field, tok.text.trim())
    } else if (tok.field === 'paper') {
      if (f.paper) exact = false
      f.paper = tok.text.trim()
    } else if (tok.field === 'type') {
      const type = tok.text.trim().toLowerCase() as BlockType
      if (f.type || !BLOCK_TYPES.includes(type)) exact = false
      else f.type = type
    } else if (tok.quoted && /\s/.test(tok.text.trim())) {
      if (f.phrase) exact = false
      else f.phrase = tok.text.trim().replace(/\s+/g, ' ')
    } else if (tok.quoted && !f.phrase && !/^(OR|\||[-－].*|[a-z]+:.*)$/i.test(tok.text)) {
      // A quoted single word is a phrase of one word.
      f.phrase = tok.text.trim()
    } else {
      add('all', tok.text.trim())
    }
  }
  if (exact && normalizeQuery(composeQuery(f)) !== normalizeQuery(q)) exact = false
  return { fields: f, exact }
}

/** Two queries that differ only in order and spacing of their parts compare equal. */
function normalizeQuery(q: string): string {
  return tokenize(q)
    .map((t) => `${t.negated ? '-' : ''}${t.field ?? ''}:${t.quoted ? 'q' : ''}:${t.text.trim()}`)
    .sort()
    .join('\n')
}
