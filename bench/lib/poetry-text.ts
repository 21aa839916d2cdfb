// Turns one chinese-poetry JSON file into the text of one newspaper-like page: every poem (or
// chapter, lyric, biography …) becomes a markdown heading `## title`, then its author line and
// its lines, so that the archive's segmenter cuts the page into one article per poem.
//
// The collections have different shapes (arrays of {title, author, paragraphs}, {rhythmic, …},
// {chapter, paragraphs}, {content: [...]}, books with nested content lists …). Rather than
// one reader per collection, a generic walk takes a title from the first title-like field,
// the author from `author`, and every other string as a line; a nested list of objects makes
// each object its own entry, titled with its parents' titles.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

export interface Entry {
  title: string
  author: string
  lines: string[]
}

const TITLE_KEYS = ['title', 'rhythmic', 'chapter', 'name', 'section', 'type']
/** Identifiers and metadata, not text a reader searches. */
const META_KEYS = new Set(['id', 'strains', 'error_type', 'no#', 'volume', 'tags', 'spells'])
/** A markdown heading longer than the segmenter's limit (60) would not be read as a heading. */
const MAX_TITLE = 48

const isObject = (v: Json): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isNested = (v: Json): v is Json[] => Array.isArray(v) && v.some(isObject)

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function collectStrings(v: Json, out: string[]): void {
  if (typeof v === 'string') {
    for (const raw of v.split(/\r?\n/)) {
      // A line starting with '#' would turn into a heading and cut the poem in two.
      const line = raw.trim().replace(/^#+/, (m) => '＃'.repeat(m.length))
      if (line) out.push(line)
    }
  } else if (Array.isArray(v)) {
    for (const x of v) if (!isObject(x)) collectStrings(x, out)
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) if (!META_KEYS.has(k)) collectStrings(x, out)
  }
}

function walkObject(obj: JsonObject, parents: string[], out: Entry[]): void {
  const titleKey = TITLE_KEYS.find((k) => typeof obj[k] === 'string' && oneLine(obj[k]) !== '')
  const title = titleKey ? oneLine(obj[titleKey] as string) : ''
  const author = typeof obj.author === 'string' ? oneLine(obj.author) : ''
  const lines: string[] = []
  const children: Json[][] = []
  for (const [k, v] of Object.entries(obj)) {
    if (k === titleKey || k === 'author' || META_KEYS.has(k)) continue
    if (isNested(v)) children.push(v)
    collectStrings(v, lines)
  }
  const path = title ? [...parents, title] : parents
  if (lines.length > 0) out.push({ title: path.join(' · '), author, lines })
  for (const list of children) for (const x of list) if (isObject(x)) walkObject(x, path, out)
}

/** The entries (poems, chapters …) of one parsed JSON file. */
export function entriesOf(json: Json): Entry[] {
  const out: Entry[] = []
  if (Array.isArray(json)) {
    const loose: string[] = []
    for (const x of json) {
      if (isObject(x)) walkObject(x, [], out)
      else collectStrings(x, loose)
    }
    if (loose.length) out.push({ title: '', author: '', lines: loose })
  } else if (isObject(json)) {
    walkObject(json, [], out)
  }
  return out
}

function headingOf(title: string): string {
  if (!title) return '无题'
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title
}

/** One page of text: `## title`, blank line, author and lines, blank line, next entry … */
export function pageText(entries: readonly Entry[]): string {
  const parts: string[] = []
  for (const e of entries) {
    parts.push(`## ${headingOf(e.title)}`, '')
    if (e.author) parts.push(e.author)
    parts.push(...e.lines, '')
  }
  return parts.join('\n')
}

export function parsePoetryFile(text: string): Entry[] {
  return entriesOf(JSON.parse(text) as Json)
}
