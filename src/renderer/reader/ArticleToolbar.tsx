// Tools for the article in a pane: text size, original layout, open beside, citation,
// export and print.
import type { Article, IssueView } from '../../shared/types'
import { downloadText, fileNameOf } from '../ui/browser'
import { articleAsText, citationSource } from './article-export'
import { linkToArticle, printPane, todayIso } from '../app/commands'
import { useI18n } from '../app/i18n'
import { openRef, updatePane } from '../app/navigation'
import type { AppRoute, PaneState } from '../app/route'
import { navigate } from '../app/route-store'
import { stepFontSize, updateSettings, useSettings } from '../app/settings'
import { CitationMenu } from './CitationMenu'
import type { PaneLinks } from './pane-links'
import { openEditor, useEditTarget, useEditing, closeEditor } from '../corrections/edit-state'
import { editNote, useNoteEditing } from '../bookmarks/notes'

/** What ArticleView and its toolbar are given: the article shown in one pane. */
export interface ArticleProps {
  route: AppRoute
  index: 0 | 1
  issue: IssueView
  article: Article
  pane: PaneState
  links: PaneLinks
}

export function ArticleToolbar({ route, index, issue, article, pane }: ArticleProps) {
  const { t } = useI18n()
  const { fontSize } = useSettings()
  const { entry: target } = useEditTarget(article.issueId)
  const editing = useEditing()?.articleId === article.id
  const noting = useNoteEditing() === article.id
  return (
    <div className="article-tools" role="toolbar" aria-label={t('articleTools')}>
      <div className="group" role="group" aria-label={t('textSize')}>
        <button
          type="button"
          data-testid="font-smaller"
          aria-label={t('smallerText')}
          onClick={() => updateSettings({ fontSize: stepFontSize(fontSize, -1) })}
        >
          A−
        </button>
        <span className="font-size" data-testid="font-size">
          {fontSize}
        </span>
        <button
          type="button"
          data-testid="font-bigger"
          aria-label={t('biggerText')}
          onClick={() => updateSettings({ fontSize: stepFontSize(fontSize, 1) })}
        >
          A+
        </button>
      </div>
      <button
        type="button"
        data-testid="toggle-original"
        aria-pressed={pane.original ?? false}
        aria-keyshortcuts="o"
        onClick={() =>
          navigate(updatePane(route, index, { original: pane.original ? undefined : true }))
        }
      >
        {t('originalLayout')}
      </button>
      <button
        type="button"
        data-testid="article-open-beside"
        onClick={() =>
          navigate({
            ...openRef(
              route,
              { issueId: article.issueId, page: article.page, article: article.index },
              index === 0 ? 1 : 0,
            ),
            active: index,
          })
        }
      >
        {t('openBeside')}
      </button>
      <CitationMenu
        source={citationSource(issue, article, linkToArticle(article.id), todayIso())}
      />
      <button
        type="button"
        data-testid="note-toggle"
        aria-pressed={noting}
        onClick={() => editNote(noting ? undefined : article.id)}
      >
        {t('noteAdd')}
      </button>
      <button
        type="button"
        data-testid="export-article"
        onClick={() => downloadText(`${fileNameOf(article.id)}.txt`, articleAsText(issue, article))}
      >
        {t('exportText')}
      </button>
      {target?.status === 'ok' && target.data.editable && (
        <button
          type="button"
          data-testid="edit-article"
          aria-pressed={editing}
          onClick={() => (editing ? closeEditor() : openEditor(article.id, 'edit'))}
        >
          {t('edEdit')}
        </button>
      )}
      <button
        type="button"
        data-testid="print-article"
        aria-keyshortcuts="p"
        onClick={() => printPane(index)}
      >
        {t('print')}
      </button>
    </div>
  )
}
