// Citations of one newspaper article in the formats archivists and reference managers use:
// GB/T 7714-2015 (the Chinese national standard, newspaper type [N], [N/OL] when read online with
// its access date and URL), BibTeX and RIS. A date the page does not print (inferred) is marked:
// in square brackets in GB/T 7714 (the standard's form for an estimated date), in a note in the
// others. A story continued across pages (下转 / 上接) is cited with all its pages: `(1, 2)`.
import type { Article, DateSource } from '../../shared/types'

export interface CitationSource {
  article: Pick<Article, 'id' | 'headline' | 'byline' | 'page' | 'story'>
  paperName: string
  date: string
  dateSource: DateSource
  /** Where it was read: the reading room's http URL, or the app's archive-reader:// link. */
  url?: string
  /** When it was read (YYYY-MM-DD). */
  accessed?: string
}

export type CitationFormat = 'gbt7714' | 'bibtex' | 'ris'
export const CITATION_FORMATS: readonly CitationFormat[] = ['gbt7714', 'bibtex', 'ris']

/** `记者刘静` → `刘静`: the byline names the reporter after a role word. */
export function authorOf(byline: string | undefined): string | undefined {
  if (!byline) return undefined
  const name = byline
    .replace(/^(本报|特约)?(记者|通讯员|见习记者|实习生|撰文|文\/|文)\s*[:：]?\s*/u, '')
    .trim()
  return name || undefined
}

/**
 * Archive text is data: a line break in a paper's name or a headline must not start a new RIS
 * tag or close a BibTeX field, so every value is one line.
 */
function oneLine(v: string): string {
  return v.replace(/[\s\u2028\u2029]+/gu, ' ').trim()
}

function flat(s: CitationSource): CitationSource {
  const { byline, headline } = s.article
  return {
    ...s,
    paperName: oneLine(s.paperName),
    article: {
      ...s.article,
      headline: oneLine(headline),
      ...(byline === undefined ? {} : { byline: oneLine(byline) }),
    },
  }
}

/** The headline without the trailing ellipsis added to long, cut headlines. */
function title(s: CitationSource): string {
  return s.article.headline.replace(/…$/u, '').trim()
}

/** The pages of the article's story (all its parts), or its own page. */
function pagesOf(s: CitationSource): number[] {
  return s.article.story?.pages ?? [s.article.page]
}

export function gbt7714(source: CitationSource): string {
  const s = flat(source)
  const author = authorOf(s.article.byline)
  const date = s.dateSource === 'inferred' ? `[${s.date}]` : s.date
  const online = s.url !== undefined
  const head = `${author ? `${author}. ` : ''}${title(s)}[${online ? 'N/OL' : 'N'}]. ${s.paperName}, ${date}(${pagesOf(s).join(', ')})`
  if (!online) return `${head}.`
  return `${head}${s.accessed ? `[${s.accessed}]` : ''}. ${oneLine(s.url ?? '')}.`
}

function bibEscape(v: string): string {
  return v.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/([%&$#_])/g, '\\$1')
}

export function bibtex(source: CitationSource): string {
  const s = flat(source)
  const [year, month] = s.date.split('-')
  const key = s.article.id.replace(/[^A-Za-z0-9-]/g, '-')
  const author = authorOf(s.article.byline)
  const fields: [string, string][] = [
    ...(author ? ([['author', author]] as [string, string][]) : []),
    ['title', title(s)],
    ['journal', s.paperName],
    ['date', s.date],
    ['year', year ?? ''],
    ['month', String(Number(month))],
    ['pages', pagesOf(s).join(',')],
    ...(s.url ? ([['url', oneLine(s.url)]] as [string, string][]) : []),
    ...(s.accessed ? ([['urldate', s.accessed]] as [string, string][]) : []),
    [
      'note',
      `Archive Reader ${s.article.id}${s.dateSource === 'inferred' ? '; date inferred' : ''}`,
    ],
  ]
  return `@article{${key},\n${fields.map(([k, v]) => `  ${k} = {${bibEscape(v)}},`).join('\n')}\n}`
}

export function ris(source: CitationSource): string {
  const s = flat(source)
  const author = authorOf(s.article.byline)
  const lines = [
    'TY  - NEWS',
    ...(author ? [`AU  - ${author}`] : []),
    `TI  - ${title(s)}`,
    `T2  - ${s.paperName}`,
    `PY  - ${s.date.slice(0, 4)}`,
    `DA  - ${s.date.replace(/-/g, '/')}`,
    `SP  - ${pagesOf(s)[0]}`,
    ...(pagesOf(s).length > 1 ? [`EP  - ${pagesOf(s).at(-1)}`] : []),
    `ID  - ${s.article.id}`,
    ...(s.url ? [`UR  - ${oneLine(s.url)}`] : []),
    ...(s.accessed ? [`Y2  - ${s.accessed.replace(/-/g, '/')}`] : []),
    ...(s.dateSource === 'inferred' ? ['N1  - Date inferred (not printed on the page)'] : []),
    'ER  - ',
  ]
  return lines.join('\r\n')
}

export function cite(format: CitationFormat, s: CitationSource): string {
  return format === 'gbt7714' ? gbt7714(s) : format === 'bibtex' ? bibtex(s) : ris(s)
}
