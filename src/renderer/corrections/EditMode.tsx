// The edit mode or the correction request, under the article it was opened on.
import type { Article, IssueView } from '../../shared/types'
import { CorrectionRequest } from './CorrectionRequest'
import { EditPanel } from './EditPanel'
import { useEditing, useEditTarget } from './edit-state'

export function EditMode({ issue, article }: { issue: IssueView; article: Article }) {
  const editing = useEditing()
  const { entry } = useEditTarget(article.issueId)
  if (editing?.articleId !== article.id) return null
  // Editing is off where the answer failed (an older server): the request still works.
  if (!entry || entry.status === 'pending') return null
  const target = entry.status === 'ok' ? entry.data : undefined
  if (editing.mode === 'edit' && target?.editable)
    return <EditPanel key={article.id} issue={issue} article={article} target={target} />
  return <CorrectionRequest key={article.id} issue={issue} article={article} />
}
