// Where a check or an import is, with the way out: Cancel stops it between two files, before
// anything in the library changes.
import type { ImportProgress } from '../../shared/archive/import-report'
import { useI18n } from '../app/i18n'
import type { ImportMessageKey } from './import-messages'

const PHASE: Record<ImportProgress['phase'], ImportMessageKey> = {
  scan: 'phaseScan',
  'index-base': 'phaseIndex-base',
  validate: 'phaseValidate',
  copy: 'phaseCopy',
  index: 'phaseIndex',
  commit: 'phaseCommit',
  done: 'phaseDone',
}

interface Props {
  title: string
  progress: ImportProgress | undefined
  cancelling: boolean
  onCancel: () => void
}

export function ImportProgressView({ title, progress, cancelling, onCancel }: Props) {
  const { t, number } = useI18n()
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0
  // Phases of one step (index, commit) say what happens; counted ones say how far.
  const counted = progress && progress.total > 1
  return (
    <div className="import-progress" data-testid="import-progress">
      <p role="status" aria-live="polite" data-testid="import-progress-text">
        <strong>{title}</strong>{' '}
        {progress &&
          (counted
            ? t('impProgress', {
                phase: t(PHASE[progress.phase]),
                done: number(progress.done),
                total: number(progress.total),
              })
            : t(PHASE[progress.phase]))}
      </p>
      <progress
        max={1}
        value={progress ? fraction : undefined}
        aria-label={title}
        data-testid="import-progress-bar"
      />
      {progress?.file && (
        <p className="muted import-progress-file" data-testid="import-progress-file">
          {progress.file}
        </p>
      )}
      <button type="button" data-testid="import-cancel" disabled={cancelling} onClick={onCancel}>
        {cancelling ? t('impCancelling') : t('impCancel')}
      </button>
    </div>
  )
}
