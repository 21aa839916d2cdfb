// Dates as people type them to jump to an issue: 2023年7月13日, 2023-07-13, 2023/7/13, 2023.7.13,
// 20230713, 7月13日 (any year), 2023年7月, 2023-07, 2023年. The date's text is cut out of what
// was typed, so the rest can still name a paper or a headline (江北报 7月13日).

export interface TypedDate {
  /** 'YYYY-MM-DD', 'YYYY-MM', '--MM-DD' (month and day of any year) or 'YYYY'. */
  value: string
  /** The text with the date taken out. */
  rest: string
}

const pad = (n: string): string => n.padStart(2, '0')
const validMonth = (m: string): boolean => Number(m) >= 1 && Number(m) <= 12
const validDay = (d: string): boolean => Number(d) >= 1 && Number(d) <= 31

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => string | undefined }[] = [
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/,
    make: (m) => ymd(m[1], m[2], m[3]),
  },
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, make: (m) => ymd(m[1], m[2], m[3]) },
  { re: /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/, make: (m) => ymd(m[1], m[2], m[3]) },
  {
    re: /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/,
    make: (m) =>
      validMonth(m[1] as string) && validDay(m[2] as string)
        ? `--${pad(m[1] as string)}-${pad(m[2] as string)}`
        : undefined,
  },
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月/, make: (m) => ym(m[1], m[2]) },
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})(?![\d/.-])/, make: (m) => ym(m[1], m[2]) },
  { re: /(?<!\d)(1[89]\d{2}|20\d{2})\s*年?(?![\d月])/, make: (m) => m[1] },
]

function ymd(y?: string, m?: string, d?: string): string | undefined {
  if (!y || !m || !d || !validMonth(m) || !validDay(d)) return undefined
  return `${y}-${pad(m)}-${pad(d)}`
}

function ym(y?: string, m?: string): string | undefined {
  return y && m && validMonth(m) ? `${y}-${pad(m)}` : undefined
}

/** The first date found in `text`, most specific form first, and the text without it. */
export function typedDate(text: string): TypedDate | undefined {
  const t = text.normalize('NFKC')
  for (const { re, make } of PATTERNS) {
    const m = re.exec(t)
    if (!m) continue
    const value = make(m)
    if (!value) continue
    return { value, rest: (t.slice(0, m.index) + ' ' + t.slice(m.index + m[0].length)).trim() }
  }
  return undefined
}

/** Whether an issue's date (YYYY-MM-DD) is the typed date or falls in it. */
export function dateMatches(date: string, typed: string): boolean {
  if (typed.startsWith('--')) return date.slice(4) === typed.slice(1)
  return date.startsWith(typed)
}

/** A date as the Chinese reader writes it: 2023年7月13日, 2023年7月, 7月13日, 2023年. */
export function chineseDate(value: string): string {
  const [y, m, d] = value.split('-')
  if (value.startsWith('--')) return `${Number(value.slice(2, 4))}月${Number(value.slice(5))}日`
  if (d) return `${y}年${Number(m)}月${Number(d)}日`
  if (m) return `${y}年${Number(m)}月`
  return `${y}年`
}
