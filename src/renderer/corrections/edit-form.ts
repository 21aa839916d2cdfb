// The edit form's state and the EditRequest it stands for (the same for the edit mode and the
// read-only correction request), and the request's human sentence.
import type { CorrectionEntry } from '../../shared/archive/corrections'
import type { EditKind, EditRequest } from '../../shared/corrections-contract'
import type { Article, BlockType } from '../../shared/types'

/** The kinds a correction request offers: each is made from the article's own page. */
export const EDIT_KINDS: readonly EditKind[] = ['fix-text', 'split', 'merge', 'retitle', 'retype']
/** The edit mode's: also linking a continuation across pages, and taking one apart. */
export const EDIT_MODE_KINDS: readonly EditKind[] = [...EDIT_KINDS, 'link', 'unlink']

export interface EditForm {
  kind: EditKind
  before: string
  occurrence: string
  find: string
  replace: string
  type: BlockType
  kicker: string
  headline: string
  subheadline: string
  byline: string
  /** link: the article (on another page) that continues this one. */
  linkTarget: string
  /** unlink: only the continuation to or from this page ('' = every one). */
  unlinkPage: string
  note: string
}

export function initialForm(article: Article, kind: EditKind = 'fix-text'): EditForm {
  return {
    kind,
    before: '',
    occurrence: '',
    find: '',
    replace: '',
    type: article.type,
    kicker: article.kicker ?? '',
    headline: article.headlineDerived ? '' : article.headline,
    subheadline: article.subheadline ?? '',
    byline: article.byline ?? '',
    linkTarget: '',
    unlinkPage: '',
    note: '',
  }
}

function occurrenceOf(form: EditForm): { occurrence?: number } {
  const n = Number(form.occurrence)
  return form.occurrence.trim() && Number.isInteger(n) && n > 0 ? { occurrence: n } : {}
}

export function requestOf(form: EditForm, article: Article): EditRequest {
  const base = { articleId: article.id, ...(form.note.trim() ? { note: form.note.trim() } : {}) }
  switch (form.kind) {
    case 'split':
      return { kind: 'split', ...base, before: form.before, ...occurrenceOf(form) }
    case 'merge':
      return { kind: 'merge', ...base }
    case 'retype':
      return { kind: 'retype', ...base, type: form.type }
    case 'retitle':
      return {
        kind: 'retitle',
        ...base,
        fields: {
          kicker: form.kicker,
          headline: form.headline,
          subheadline: form.subheadline,
          byline: form.byline,
        },
      }
    case 'link':
      return { kind: 'link', ...base, target: form.linkTarget }
    case 'unlink': {
      const page = Number(form.unlinkPage)
      return {
        kind: 'unlink',
        ...base,
        ...(form.unlinkPage && Number.isInteger(page) && page > 0 ? { toPage: page } : {}),
      }
    }
    case 'fix-text':
      return {
        kind: 'fix-text',
        ...base,
        find: form.find,
        replace: form.replace,
        ...occurrenceOf(form),
      }
  }
}

/** The values a request's sentence (edSentence_*) fills in. */
export function sentenceVars(
  entry: CorrectionEntry,
  request: EditRequest,
  article: Article,
): Record<string, string> {
  const vars: Record<string, string> = {}
  if (request.kind === 'split') vars.before = request.before
  if (request.kind === 'link') vars.target = request.target
  if (request.kind === 'fix-text')
    Object.assign(vars, { find: request.find, replace: request.replace })
  if (entry.kind === 'retype') Object.assign(vars, { type: entry.type, was: article.type })
  if (entry.kind === 'retitle')
    vars.fields = Object.entries(entry.fields)
      .map(([k, v]) => `${k}: “${v}”`)
      .join(', ')
  return vars
}

/** The selected text, when it lies inside `root` (the article). */
export function selectionIn(root: Element | null): string {
  const sel = typeof window === 'undefined' ? null : window.getSelection()
  if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return ''
  const range = sel.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return ''
  return sel.toString().replace(/\s+/g, '').slice(0, 200)
}
