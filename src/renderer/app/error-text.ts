// An error as the reader is told it, in the UI language: the error policy's catalogue
// (src/shared/error-messages.ts) gives the summary of its code; the error's own message
// (English, specific: which issue, which file) follows it in Chinese, and stands alone in
// English. An internal error, or anything that is not a coded error, is only the summary.
import { errorSummary } from '../../shared/error-messages'
import { UserFacingError } from '../../shared/errors'
import type { I18n, Lang } from './i18n'
import type { MessageKey } from './messages'

export function errorText(e: unknown, lang: Lang): string {
  if (!(e instanceof UserFacingError) || e.errorCode === 'internal')
    return errorSummary('internal', lang)
  if (lang === 'en') return e.message
  return `${errorSummary(e.errorCode, lang)}（${e.message}）`
}

/** Whether `e` is a cancel (the import's Cancel button), not a failure. */
export const isCancelled = (e: unknown): boolean =>
  e instanceof UserFacingError && e.errorCode === 'cancelled'

/**
 * An action's failure as one sentence in the UI language: the action's message (`key`, with an
 * `{error}` slot: "The import failed: {error}") around errorText, never the raw English message
 * alone.
 */
export function failureText(e: unknown, i18n: Pick<I18n, 't' | 'lang'>, key: MessageKey): string {
  return i18n.t(key, { error: errorText(e, i18n.lang) })
}
