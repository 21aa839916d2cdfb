// Per-article import (issue 13, item 4). Vendors and crawlers deliver a day of a paper as one
// text file per article, named YYYYMMDD-PP-NN.txt (the date, the page, the article's place on
// the page), with exact boundaries the segmenter would only guess again. A folder of such files
// imports as pages whose articles are exactly those files: each page's files are joined in
// order, a blank line between two, into the one page file the archive stores (so provenance and
// the page as laid out still work), and the catalog records each file's range in it, which the
// reader takes as the page's articles instead of segmenting it (given-articles.ts). The joined
// pages are written to a scratch folder outside the archive and then imported as page files;
// the files given are only read. A folder that mixes the layout with other page files, a gap
// or a repeat in a page's numbering, an empty or unreadable article file: each is an error
// naming the file and what to do, and nothing is imported.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { PageProblem } from '../../shared/archive/import-report'
import { isValidIsoDate } from '../../shared/archive/catalog'
import { decodeText, DecodeError } from '../../shared/text/decode'
import type { EncodingLabel } from '../../shared/text/decode'
import { readRegularFile } from '../safe-path'
import { hasArticleManifest, loadArticleManifest } from './article-manifest'
import { makeScratch } from './scratch'
import { MANIFEST_FILE } from './manifest'
import type { FileMeta } from './manifest'

/** An article file's name: YYYYMMDD-PP-NN.txt. */
export const ARTICLE_FILE = /^(\d{4})(\d{2})(\d{2})-(\d{1,3})-(\d{1,3})\.txt$/i

/** A page joined from its article files. */
export interface JoinedPage {
  date: string
  page: number
  /** The article files, in order (absolute paths). */
  files: string[]
  /** Each file's [start, end) in the joined text. */
  articles: [number, number][]
}

export interface PerArticleInputs {
  /** The inputs to read: a per-article folder is replaced by the folder of its joined pages. */
  inputs: string[]
  /** Joined pages by their scratch file's absolute path. */
  pages: Map<string, JoinedPage>
  /** What each joined page file is (date, page, its provenance note), for planImport. */
  overrides: Map<string, FileMeta>
  /** What an article manifest says of a joined page file (its paper), as a manifest's metadata. */
  manifest: Map<string, FileMeta>
  problems: PageProblem[]
  /** Whether two joined page files come from one folder's files of one date (one issue). */
  sameDay(a: string, b: string): boolean
  /** Deletes the scratch folder (after the import, or its refusal). */
  cleanup(): void
}

/** How the report names a joined page: its article files, first … last. */
export function joinedDisplay(j: JoinedPage): string {
  const first = j.files[0] as string
  const last = j.files.at(-1) as string
  const span = j.files.length > 1 ? `${basename(first)} … ${basename(last)}` : basename(first)
  return `${join(dirname(first), span)} (${j.files.length} article file(s), joined)`
}

const error = (code: string, message: string): PageProblem => ({ level: 'error', code, message })

/**
 * Whether `dir` holds per-article files: an article manifest (article-manifest.ts) lists them,
 * or at least one is named YYYYMMDD-PP-NN.txt.
 */
export function isPerArticleFolder(dir: string): boolean {
  try {
    if (!statSync(dir).isDirectory()) return false
    return hasArticleManifest(dir) || readdirSync(dir).some((n) => ARTICLE_FILE.test(n))
  } catch {
    return false
  }
}

interface Named {
  path: string
  name: string
  date: string
  page: number
  n: number
}

function namedFiles(dir: string, problems: PageProblem[]): Named[] {
  const out: Named[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || !/\.txt$/i.test(e.name)) continue
    const path = join(dir, e.name)
    const m = ARTICLE_FILE.exec(e.name)
    if (!m || !e.isFile()) {
      problems.push(
        error(
          'per-article',
          `${path}: ${e.isFile() ? 'not named YYYYMMDD-PP-NN.txt' : 'not a regular file'}, in a folder of per-article files; a folder is imported either as one file per article or as one file per page: move it out, or rename it after its date, page and place on the page`,
        ),
      )
      continue
    }
    const date = `${m[1]}-${m[2]}-${m[3]}`
    const page = Number(m[4])
    const n = Number(m[5])
    if (!isValidIsoDate(date))
      problems.push(error('per-article', `${path}: ${m[1]}${m[2]}${m[3]} is not a date (YYYYMMDD)`))
    else if (page < 1 || n < 1)
      problems.push(
        error('per-article', `${path}: pages and articles are numbered from 1 (PP and NN ≥ 01)`),
      )
    else out.push({ path, name: e.name, date, page, n })
  }
  return out
}

