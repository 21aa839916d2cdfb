// The error catalogue: one sentence per error code, in each UI language. The CLI and the
// server speak English (the `en` column is also the message of an internal error everywhere);
// the renderer shows the summary of the reader's language above the error's own (English,
// specific) message.
import type { ErrorCode } from './error-codes'

export type ErrorLang = 'en' | 'zh-CN'

export const ERROR_MESSAGES: Record<ErrorLang, Record<ErrorCode, string>> = {
  en: {
    'invalid-arguments': 'The request was not understood.',
    'not-found': 'Not found in this archive.',
    'query-syntax': 'The search query cannot be read.',
    'query-too-broad': 'The query is too broad; add a word or a filter.',
    busy: 'The server is busy with other searches; try again in a moment.',
    'archive-busy': 'Another change to the archive is running; try again when it has finished.',
    'bad-data': 'A file of the archive is missing or damaged.',
    cancelled: 'Cancelled; nothing was changed.',
    refused: 'This cannot be done now.',
    forbidden: 'This page may not do that.',
    unavailable: 'The archive could not be opened.',
    internal: 'The archive could not answer (an internal error).',
  },
  'zh-CN': {
    'invalid-arguments': '请求无法识别。',
    'not-found': '档案中没有找到。',
    'query-syntax': '无法解析检索式。',
    'query-too-broad': '检索范围太大，请增加检索词或筛选条件。',
    busy: '服务器正忙于其他检索，请稍后再试。',
    'archive-busy': '档案正在进行另一项修改，请待其完成后再试。',
    'bad-data': '档案中的文件缺失或已损坏。',
    cancelled: '已取消，未做任何修改。',
    refused: '现在无法执行此操作。',
    forbidden: '此页面无权执行该操作。',
    unavailable: '无法打开档案。',
    internal: '档案无法应答（内部错误）。',
  },
}

/** The catalogue's summary of `code` in `lang`. */
export function errorSummary(code: ErrorCode, lang: ErrorLang): string {
  return ERROR_MESSAGES[lang][code]
}
