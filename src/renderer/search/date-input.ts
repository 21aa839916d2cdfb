// Dates typed into the search's date filters, read strictly in the UI language. The fields are
// plain text, not the browser's date picker, whose format follows the browser (mm/dd/yyyy in an
// English Chromium, also in the Chinese UI). Both languages accept the unambiguous ISO form
// (2023-07-13) and the year or month alone (2023, 2023-07: its first day as a start, its last
// as an end); Chinese also 2023年7月13日 and 2023/7/13, English 13 July 2023 and July 13, 2023.
// A day-month order with numbers only (07/13/2023, 13/07/2023) is refused: it is ambiguous.
import { isValidIsoDate } from '../../shared/archive/catalog'
import type { Lang } from '../app/i18n'

export type DateEdge = 'start' | 'end'

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '')
  if (n.length < 3) return undefined
  const i = MONTHS.findIndex((m) => m.startsWith(n) || (n === 'sept' && m === 'september'))
  return i < 0 ? undefined : i + 1
}

function iso(y: number, m?: number, d?: number, edge: DateEdge = 'start'): string | undefined {
  if (!Number.isInteger(y) || y < 1 || y > 9999) return undefined
  const month = m ?? (edge === 'start' ? 1 : 12)
  if (month < 1 || month > 12) return undefined
  const day = d ?? (edge === 'start' ? 1 : new Date(Date.UTC(y, month, 0)).getUTCDate())
  const text = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isValidIsoDate(text) ? text : undefined
}

/** The ISO date `text` means in `lang`, or undefined when it is not a date read that way. */
export function parseDateInput(text: string, lang: Lang, edge: DateEdge): string | undefined {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ')
  if (!s) return undefined
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s)
  if (m) return iso(Number(m[1]), num(m[2]), num(m[3]), edge)
  if (lang === 'zh-CN') {
    m = /^(\d{4}) ?年(?: ?(\d{1,2}) ?月(?: ?(\d{1,2}) ?[日号])?)?$/.exec(s)
    if (m) return iso(Number(m[1]), num(m[2]), num(m[3]), edge)
    m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(s)
    if (m) return iso(Number(m[1]), num(m[2]), num(m[3]), edge)
    return undefined
  }
  // 13 July 2023, 13 Jul 2023, July 2023
  m = /^(?:(\d{1,2}) )?([A-Za-z]+\.?),? (\d{4})$/.exec(s)
  if (m) {
    const month = monthNumber(m[2] as string)
    return month ? iso(Number(m[3]), month, num(m[1]), edge) : undefined
  }
  // July 13, 2023
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(s)
  if (m) {
    const month = monthNumber(m[1] as string)
    return month ? iso(Number(m[3]), month, Number(m[2]), edge) : undefined
  }
  return undefined
}

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s)
}
