// The People's Daily set of `npm run bench:segment`: February 2019 of
// caspiankexin/people-daily-crawler-date, one file per article (`YYYYMMDD-PP-NN.txt`: heading
// lines, a blank line, paragraphs indented with two ideographic spaces). It is not licensed for
// redistribution, so nothing of it is committed: it is read from a local mirror of that
// repository at a fixed commit, extracted with the 7-Zip binary of the `7zip-bin` package, and
// rebuilt into bench/.cache/people-daily/ in two forms:
// - web: a page's articles joined as published on the web (headings, blank line, indented
//   paragraphs, a blank line between articles);
// - pdf: the same text the way PDF extraction gives it: paragraphs re-wrapped at 20–30
//   characters (one width per page) with their indents dropped, headings kept whole.
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { GoldBlock, GoldPageT } from './segment-gold'

export const PD_COMMIT = '0e607dd825f0cf709bc751a575af426c30f5f67a'
export const PD_ARCHIVE = '2019年数据/2019年2月.7z'
export const PD_MIRROR_ENV = 'PEOPLE_DAILY_MIRROR'
export const PD_DEFAULT_MIRROR = '/work/.mirror/caspiankexin+people-daily-crawler-date/repo'

export type PdForm = 'web' | 'pdf'
export interface PdPage {
  name: string
  text: string
  gold: GoldPageT
}

interface ArticleFile {
  heading: string[]
  paragraphs: string[]
}

const SENTENCE_END = /[。！？!?；;：:，,、…」』”’）)]$/

/** Splits one per-article file into its heading lines and its paragraphs. */
export function parseArticleFile(raw: string): ArticleFile {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n')
  let i = 0
  while (i < lines.length && (lines[i] as string).trim() === '') i++
  const heading: string[] = []
  // Heading lines: unindented lines up to the first blank or indented line.
  while (i < lines.length) {
    const l = lines[i] as string
    if (l.trim() === '' || /^[\s\u3000]/.test(l)) break
    heading.push(l.trim())
    i++
  }
  const paragraphs: string[] = []
  for (; i < lines.length; i++) {
    const p = (lines[i] as string).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    if (p) paragraphs.push(p)
  }
  return { heading, paragraphs }
}

/**
 * The lines an article's title may be made of: its heading lines and, in files whose heading is
 * only a column name, the short title-like lines that open the body (a headline, a byline).
 */
function titleLines(a: ArticleFile): string[] {
  const out = [...a.heading]
  for (const p of a.paragraphs.slice(0, 3)) {
    if (p.length > 32 || SENTENCE_END.test(p)) break
    out.push(p)
  }
  return out
}

function wrap(p: string, width: number): string[] {
  const out: string[] = []
  for (let i = 0; i < p.length; i += width) out.push(p.slice(i, i + width))
  return out
}

/** Builds one page in one form, with its gold blocks (one article per file). */
export function buildPage(name: string, files: ArticleFile[], form: PdForm, width: number): PdPage {
  const out: string[] = []
  const blocks: GoldBlock[] = []
  for (const a of files) {
    if (a.heading.length === 0 && a.paragraphs.length === 0) continue
    if (out.length) out.push('')
    const first = out.length + 1
    out.push(...a.heading)
    if (a.heading.length) out.push('')
    for (const p of a.paragraphs) {
      if (form === 'web') out.push(`\u3000\u3000${p}`)
      else out.push(...wrap(p, width))
    }
    while (out.length && out[out.length - 1] === '') out.pop()
    const heading = titleLines(a)
    const block: GoldBlock = { lines: [first, Math.max(first, out.length)], type: 'article' }
    if (heading.length) block.headingLines = heading
    blocks.push(block)
  }
  return { name, text: `${out.join('\n')}\n`, gold: { source: name, blocks } }
}

/**
 * The 7-Zip binary of `7zip-bin`. Its tarball does not always keep the executable bit, so the
 * binary is copied into the cache and made executable there (node_modules is left as it is).
 */
function sevenZip(cache: string): string | undefined {
  let path7za: string
  try {
    const require = createRequire(import.meta.url)
    ;({ path7za } = require('7zip-bin') as { path7za: string })
  } catch {
    return undefined
  }
  if (!existsSync(path7za)) return undefined
  const copy = join(cache, '7za')
  if (!existsSync(copy)) {
    copyFileSync(path7za, `${copy}.tmp`)
    chmodSync(`${copy}.tmp`, 0o755)
    renameSync(`${copy}.tmp`, copy)
  }
  return copy
}

/**
 * Extracts the month into `cache/raw` once (atomically: a temp folder renamed into place).
 * Returns the reason when it cannot: no mirror, no commit, no extractor.
 */
export function ensureRaw(cache: string): string | undefined {
  const raw = join(cache, 'raw')
  if (existsSync(raw)) return undefined
  const mirror = process.env[PD_MIRROR_ENV] ?? PD_DEFAULT_MIRROR
  if (!existsSync(mirror))
    return `no mirror of caspiankexin/people-daily-crawler-date at ${mirror} (set ${PD_MIRROR_ENV} to a clone or bare git dir of it)`
  const bin = sevenZip(cache)
  if (!bin) return 'no 7-Zip binary (the 7zip-bin devDependency is not installed: run npm ci)'
  let archive: Buffer
  try {
    archive = execFileSync('git', ['--git-dir', mirror, 'show', `${PD_COMMIT}:${PD_ARCHIVE}`], {
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch {
    return `${mirror} has no ${PD_ARCHIVE} at commit ${PD_COMMIT}`
  }
  const tmp = join(cache, `raw.tmp-${process.pid}`)
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  writeFileSync(join(tmp, 'month.7z'), archive)
  try {
    execFileSync(bin, ['x', '-y', `-o${tmp}`, join(tmp, 'month.7z')], { stdio: 'ignore' })
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true })
    return `7-Zip could not extract ${PD_ARCHIVE}: ${(e as Error).message}`
  }
  rmSync(join(tmp, 'month.7z'))
  renameSync(tmp, raw)
  return undefined
}

function listArticleFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...listArticleFiles(p))
    else if (/^\d{8}-\d{2}-\d{2}\.txt$/.test(e.name)) out.push(p)
  }
  return out
}

/** A page width in [20, 30] that depends only on the page's name. */
function widthOf(name: string): number {
  let h = 0
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0
  return 20 + (h % 11)
}

/** The month's pages in one form, or the reason they cannot be had. */
export function peopleDailyPages(cache: string, form: PdForm): PdPage[] | string {
  mkdirSync(cache, { recursive: true })
  const reason = ensureRaw(cache)
  if (reason) return reason
  const byPage = new Map<string, string[]>()
  for (const f of listArticleFiles(join(cache, 'raw')).sort()) {
    const base = f.slice(f.lastIndexOf('/') + 1)
    const key = base.slice(0, 11)
    let list = byPage.get(key)
    if (!list) byPage.set(key, (list = []))
    list.push(f)
  }
  const pages: PdPage[] = []
  for (const [key, paths] of byPage) {
    const files = paths.map((p) => parseArticleFile(readFileSync(p, 'utf8')))
    const page = buildPage(`${key}.txt`, files, form, widthOf(key))
    if (page.gold.blocks.length) pages.push(page)
  }
  return pages
}
