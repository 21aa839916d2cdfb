// One file of the batch in the import form: its metadata as fields (what the checks found, or
// what the librarian typed), where each value came from — "read from the text" stands out —,
// what was found in it (encoding, line endings, articles, continuation markers), its problems.
import type { FileReport } from '../../shared/archive/import-report'
import { useI18n } from '../app/i18n'
import { fieldValid, fieldValue, FIELDS, levelCounts, SOURCE_LABEL } from './import-form'
import type { Edits, FieldName } from './import-form'
import type { ImportMessageKey } from './import-messages'
import { ImportProblemList } from './ImportProblemList'

const FIELD_LABEL: Record<FieldName, ImportMessageKey> = {
  paper: 'impPaper',
  paperName: 'impPaperName',
  date: 'impDate',
  page: 'impPage',
}

interface Props {
  file: FileReport
  index: number
  edits: Edits
  disabled: boolean
  onEdit: (file: FileReport, field: FieldName, value: string) => void
}

export function ImportFileRow({ file, index, edits, disabled, onEdit }: Props) {
  const { t, number } = useI18n()
  const { errors, warnings } = levelCounts(file.problems)
  const edited = edits[file.file] ?? {}
  const status = errors ? 'error' : warnings ? 'warning' : 'ok'
  return (
    <li
      className={`import-file status-${status}`}
      data-testid="import-file"
      data-file={file.file}
      data-status={status}
      aria-label={t('impFileLabel', { file: file.file })}
    >
      <div className="import-file-head">
        <span className="import-file-name" title={file.file}>
          {file.file}
        </span>
        <span className={`import-file-status status-${status}`} data-testid="import-file-status">
          {errors > 0 && t('impErrors', { n: number(errors) })}
          {errors > 0 && warnings > 0 && ' · '}
          {warnings > 0 && t('impWarnings', { n: number(warnings) })}
          {status === 'ok' && t('impOk')}
        </span>
      </div>
      <div className="import-fields">
        {FIELDS.map((field) => {
          const id = `imp-${index}-${field}`
          const value = fieldValue(file, edits, field)
          const meta = file[field]
          const own = edited[field] !== undefined
          const fromText = !own && meta?.source === 'text'
          const valid = fieldValid(field, value)
          // A known paper's name comes from the archive; the slug decides it.
          const locked = field === 'paperName' && !own && meta?.source === 'archive'
          return (
            <div
              key={field}
              className={`import-field${fromText ? ' from-text' : ''}${valid ? '' : ' invalid'}`}
            >
              <label htmlFor={id}>{t(FIELD_LABEL[field])}</label>
              <input
                id={id}
                data-testid={`import-field-${field}`}
                // Dates as the catalog writes them, not in the system's local format.
                type={field === 'page' ? 'number' : 'text'}
                inputMode={field === 'date' ? 'numeric' : undefined}
                placeholder={field === 'date' ? 'YYYY-MM-DD' : undefined}
                autoComplete="off"
                spellCheck={false}
                lang={field === 'paperName' ? 'zh-CN' : undefined}
                min={field === 'page' ? 1 : undefined}
                max={field === 'page' ? 999 : undefined}
                value={value}
                disabled={disabled}
                readOnly={locked}
                aria-invalid={!valid}
                aria-describedby={`${id}-src`}
                onChange={(e) => onEdit(file, field, e.currentTarget.value)}
              />
              <span id={`${id}-src`} className="import-source" data-testid="import-source">
                {own ? (
                  t('impSrcOption')
                ) : meta ? (
                  <>
                    <span className={fromText ? 'badge from-text-badge' : undefined}>
                      {t(SOURCE_LABEL[meta.source])}
                    </span>
                    {meta.evidence && (
                      <span className="import-evidence" lang="zh-CN">
                        {' '}
                        {t('impEvidence', { evidence: meta.evidence })}
                      </span>
                    )}
                  </>
                ) : null}
                {!valid && (
                  <span className="import-invalid" role="alert">
                    {' '}
                    {t('impInvalid', { what: t(FIELD_LABEL[field]) })}
                  </span>
                )}
              </span>
            </div>
          )
        })}
      </div>
      <dl className="import-facts">
        <div>
          <dt>{t('impEncoding')}</dt>
          <dd data-testid="import-encoding">
            {file.encoding
              ? `${file.encoding.toUpperCase()} (${t(file.encodingSource === 'declared' ? 'impEncodingDeclared' : 'impEncodingDetected')}${file.bom ? `, ${t('impBom')}` : ''})`
              : t('impUnreadable')}
          </dd>
        </div>
        <div>
          <dt>{t('impLineEndings')}</dt>
          <dd>{file.lineEndings ? file.lineEndings.toUpperCase() : '—'}</dd>
        </div>
        <div>
          <dt>{t('impArticles')}</dt>
          <dd>{number(file.articles)}</dd>
        </div>
        <div>
          <dt>{t('impContinuations')}</dt>
          <dd data-testid="import-continuations">
            {file.continuations.length === 0
              ? t('impNone')
              : file.continuations.map((c, i) => (
                  <span key={i} className="import-continuation" lang="zh-CN">
                    {i > 0 && ' · '}
                    {c.marker}
                    {' → '}
                    {c.targetPage}
                    <span
                      className={c.targetExists ? 'ok' : 'missing'}
                      title={t(c.targetExists ? 'impTargetFound' : 'impTargetMissing')}
                      aria-label={t(c.targetExists ? 'impTargetFound' : 'impTargetMissing')}
                    >
                      {c.targetExists ? ' ✓' : ' ✗'}
                    </span>
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      <ImportProblemList problems={file.problems} />
    </li>
  )
}
