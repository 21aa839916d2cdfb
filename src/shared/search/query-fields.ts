// The fields a query term may name (`headline:低碳`, `byline:刘静`, `paper:江北报`, `type:photo`)
// and their aliases. A word before a colon that is not one of them stays ordinary text, so
// `12:30` or `http://…` are searched as typed.
import { BLOCK_TYPES } from '../types'
import type { BlockType } from '../types'

/** The text fields a term can be limited to: the title (kicker, headline, subheadline), the byline. */
export type TextField = 'headline' | 'byline'
export type QueryField = TextField | 'paper' | 'type'

/** Field names as typed (lower-cased; the colon may be full-width) → the field. */
export const FIELD_NAMES: Readonly<Record<string, QueryField>> = {
  headline: 'headline',
  title: 'headline',
  byline: 'byline',
  author: 'byline',
  paper: 'paper',
  type: 'type',
}

/**
 * The field named at `q[i]` (`headline:` or `headline：`) and where its value starts, when a known
 * field name is followed by a colon and then by something that is not a space.
 */
export function fieldOfToken(q: string, i: number): { field: QueryField; end: number } | undefined {
  const m = /^([A-Za-z]+)[:：](?=\S)/.exec(q.slice(i, i + 12))
  if (!m) return undefined
  const field = FIELD_NAMES[(m[1] as string).toLowerCase()]
  return field ? { field, end: i + m[0].length } : undefined
}

/** The block type a `type:` value names (normalized, so lower-case), if it names one. */
export function typeOfValue(value: string): BlockType | undefined {
  return BLOCK_TYPES.find((b) => b === value)
}
