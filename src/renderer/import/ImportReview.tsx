// The validation report as a form: what the batch is (files, issues, errors, warnings), whether
// it can be imported, the batch's and each issue's problems, and each file's metadata to check
// and correct. Errors block the import; warnings do not.
import { useState } from 'react'
import type { ImportReport } from '../../shared/archive/import-report'
import { useI18n } from '../app/i18n'
import { fileRank, levelCounts } from './import-form'
import type { Edits, FieldName } from './import-form'
import type { FileReport } from '../../shared/archive/import-report'
import { ImportFileRow } from './ImportFileRow'
import { ImportProblemList } from './ImportProblemList'

/** Rows rendered at first; a batch of thousands shows the rest on request. */
const FIRST_ROWS = 200

interface Props {
  report: ImportReport
  edits: Edits
  disabled: boolean
  onEdit: (file: FileReport, field: FieldName, value: string) => void
}

export function ImportReview({ report, edits, disabled, onEdit }: Props) {
  const { t, number, date } = useI18n()
  const [onlyProblems, setOnlyProblems] = useState(false)
  const [showAll, setShowAll] = useState(false)
  const s = report.summary
  const files = report.files
    .map((file, index) => ({ file, index }))
    // What blocks the import is seen first.
    .sort((a, b) => fileRank(a.file) - fileRank(b.file) || a.index - b.index)
    .filter(({ file }) => {
      if (!onlyProblems) return true
      const c = levelCounts(file.problems)
      return c.errors + c.warnings > 0
    })
  const shown = showAll ? files : files.slice(0, FIRST_ROWS)
  return (
    <div className="import-review" data-testid="import-review">
      <p
        className={`import-verdict ${report.ok ? 'ok' : 'blocked'}`}
        data-testid="import-verdict"
        data-ok={report.ok}
        role="status"
      >
        <strong>
          {t('impSummary', {
            files: number(s.files),
            issues: number(s.issues),
            newIssues: number(s.newIssues),
            errors: number(s.errors),
            warnings: number(s.warnings),
          })}
        </strong>
        <br />
        {report.ok ? t('impReady') : t('impBlocked')}
      </p>
      {report.problems.length > 0 && (
        <section aria-labelledby="imp-batch" data-testid="import-batch-problems">
          <h3 id="imp-batch">{t('impBatchProblems')}</h3>
          <ImportProblemList problems={report.problems} />
        </section>
      )}
      {report.issues.length > 0 && (
        <section aria-labelledby="imp-issues">
          <h3 id="imp-issues">{t('impIssues')}</h3>
          <ul className="import-issues">
            {report.issues.map((issue) => (
              <li key={issue.id} data-testid="import-issue" data-issue-id={issue.id}>
                <div>
                  <span lang="zh-CN">{issue.paperName}</span> {date(issue.date)}{' '}
                  <code>{issue.id}</code>{' '}
                  <span className="badge">{t(issue.kind === 'new' ? 'impNew' : 'impExtends')}</span>{' '}
                  <span className="muted">
                    {t('impPagesOf', { pages: issue.pages.join(', ') })}
                  </span>
                </div>
                <ImportProblemList problems={issue.problems} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="imp-files">
        <div className="import-files-head">
          <h3 id="imp-files">{t('impFiles')}</h3>
          <label>
            <input
              type="checkbox"
              data-testid="import-only-problems"
              checked={onlyProblems}
              onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
            />{' '}
            {t('impOnlyProblems')}
          </label>
        </div>
        <ol className="import-files">
          {shown.map(({ file, index }) => (
            <ImportFileRow
              key={file.file}
              file={file}
              index={index}
              edits={edits}
              disabled={disabled}
              onEdit={onEdit}
            />
          ))}
        </ol>
        {shown.length < files.length && (
          <button type="button" onClick={() => setShowAll(true)}>
            {t('impShowAll', { n: number(files.length) })}
          </button>
        )}
      </section>
    </div>
  )
}