/** The page's files in order, after checking its numbering runs 1, 2, … without a gap or a repeat. */
function ordered(dir: string, group: Named[], problems: PageProblem[]): Named[] | undefined {
  const byN = new Map<number, Named[]>()
  for (const f of group) byN.set(f.n, [...(byN.get(f.n) ?? []), f])
  const first = group[0] as Named
  const where = `page ${first.page} of ${first.date}`
  let ok = true
  for (const [n, same] of byN)
    if (same.length > 1) {
      ok = false
      problems.push(
        error(
          'per-article',
          `${same.map((f) => join(dir, f.name)).join(' and ')}: both are article ${n} of ${where}; keep one, or renumber`,
        ),
      )
    }
  const last = Math.max(...byN.keys())
  for (let n = 1; n <= last; n++)
    if (!byN.has(n)) {
      ok = false
      const pp = String(first.page).padStart(2, '0')
      const name = `${first.date.replace(/-/g, '')}-${pp}-${String(n).padStart(2, '0')}.txt`
      problems.push(
        error(
          'per-article',
          `${join(dir, name)} is missing: the articles of ${where} run from 01 to ${String(last).padStart(2, '0')} without a gap; add it, or renumber the files after it`,
        ),
      )
    }
  return ok ? [...group].sort((a, b) => a.n - b.n) : undefined
}

/** One article file's text, or a problem naming it. */
function articleText(
  f: Named,
  declared: EncodingLabel | undefined,
  problems: PageProblem[],
): string | undefined {
  try {
    const text = decodeText(readRegularFile(f.path), declared).text.replace(/\s+$/u, '')
    if (!text.trim()) {
      problems.push(
        error('per-article', `${f.path}: has no text; remove it and renumber the files after it`),
      )
      return undefined
    }
    // Leading empty lines are one: it says the heading has no kicker (given-articles.ts).
    return text.replace(/^\s*\n/u, '\n')
  } catch (e) {
    if (!(e instanceof DecodeError) && !(e instanceof Error && 'code' in e)) throw e
    problems.push(error('decode', `${f.path}: ${(e as Error).message}`))
    return undefined
  }
}

/** The page files of one folder's articles, grouped by page in order; undefined when refused. */
function pagesOf(
  dir: string,
  declared: EncodingLabel | undefined,
  problems: PageProblem[],
): { groups: Named[][]; via: string; encoding?: EncodingLabel; paper?: string } | undefined {
  if (hasArticleManifest(dir)) {
    const m = loadArticleManifest(dir, problems)
    if (!m) return undefined
    const groups = m.pages.map((p) =>
      p.files.map((path, k) => ({
        path,
        name: basename(path),
        date: m.date,
        page: p.page,
        n: k + 1,
      })),
    )
    const out: ReturnType<typeof pagesOf> = { groups, via: ` as ${MANIFEST_FILE} lists them` }
    if (m.encoding) out.encoding = m.encoding
    if (m.paper) out.paper = m.paper
    return out
  }
  const byPage = new Map<string, Named[]>()
  for (const f of namedFiles(dir, problems)) {
    const key = `${f.date}/${f.page}`
    byPage.set(key, [...(byPage.get(key) ?? []), f])
  }
  const groups: Named[][] = []
  for (const group of byPage.values()) {
    const files = ordered(dir, group, problems)
    // Every file is read all the same, so that one refusal names all that is wrong with the page.
    if (!files) group.forEach((f) => articleText(f, declared, problems))
    else groups.push(files)
  }
  return { groups, via: '' }
}

/**
 * The inputs of a batch with every per-article folder among them joined into page files in a
 * scratch folder. Other inputs are passed on as they are.
 */
export function joinPerArticle(
  inputs: readonly string[],
  declared?: EncodingLabel,
): PerArticleInputs {
  const pages = new Map<string, JoinedPage>()
  const overrides = new Map<string, FileMeta>()
  const manifest = new Map<string, FileMeta>()
  const problems: PageProblem[] = []
  let scratch: string | undefined
  const out: string[] = []
  for (const given of inputs) {
    const dir = resolve(given)
    if (!isPerArticleFolder(dir)) {
      out.push(given)
      continue
    }
    const found = pagesOf(dir, declared, problems)
    if (!found) continue
    scratch ??= makeScratch()
    const folder = mkdtempSync(join(scratch, 'batch-'))
    for (const files of found.groups) {
      const texts = files.map((f) => articleText(f, declared ?? found.encoding, problems))
      if (texts.some((t) => t === undefined)) continue
      let joined = ''
      const articles: [number, number][] = []
      for (const t of texts as string[]) {
        if (joined) joined += '\n\n'
        articles.push([joined.length, joined.length + t.length])
        joined += t
      }
      const { date, page } = files[0] as Named
      const path = join(folder, `${date}-p${page}.txt`)
      writeFileSync(path, `${joined}\n`, 'utf8')
      pages.set(path, { date, page, files: files.map((f) => f.path), articles })
      const range = `${(files[0] as Named).name}${files.length > 1 ? ` … ${(files.at(-1) as Named).name}` : ''}`
      overrides.set(path, {
        date,
        page,
        encoding: 'utf-8',
        note: `Joined from ${files.length} article file(s), one article each: ${range} (in ${dir}${found.via}).`,
      })
      if (found.paper) manifest.set(path, { paper: found.paper })
    }
    out.push(folder)
  }
  return {
    inputs: out,
    pages,
    overrides,
    manifest,
    problems,
    sameDay: (a, b) => {
      const x = pages.get(a)
      const y = pages.get(b)
      return (
        !!x &&
        !!y &&
        x.date === y.date &&
        dirname(x.files[0] as string) === dirname(y.files[0] as string)
      )
    },
    cleanup: () => {
      if (scratch) rmSync(scratch, { recursive: true, force: true })
    },
  }
}
