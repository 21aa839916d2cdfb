// Per-paper profiles: a paper's house conventions, validated in the catalog and used by the
// segmenter on that paper's pages only.
import { describe, expect, it } from 'vitest'
import { paperRules, parseCatalog } from '../../../src/shared/archive/catalog'
import { pageArticles } from '../../../src/shared/archive/articles'
import { buildIssueView } from '../../../src/shared/archive/issue'
import type { CatalogIssue, CatalogPaper } from '../../../src/shared/types'

const catalog = (profile: unknown): string =>
  JSON.stringify({
    format: 'archive-reader/catalog',
    version: 1,
    title: 't',
    papers: [{ slug: 'house', name: '某报', profile }],
    issues: [],
  })

// A paper whose reports open with its own tag, and whose briefs stand under 城事速递.
const PAGE = [
  '第一条新闻标题',
  '',
  '【城事】本报消息，某地开展了活动，群众广泛参与，效果良好，得到一致好评。活动持续三天，吸引了很多人。',
  '【城事】又一则消息，某单位举办了培训，学员认真听讲，收获很大，纷纷表示受益匪浅，今后要学以致用。',
  '',
  '城事速递',
  '',
  '某社区开展义诊活动，为居民免费测量血压。',
  '',
  '某街道举办书法展览，展出作品一百余幅。',
].join('\n')

describe('per-paper profiles', () => {
  it('validates the patterns: they must compile and must not nest quantifiers', () => {
    expect(() => parseCatalog(catalog({ leads: ['【城事】'] }))).not.toThrow()
    expect(() => parseCatalog(catalog({ leads: ['(unclosed'] }))).toThrow(/regular expression/)
    expect(() => parseCatalog(catalog({ leads: ['(a+)+$'] }))).toThrow(/nested quantifiers/)
    expect(() => parseCatalog(catalog({ lead: ['x'] }))).toThrow()
  })

  it('opens articles at the paper’s own lead and splits its brief column', () => {
    const plain = pageArticles('house-2024-01-01', 1, PAGE)
    const papers = parseCatalog(catalog({ leads: ['【城事】'], briefColumns: ['城事速递'] }))
      .papers as CatalogPaper[]
    const rules = paperRules(papers, 'house')
    const tuned = pageArticles('house-2024-01-01', 1, PAGE, rules)
    expect(tuned.filter((a) => a.type === 'brief')).toHaveLength(2)
    expect(plain.filter((a) => a.type === 'brief')).toHaveLength(0)
    expect(tuned.length).toBeGreaterThan(plain.length)
    const issue: CatalogIssue = {
      id: 'house-2024-01-01',
      paper: 'house',
      date: '2024-01-01',
      dateSource: 'printed',
      pages: [{ number: 1, source: 'p.txt', sha256: '0'.repeat(64), encoding: 'utf-8' }],
    }
    const view = buildIssueView(issue, papers, [PAGE])
    expect(view.pages[0]?.articles.map((a) => a.type)).toEqual(tuned.map((a) => a.type))
  })
})
