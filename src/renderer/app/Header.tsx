// Top bar: the search box and the app-wide switches (language, theme, link, shortcuts).
import type { RefObject } from 'react'
import { api } from './api'
import { copyText } from '../ui/browser'
import { copyLink } from './commands'
import { useI18n } from './i18n'
import type { AppRoute } from './route'
import { updateSettings, useSettings } from './settings'
import type { LangSetting } from './settings'
import { showToast } from '../ui/toast'
import { SearchBox } from '../search/SearchBox'

interface Props {
  route: AppRoute
  searchRef: RefObject<HTMLInputElement | null>
  theme: 'light' | 'dark'
  onShortcuts: () => void
}

export function Header({ route, searchRef, theme, onShortcuts }: Props) {
  const { t } = useI18n()
  const settings = useSettings()
  const copyWebAddress = async (): Promise<void> => {
    const ok = await copyText(location.href)
    showToast(ok ? t('linkCopied') : t('copyFailed'), location.href, ok ? 'info' : 'error')
  }
  return (
    <header className="app-header">
      <h1 className="brand">
        <span lang="zh-CN">报刊档案阅读器</span>
        <span className="brand-en" lang="en">
          Archive Reader
        </span>
      </h1>
      <SearchBox route={route} inputRef={searchRef} />
      <div className="header-tools" role="toolbar" aria-label={t('appTools')}>
        <label className="lang-select">
          <span className="visually-hidden">{t('language')}</span>
          <select
            data-testid="language-select"
            value={settings.lang}
            onChange={(e) => updateSettings({ lang: e.target.value as LangSetting })}
          >
            <option value="auto">{t('langAuto')}</option>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <button
          type="button"
          data-testid="theme-toggle"
          aria-pressed={theme === 'dark'}
          title={t('toggleThemeHint')}
          onClick={() => updateSettings({ theme: theme === 'dark' ? 'light' : 'dark' })}
        >
          {t('themeDark')}
        </button>
        {settings.theme !== 'system' && (
          <button
            type="button"
            data-testid="theme-system"
            title={t('themeSystemHint')}
            onClick={() => updateSettings({ theme: 'system' })}
          >
            {t('themeSystem')}
          </button>
        )}
        <button
          type="button"
          data-testid="copy-link"
          title={t('copyLinkHint')}
          onClick={() => void copyLink(t)}
        >
          {t('copyLink')}
        </button>
        {api.kind === 'http' && (
          <button
            type="button"
            data-testid="copy-web-link"
            title={t('copyWebLinkHint')}
            onClick={() => void copyWebAddress()}
          >
            {t('copyWebLink')}
          </button>
        )}
        <button
          type="button"
          data-testid="shortcuts-button"
          aria-keyshortcuts="?"
          onClick={onShortcuts}
        >
          {t('shortcuts')}
        </button>
      </div>
    </header>
  )
}
