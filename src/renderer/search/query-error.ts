// The query-error line in the UI language. The engine explains a query it cannot run in English
// (the CLI's and the server's language); the Chinese UI must not show that text, so each of the
// engine's explanations is recognised here and said again in Chinese with its figures. One the
// engine adds later, not known here, gets the catalogue's summary alone — never English.
// tests/renderer/search/query-error.test.ts feeds it the engine's real messages.
import type { I18n } from '../app/i18n'

export function queryErrorText(
  engineMessage: string,
  i18n: Pick<I18n, 't' | 'lang' | 'number'>,
): string {
  const { t, lang, number } = i18n
  if (lang === 'en') return t('queryError', { error: engineMessage })
  let m = /^query too long: (\d+) characters; at most (\d+)/.exec(engineMessage)
  if (m) return t('qeTooLong', { n: number(Number(m[1])), max: number(Number(m[2])) })
  m = /^query too broad: (\d+) different words; at most (\d+)/.exec(engineMessage)
  if (m) return t('qeTooManyWords', { n: number(Number(m[1])), max: number(Number(m[2])) })
  if (/^query too broad: it matches too much/.test(engineMessage)) return t('qeTooBroad')
  if (/^a query needs at least one word/.test(engineMessage)) return t('qeOnlyExclusions')
  return t('qeUnknown')
}
