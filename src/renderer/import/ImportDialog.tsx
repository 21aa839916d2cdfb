// File → Import issues…: pick files or a folder (in main's own dialog), read the validation
// report, correct the metadata, import with progress and a safe cancel; then the new issues
// are in the library and searchable. Only in Electron (window.archiveImport).
import { useCallback, useEffect, useRef, useState } from 'react'
import { Dialog } from '../ui/Dialog'
import type { ImportProgress, ImportReport } from '../../shared/archive/import-report'
import type {
  FileOverride,
  ImportBridge,
  ImportOutcome,
  ImportPlanned,
  ImportSelection,
} from '../../shared/import-contract'
import { refreshAfterChange } from '../app/data'
import { failureText, isCancelled } from '../app/error-text'
import { useI18n } from '../app/i18n'
import { closeImportDialog } from './import-dialog-store'
import { editsValid, overridesOf, sameOverrides, setEdit } from './import-form'
import type { Edits } from './import-form'
import { openRef } from '../app/navigation'
import { formatRoute } from '../app/route'
import { getRoute } from '../app/route-store'
import { ImportProgressView } from './ImportProgressView'
import { ImportReview } from './ImportReview'
import { ImportReviewFooter } from './ImportReviewFooter'

type Step =
  | { kind: 'pick' }
  | { kind: 'checking' }
  | { kind: 'review'; planned: ImportPlanned; sent: FileOverride[] }
  | { kind: 'importing'; planned: ImportPlanned }
  | { kind: 'done'; outcome: ImportOutcome; report: ImportReport }

interface Notice {
  tone: 'info' | 'error'
  text: string
}

