// The UI language's forms: plurals, dates, and paper names (the English name in the English UI,
// where the catalog gives one; the printed name otherwise and in Chinese).
import { describe, expect, it } from 'vitest'
import { makeI18n } from '../../../src/renderer/app/i18n'
import { issueSummary } from '../../../src/shared/archive/issue'
import type { CatalogIssue, CatalogPaper } from '../../../src/shared/types'

const papers: CatalogPaper[] = [
  { slug: 'jiangbei', name: '江北报', nameEn: 'Jiangbei Daily' },
  { slug: 'beibei', name: '北碚报' },
] as CatalogPaper[]
const issue = (paper: string) =>
  issueSummary(
    {
      id: `${paper}-2023-07-13`,
      paper,
      date: '2023-07-13',
      dateSource: 'printed',
      pages: [],
    } as unknown as CatalogIssue,
    papers,
    () => 0,
  )

describe('paper names per UI language', () => {
  it('the issue summary carries the English name where the catalog has one', () => {
    expect(issue('jiangbei')).toMatchObject({ paperName: '江北报', paperNameEn: 'Jiangbei Daily' })
    expect(issue('beibei')).not.toHaveProperty('paperNameEn')
  })

  it('English shows the English name, Chinese the printed one; no English name: the printed one', () => {
    expect(makeI18n('en').paper(issue('jiangbei'))).toBe('Jiangbei Daily')
    expect(makeI18n('zh-CN').paper(issue('jiangbei'))).toBe('江北报')
    expect(makeI18n('en').paper(issue('beibei'))).toBe('北碚报')
  })
})
