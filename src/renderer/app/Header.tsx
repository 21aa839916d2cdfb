// Top bar: the search box and the app-wide switches (language, theme, link, shortcuts).
import type { RefObject } from 'react'
import { api } from './api'
import { copyLink } from './commands'
import { useI18n } from './i18n'
import type { AppRoute } from './route'
import { updateSettings, useSettings } from './settings'
import type { LangSetting } from './settings'
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
  return (
    <header className="app-header">
      <button
        type="button"
        className="sidebar-toggle"
        data-testid="sidebar-toggle"
        aria-controls="sidebar"
        aria-expanded={!settings.sidebarCollapsed}
        title={t(settings.sidebarCollapsed ? 'sidebarShow' : 'sidebarHide')}
        aria-label={t(settings.sidebarCollapsed ? 'sidebarShow' : 'sidebarHide')}
        onClick={() => updateSettings({ sidebarCollapsed: !settings.sidebarCollapsed })}
      >
        ☰
      </button>
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
          title={t(api.kind === 'http' ? 'copyWebLinkHint' : 'copyLinkHint')}
          onClick={() => void copyLink(t)}
        >
          {t('copyLink')}
        </button>
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
