// The library's papers: one group per paper, issues oldest first, years distinct and sorted,
// papers ordered by their Chinese names.
import { describe, expect, it } from 'vitest'
import { groupByPaper } from '../../../src/renderer/library/papers'
import type { IssueSummary } from '../../../src/shared/types'

const issue = (paper: string, paperName: string, date: string): IssueSummary => ({
  id: `${paper}-${date}`,
  paper,
  paperName,
  date,
  dateSource: 'printed',
  pages: [],
})

describe('groupByPaper', () => {
  const issues = [
    issue('jiangbei', '江北报', '2024-01-02'),
    issue('beibei', '北碚报', '2023-05-01'),
    issue('jiangbei', '江北报', '2023-07-13'),
    issue('jiangbei', '江北报', '2023-07-14'),
  ]

  it('groups issues by paper with their years', () => {
    const groups = groupByPaper(issues)
    const jiangbei = groups.find((g) => g.slug === 'jiangbei')
    expect(jiangbei?.name).toBe('江北报')
    expect(jiangbei?.issues.map((i) => i.date)).toEqual(['2023-07-13', '2023-07-14', '2024-01-02'])
    expect(jiangbei?.years).toEqual(['2023', '2024'])
    expect(groups.find((g) => g.slug === 'beibei')?.years).toEqual(['2023'])
  })

  it('orders papers by name in Chinese collation, not by slug', () => {
    const papers = [issue('aaa', '重庆日报', '2023-01-01'), issue('zzz', '北碚报', '2023-01-01')]
    expect(groupByPaper(papers).map((g) => g.name)).toEqual(['北碚报', '重庆日报'])
    expect(groupByPaper([...papers].reverse()).map((g) => g.slug)).toEqual(['zzz', 'aaa'])
  })

  it('is empty for an empty library', () => {
    expect(groupByPaper([])).toEqual([])
  })
})
