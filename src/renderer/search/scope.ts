// The scope ladder's levels as plain search filters: this page → this issue → this paper →
// everything. Stored as filters (issue, page, paper), so a link reproduces the scope.
import type { IssueView, SearchRequest } from '../../shared/types'
import type { MessageKey } from '../app/messages'

export type ScopeLevel = 'page' | 'issue' | 'paper' | 'all'
export const SCOPE_LEVELS: readonly ScopeLevel[] = ['page', 'issue', 'paper', 'all']
export const SCOPE_LABELS: Record<ScopeLevel, MessageKey> = {
  page: 'scopePage',
  issue: 'scopeIssue',
  paper: 'scopePaper',
  all: 'scopeAll',
}

/** The level a search's filters amount to. */
export function levelOf(s: SearchRequest): ScopeLevel {
  if (s.issueId && s.page !== undefined) return 'page'
  if (s.issueId) return 'issue'
  if (s.papers?.length === 1) return 'paper'
  return 'all'
}

/**
 * The filters that set `level` relative to the issue (and page) the active pane shows;
 * undefined when the pane shows nothing the level could refer to.
 */
export function scopeFilters(
  level: ScopeLevel,
  issue: Pick<IssueView, 'id' | 'paper'> | undefined,
  page: number | undefined,
): Partial<SearchRequest> | undefined {
  const none = { issueId: undefined, page: undefined, papers: undefined }
  if (level === 'all') return none
  if (!issue) return undefined
  if (level === 'paper') return { ...none, papers: [issue.paper] }
  if (level === 'issue') return { ...none, issueId: issue.id }
  return page !== undefined ? { ...none, issueId: issue.id, page } : undefined
}