export function ImportDialog({ api }: { api: ImportBridge }) {
  const i18n = useI18n()
  const { t, date } = i18n
  const [step, setStep] = useState<Step>({ kind: 'pick' })
  const [selection, setSelection] = useState<ImportSelection>()
  const [edits, setEdits] = useState<Edits>({})
  const [confirmed, setConfirmed] = useState(false)
  const [progress, setProgress] = useState<ImportProgress>()
  const [cancelling, setCancelling] = useState(false)
  const [notice, setNotice] = useState<Notice>()
  const heading = useRef<HTMLHeadingElement>(null)
  const busy = step.kind === 'checking' || step.kind === 'importing'

  useEffect(() => api.onProgress(setProgress), [api])

  const close = useCallback(() => {
    if (busy) return
    // A plan waiting for its commit is dropped in main.
    if (step.kind === 'review') void api.cancel().catch(() => {})
    closeImportDialog()
  }, [api, busy, step.kind])

  // A check or an import that ended early (cancelled or failed): say so, and start again.
  const backToPick = (e: unknown): void => {
    setNotice(
      isCancelled(e)
        ? { tone: 'info', text: t('impCancelled') }
        : { tone: 'error', text: failureText(e, i18n, 'impFailed') },
    )
    setStep({ kind: 'pick' })
  }

  const check = async (sel: ImportSelection, overrides: FileOverride[]): Promise<void> => {
    setStep({ kind: 'checking' })
    setProgress(undefined)
    setCancelling(false)
    setNotice(undefined)
    try {
      const planned = await api.plan(sel.id, overrides)
      setConfirmed(false)
      setStep({ kind: 'review', planned, sent: overrides })
    } catch (e) {
      backToPick(e)
    }
  }

  const pick = async (kind: 'files' | 'folder'): Promise<void> => {
    setNotice(undefined)
    try {
      const sel = await (kind === 'files' ? api.pickFiles() : api.pickFolder())
      if (!sel) return
      setSelection(sel)
      setEdits({})
      await check(sel, [])
    } catch (e) {
      setNotice({ tone: 'error', text: failureText(e, i18n, 'impFailed') })
    }
  }

  const start = async (planned: ImportPlanned): Promise<void> => {
    setStep({ kind: 'importing', planned })
    setProgress(undefined)
    setCancelling(false)
    setNotice(undefined)
    try {
      const outcome = await api.commit(planned.planId, confirmed)
      refreshAfterChange(outcome.issues.map((i) => i.id))
      setStep({ kind: 'done', outcome, report: planned.report })
    } catch (e) {
      // The plan is used up either way: the files are checked again before another try.
      backToPick(e)
    }
  }

  const cancel = (): void => {
    setCancelling(true)
    void api.cancel().catch(() => {})
  }

  const overrides = overridesOf(edits)
  const valid = editsValid(edits)

  return (
    <Dialog
      className="import-dialog"
      labelledBy="import-title"
      onClose={close}
      initialFocus={heading}
      aria-busy={busy}
      data-testid="import-dialog"
      data-step={step.kind}
    >
      <div className="dialog-head">
        <h2 id="import-title" ref={heading} tabIndex={-1}>
          {t('impTitle')}
        </h2>
        <button type="button" data-testid="import-close" disabled={busy} onClick={close}>
          {t('close')}
        </button>
      </div>
      {notice && (
        <p
          className={`import-notice ${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="import-notice"
          data-tone={notice.tone}
        >
          {notice.text}
        </p>
      )}

      {step.kind === 'pick' && (
        <div className="import-pick" data-testid="import-pick">
          <p>{t('impIntro')}</p>
          <div className="import-actions">
            <button type="button" data-testid="import-pick-files" onClick={() => pick('files')}>
              {t('impPickFiles')}
            </button>
            <button type="button" data-testid="import-pick-folder" onClick={() => pick('folder')}>
              {t('impPickFolder')}
            </button>
            {selection && (
              <button
                type="button"
                data-testid="import-check"
                onClick={() => check(selection, overrides)}
              >
                {t('impCheckAgain')}
              </button>
            )}
          </div>
        </div>
      )}

      {selection && step.kind !== 'done' && (
        <p className="muted import-selection" data-testid="import-selection">
          {t(selection.kind === 'folder' ? 'impPickedFolder' : 'impPickedFiles', {
            label: selection.label,
            n: selection.files,
          })}
        </p>
      )}

      {(step.kind === 'checking' || step.kind === 'importing') && (
        <ImportProgressView
          // Keyed by step: checking and importing are separate views, each starting afresh.
          key={step.kind}
          title={t(step.kind === 'checking' ? 'impChecking' : 'impImporting')}
          progress={progress}
          cancelling={cancelling}
          onCancel={cancel}
        />
      )}

      {step.kind === 'review' && (
        <>
          <ImportReview
            report={step.planned.report}
            edits={edits}
            disabled={false}
            onEdit={(file, field, value) => setEdits((e) => setEdit(e, file, field, value))}
          />
          <ImportReviewFooter
            report={step.planned.report}
            dirty={!sameOverrides(overrides, step.sent)}
            valid={valid}
            confirmed={confirmed}
            onConfirm={setConfirmed}
            onCheck={() => selection && check(selection, overrides)}
            onPickOther={() => {
              void api.cancel().catch(() => {})
              setSelection(undefined)
              setEdits({})
              setStep({ kind: 'pick' })
            }}
            onStart={() => start(step.planned)}
          />
        </>
      )}

      {step.kind === 'done' && (
        <div className="import-done" data-testid="import-done" role="status">
          <p>{t('impDone', { pages: step.outcome.pages, issues: step.outcome.issues.length })}</p>
          <ul>
            {step.outcome.issues.map((i) => {
              const issue = step.report.issues.find((r) => r.id === i.id)
              const what = issue ? `${issue.paperName} ${date(issue.date)}` : i.id
              return (
                <li key={i.id}>
                  <a
                    href={formatRoute(openRef(getRoute(), { issueId: i.id }))}
                    data-testid="import-done-issue"
                    onClick={() => closeImportDialog()}
                  >
                    {t('impOpenIssue', { what })}
                  </a>
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </Dialog>
  )
}
