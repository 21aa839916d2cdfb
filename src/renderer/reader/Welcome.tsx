// What the reader area shows before anything is opened.
import { useI18n } from '../app/i18n'
import { ContinueReading } from './ContinueReading'

export function Welcome() {
  const { t } = useI18n()
  return (
    <div className="welcome" data-testid="welcome">
      <h2>{t('welcomeTitle')}</h2>
      <p>{t('welcomeText')}</p>
      <ul>
        <li>{t('welcomeLibrary')}</li>
        <li>{t('welcomeSearch')}</li>
        <li>{t('welcomeKeys')}</li>
      </ul>
      <ContinueReading />
    </div>
  )
}
