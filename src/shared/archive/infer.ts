// What a page's text (and its file name) says about where it belongs: the printed date, the
// paper's name, the page number. Librarians confirm these before an import uses them, so every
// guess carries the evidence it was read from.
import { foldTable, foldToSimplified } from '../text/fold'
import { isValidIsoDate } from './catalog'
import type { CatalogPaper } from '../types'

export interface Evidence<T> {
  value: T
  /** The text it was read from, e.g. "2023年6月9日 星期五" (line 5). */
  evidence: string
  line: number
}

export interface PrintedDate extends Evidence<string> {
  /** The weekday printed beside the date, 0 = Sunday, when there is one. */
  weekday?: number
  /** False when a printed weekday does not fall on that date. */
  weekdayMatches?: boolean
}

const HAN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 }
const NUM = '[0-9０-９〇零一二三四五六七八九十]'
const DATE = new RegExp(
  `(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日(?:\\s*(?:星期|周|礼拜)([一二三四五六日天]))?`,
  'g',
)

/** 2023, ２０２３, 二〇二三 → 2023; 十二 → 12; 二十九 → 29. NaN when it is not a number. */
export function parseNumber(s: string): number {
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  if (/^\d+$/.test(ascii)) return Number(ascii)
  if (!s.includes('十')) {
    // Digit by digit: 二〇二三.
    let n = 0
    for (const c of s) {
      const d = HAN_DIGITS[c]
      if (d === undefined) return NaN
      n = n * 10 + d
    }
    return n
  }
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s)
  if (!m) return NaN
  return (m[1] ? (HAN_DIGITS[m[1]] as number) : 1) * 10 + (m[2] ? (HAN_DIGITS[m[2]] as number) : 0)
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Every full date (year, month, day) printed in the text, in order, with its weekday if printed. */
export function findPrintedDates(text: string): PrintedDate[] {
  const found: PrintedDate[] = []
  for (const m of text.matchAll(DATE)) {
    const [y, mo, d] = [m[1], m[2], m[3]].map((s) => parseNumber(s as string)) as number[]
    const iso = `${pad(y as number, 4)}-${pad(mo as number)}-${pad(d as number)}`
    if (!isValidIsoDate(iso)) continue
    const date: PrintedDate = {
      value: iso,
      evidence: m[0].replace(/\s+/g, (s) => (s.includes('\n') ? ' ' : s)),
      line: lineAt(text, m.index),
    }
    if (m[4]) {
      date.weekday = WEEKDAYS[m[4]] as number
      date.weekdayMatches = weekdayOf(iso) === date.weekday
    }
    found.push(date)
  }
  return found
}

/** 0 = Sunday. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay()
}

/**
 * The issue's date as printed in the page furniture: a full date with its weekday (the header
 * line "2023年6月9日 星期五"), else a full date in the first lines. Dates inside articles ("2024年
 * 3月5日是第61个学雷锋纪念日") say when something happens, not when the paper appeared.
 */
export function inferIssueDate(text: string): PrintedDate | undefined {
  const dates = findPrintedDates(text)
  return (
    dates.find((d) => d.weekday !== undefined && d.weekdayMatches) ??
    dates.find((d) => d.weekday !== undefined) ??
    dates.find((d) => d.line <= HEADER_LINES && isFurniture(lines(text)[d.line - 1] ?? ''))
  )
}

/**
 * A header line (masthead, editor, date): no sentence punctuation, not a news lead, and not a
 * date in brackets — "（2019年1月11日）" under a headline dates a speech or a document.
 */
function isFurniture(line: string): boolean {
  const t = line.trim()
  return !/[。，,；;！!？?]/.test(t) && !/报讯|報訊/.test(t) && !/^[（(〔［[].*[）)〕］\]]$/.test(t)
}

function lines(text: string): string[] {
  return text.split('\n', HEADER_LINES + 1)
}

/** How far down a page its header (paper name, date, page number) can be. */
const HEADER_LINES = 8

export interface PaperGuess extends Evidence<string> {
  /** The catalog paper of that name, when there is one. */
  slug?: string
}

