// The library's papers: each with its issues (oldest first) and the years it has issues in,
// ordered by name as a Chinese reader expects. Shared by the library panel and the search filters.
import type { IssueSummary } from '../../shared/types'
import { issuesOfPaper } from '../app/navigation'

export interface PaperGroup {
  slug: string
  name: string
  /** The English name, where the catalog gives one. */
  nameEn?: string
  issues: IssueSummary[]
  years: string[]
}

export function groupByPaper(issues: readonly IssueSummary[]): PaperGroup[] {
  const slugs = [...new Set(issues.map((i) => i.paper))]
  return slugs
    .map((slug) => {
      const own = issuesOfPaper(issues, slug)
      const en = own[0]?.paperNameEn
      return {
        slug,
        name: own[0]?.paperName ?? slug,
        ...(en ? { nameEn: en } : {}),
        issues: own,
        years: [...new Set(own.map((i) => i.date.slice(0, 4)))].sort(),
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}
