// What notes and reading positions keep of an article: its id, checked to be one (issue/pN/aN,
// never a script URL or a path), and enough of its paper, date, page and headline to list it
// without loading the issue; and the link and label the lists show.
import { z } from 'zod'
import type { I18n } from '../app/i18n'
import { EMPTY_ROUTE, formatRoute, parsePaneRef } from '../app/route'

export const articleIdSchema = z
  .string()
  .max(200)
  .refine((s) => parsePaneRef(s)?.article !== undefined, 'an article id: issue/pN/aN')

export const articleMetaShape = {
  articleId: articleIdSchema,
  headline: z.string().max(300),
  paperName: z.string().max(100),
  paperNameEn: z.string().max(100).optional(),
  date: z.string().max(10),
  page: z.number().int().min(1).max(999),
}

export interface ArticleMeta {
  articleId: string
  headline: string
  paperName: string
  paperNameEn?: string | undefined
  date: string
  page: number
}

/** The reader's route that opens the article (in pane A). */
export function articleHref(articleId: string): string {
  const ref = parsePaneRef(articleId)
  return formatRoute({ ...EMPTY_ROUTE, panes: ref ? [{ ref }] : [] })
}

/** "江北报 2023年7月13日 第1版" in the UI language (the lists add " · headline", in Chinese). */
export function articleWhere(m: ArticleMeta, i18n: I18n): string {
  return `${i18n.paper(m)} ${i18n.date(m.date)} ${i18n.t('pageN', { n: m.page })}`
}
