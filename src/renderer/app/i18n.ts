// UI language: zh-CN or English, following the OS/browser locale unless the reader chooses.
import { createContext, useContext } from 'react'
import { messages } from './messages'
import type { MessageKey } from './messages'

export type Lang = 'zh-CN' | 'en'
export type Vars = Record<string, string | number>

export function detectLang(languages: readonly string[] = navigatorLanguages()): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}

export interface I18n {
  lang: Lang
  t: (key: MessageKey, vars?: Vars) => string
  /** 2023-07-13 → 2023年7月13日 / 13 July 2023. */
  date: (iso: string) => string
  /** 2023-07 → 2023年7月 / July 2023. */
  month: (year: number, month: number) => string
  number: (n: number) => string
  /** A paper's name in the UI language: its English name in the English UI, where it has one. */
  paper: (x: { paperName: string; paperNameEn?: string | undefined }) => string
}

export function makeI18n(lang: Lang): I18n {
  const table = messages[lang]
  const dateFmt = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  })
  const monthFmt = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  })
  const numFmt = new Intl.NumberFormat(lang)
  const plural = new Intl.PluralRules(lang)
  return {
    lang,
    // A numeric `count` picks the plural form `key_one` (etc.) where the language has one:
    // "1 issue", "2 issues"; Chinese has a single form.
    t(key, vars) {
      const c = vars?.count
      const form = typeof c === 'number' ? (`${key}_${plural.select(c)}` as MessageKey) : undefined
      const text: string = (form && table[form]) ?? table[key] ?? messages.en[key] ?? key
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text
    },
    date(iso) {
      const [y, m, d] = iso.split('-').map(Number)
      if (!y || !m || !d) return iso
      return dateFmt.format(new Date(Date.UTC(y, m - 1, d)))
    },
    month: (year, month) => monthFmt.format(new Date(Date.UTC(year, month - 1, 1))),
    number: (n) => numFmt.format(n),
    paper: (x) => (lang === 'en' && x.paperNameEn ? x.paperNameEn : x.paperName),
  }
}

export const I18nContext = createContext<I18n>(makeI18n('en'))

export function useI18n(): I18n {
  return useContext(I18nContext)
}
