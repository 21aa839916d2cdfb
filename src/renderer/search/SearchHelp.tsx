// The query syntax in a few lines, with examples that work on the seed archive.
import { useI18n } from '../app/i18n'

export function SearchHelp({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n()
  const rows: [string, string][] = [
    ['低碳 发展', t('helpAnd')],
    ['"国际消费中心城市"', t('helpPhrase')],
    ['北碚 OR 江北', t('helpOr')],
    ['发展 -低碳', t('helpNot')],
    ['經濟發展', t('helpTraditional')],
  ]
  return (
    <div className="search-help popover" id={id} data-testid="search-help" role="note">
      <p>{t('helpIntro')}</p>
      <dl>
        {rows.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  )
}