/**
 * The paper's name: a known paper's name printed on the page, else a "XX报讯" lead (本报讯 is
 * every paper's "this paper reports" and names none). The name found most often wins.
 */
export function inferPaper(text: string, papers: readonly CatalogPaper[]): PaperGuess | undefined {
  const counts = new Map<string, { n: number; first: number; evidence: string }>()
  const note = (name: string, at: number, evidence: string): void => {
    const c = counts.get(name)
    if (c) c.n++
    else counts.set(name, { n: 1, first: at, evidence: evidence.trim() })
  }
  // Names match in either script, so that 北碚報訊 names 北碚报.
  const known = papers.map((p) => ({ ...p, folded: foldToSimplified(p.name) }))
  for (const p of known)
    for (const m of text.matchAll(eitherScript(p.folded))) note(p.name, m.index, m[0])
  // A lead starts a line or follows □; the look-behind keeps the preceding words out of the name.
  for (const m of text.matchAll(/(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,5}[报報])[讯訊]/g)) {
    const name = foldToSimplified(m[1] as string)
    if (name.endsWith('本报')) continue
    // A known name inside a longer match ("北碚报讯") was counted above.
    if (known.some((p) => p.folded === name)) continue
    note(name, m.index, m[0])
  }
  let best: { name: string; n: number; first: number; evidence: string } | undefined
  for (const [name, c] of counts) {
    if (!best || c.n > best.n || (c.n === best.n && c.first < best.first)) best = { name, ...c }
  }
  if (!best) return undefined
  const guess: PaperGuess = {
    value: best.name,
    evidence: best.evidence,
    line: lineAt(text, best.first),
  }
  const slug = papers.find((p) => p.name === best.name)?.slug
  if (slug) guess.slug = slug
  return guess
}

let variants: Map<string, string[]> | undefined

/** A pattern matching `simplified` written in simplified or traditional characters (报 or 報). */
const patterns = new Map<string, RegExp>()

function eitherScript(simplified: string): RegExp {
  const cached = patterns.get(simplified)
  if (cached) return cached
  if (!variants) {
    variants = new Map()
    for (const [trad, simp] of foldTable())
      variants.set(simp, [...(variants.get(simp) ?? []), trad])
  }
  let source = ''
  for (const c of simplified) {
    const forms = [c, ...(variants.get(c) ?? [])].map((f) =>
      f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    source += forms.length > 1 ? `(?:${forms.join('|')})` : (forms[0] as string)
  }
  const re = new RegExp(source, 'g')
  patterns.set(simplified, re)
  return re
}

/** A page number printed in the header: 第2版, 02版, A2版 at the start of one of the first lines. */
export function inferPageNumber(text: string): Evidence<number> | undefined {
  const lines = text.split('\n', HEADER_LINES + 1).slice(0, HEADER_LINES)
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    const m =
      /(?:^|\s)第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版/.exec(line) ??
      /^[A-Z]?([0-9]{1,3})\s*版(?:\s|$)/.exec(line)
    if (!m) continue
    const n = parseNumber(m[1] as string)
    if (n >= 1 && n <= 999) return { value: n, evidence: m[0].trim(), line: i + 1 }
  }
  return undefined
}

export interface FileNameMeta {
  paper?: string
  date?: string
  page?: number
}

/**
 * The naming convention of scanned batches: `jiangbei-2023-07-13-p2.txt`,
 * `jiangbei_20230713_02.txt`, `jiangbei-2023-07-13.txt`. Other names say nothing.
 */
export function parseFileName(name: string): FileNameMeta {
  const base = name.replace(/\.[^.]*$/, '')
  const m =
    /^([a-z0-9][a-z0-9-]*?)[-_](\d{4})-?(\d{2})-?(\d{2})(?:[-_](?:p|page)?(\d{1,3}))?$/i.exec(base)
  if (!m) return {}
  const meta: FileNameMeta = {
    paper: (m[1] as string).toLowerCase(),
    date: `${m[2]}-${m[3]}-${m[4]}`,
  }
  if (m[5]) meta.page = Number(m[5])
  return meta
}
