// Problems of a file, an issue or the batch: a short title per code (in the UI's language), the
// level said in words (not only by colour), and the import core's own detail beneath.
import type { PageProblem } from '../../shared/archive/import-report'
import { useI18n } from '../app/i18n'
import { byLevel, problemTitle } from './import-form'

const LEVEL_LABEL = { error: 'levelError', warning: 'levelWarning', info: 'levelInfo' } as const

export function ImportProblemList({ problems }: { problems: readonly PageProblem[] }) {
  const { t } = useI18n()
  if (problems.length === 0) return null
  return (
    <ul className="import-problems">
      {byLevel(problems).map((p, i) => (
        <li
          key={`${p.code}-${i}`}
          className={`import-problem level-${p.level}`}
          data-testid="import-problem"
          data-level={p.level}
          data-code={p.code}
        >
          <span className="import-level">{t(LEVEL_LABEL[p.level])}</span>
          <strong>{t(problemTitle(p.code))}</strong>
          <span className="import-detail">{p.message}</span>
        </li>
      ))}
    </ul>
  )
}
