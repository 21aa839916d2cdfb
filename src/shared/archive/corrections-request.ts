// An edit the reader's edit mode asks for (corrections-contract.ts: EditRequest) made into a
// correction entry (corrections-make.ts). The reader names places by the text it shows — the
// article's body, reflowed — while entries are anchored in the page text, which also holds the
// article's title lines: an occurrence counted in the body is moved past the title's.
import type { EditRequest } from '../corrections-contract'
import type { Article } from '../types'
import { TITLE_FIELDS } from './corrections'
import type { CorrectionEntry, TitleField } from './corrections'
import {
  EditError,
  makeFixText,
  makeLink,
  makeMerge,
  makeRetitle,
  makeRetype,
  makeSplit,
  makeUnlink,
} from './corrections-make'
import type { EditPage } from './corrections-make'
import { parseArticleId } from './issue'

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** How often `needle` occurs in `text`, any whitespace allowed between its characters. */
export function occurrences(text: string, needle: string): number {
  const chars = [...needle.replace(/\s+/g, '')]
  if (!chars.length) return 0
  return [...text.matchAll(new RegExp(chars.map(escape).join('\\s*'), 'gu'))].length
}

/**
 * The occurrence in the article's page range that is occurrence `n` of its body (undefined:
 * the body has it once, and so may the range).
 */
function pageOccurrence(
  page: EditPage,
  article: Article,
  needle: string,
  n: number | undefined,
): number | undefined {
  const [s, e] = article.sourceRange
  const inRange = occurrences(page.text.slice(s, e), needle)
  const inBody = occurrences(article.text, needle)
  if (inBody === 0) throw new EditError(`"${needle}" is not in the text of ${article.id}`)
  if (n !== undefined && n > inBody)
    throw new EditError(`"${needle}" occurs ${inBody} time(s) in ${article.id}, not ${n}`)
  if (n === undefined && inBody > 1)
    throw new EditError(
      `"${needle}" occurs ${inBody} times in ${article.id}: choose which one, or give more text`,
    )
  // The title comes first: the range's extra occurrences are in it.
  const skip = Math.max(0, inRange - inBody)
  return skip === 0 && n === undefined ? undefined : skip + (n ?? 1)
}

function articleOf(page: EditPage, id: string): Article {
  const a = page.articles.find((x) => x.id === id)
  if (!a) throw new EditError(`no article "${id}" on page ${page.page} of ${page.issue}`)
  return a
}

/**
 * The entry `request` stands for, on `page`; `pages` are the issue's pages, where a link's target
 * is looked for (a request made from one page alone cannot link).
 */
export function entryForRequest(
  page: EditPage,
  request: EditRequest,
  pages: readonly EditPage[] = [page],
): CorrectionEntry {
  const a = articleOf(page, request.articleId)
  switch (request.kind) {
    case 'split':
      return makeSplit(
        page,
        a.id,
        {
          before: request.before,
          ...optional('occurrence', pageOccurrence(page, a, request.before, request.occurrence)),
        },
        request.note,
      )
    case 'merge':
      return makeMerge(page, a.id, request.note)
    case 'retype':
      return makeRetype(page, a.id, request.type, request.note)
    case 'retitle': {
      const fields: Partial<Record<TitleField, string>> = {}
      for (const f of TITLE_FIELDS) {
        const value = request.fields[f]?.trim()
        if (value !== undefined && value !== (a[f] ?? '')) fields[f] = value
      }
      if (!Object.keys(fields).length) throw new EditError('the title fields are as they were')
      return makeRetitle(page, a.id, fields, request.note)
    }
    case 'link': {
      const ref = parseArticleId(request.target)
      const target =
        ref?.issueId === page.issue ? pages.find((p) => p.page === ref.page) : undefined
      if (!target)
        throw new EditError(
          `"${request.target}" is not an article of ${page.issue} on another page`,
        )
      return makeLink(page, a.id, target, request.target, request.note)
    }
    case 'unlink':
      return makeUnlink(page, a.id, request.toPage, request.note)
    case 'fix-text':
      return makeFixText(
        page,
        a.id,
        request.find,
        request.replace,
        pageOccurrence(page, a, request.find, request.occurrence),
        request.note,
      )
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}
