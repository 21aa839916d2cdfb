// The application shell: preferences (language, theme, text size), global keys, menu commands,
// and the layout — header, sidebar (library / search / bookmarks) and the reader panes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { routeOfDeepLink } from '../../shared/deep-link'
import { api } from './api'
import { runCommand } from './commands'
import type { UiHooks } from './commands'
import { detectLang, I18nContext, makeI18n } from './i18n'
import { importApi } from '../import/import-api'
import { useImportDialogOpen } from '../import/import-dialog-store'
import { commandForKey, isTypingTarget, modifiedCommandForKey } from './keymap'
import { navigateToHash, useRoute } from './route-store'
import { useSettings } from './settings'
import { effectiveTheme, useSystemDark } from './theme'
import { ErrorBoundary } from '../ui/ErrorBoundary'
import { Header } from './Header'
import { ImportDialog } from '../import/ImportDialog'
import { IndexProgress } from './IndexProgress'
import { QuickOpen } from '../search/QuickOpen'
import { ReaderArea } from '../reader/ReaderArea'
import { ShortcutsOverlay } from './ShortcutsOverlay'
import { Sidebar } from './Sidebar'
import { StoreNotice } from './StoreNotice'
import { ToastView } from '../ui/ToastView'

export function App() {
  const settings = useSettings()
  const systemDark = useSystemDark()
  const lang = settings.lang === 'auto' ? detectLang() : settings.lang
  const i18n = useMemo(() => makeI18n(lang), [lang])
  const theme = effectiveTheme(settings.theme, systemDark)
  const route = useRoute()
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const [quickOpen, setQuickOpen] = useState(false)
  const importOpen = useImportDialogOpen()
  const searchRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const html = document.documentElement
    html.dataset.theme = theme
    html.lang = lang
    html.style.setProperty('--reading-size', `${settings.fontSize}px`)
  }, [theme, lang, settings.fontSize])

  const ui = useMemo<UiHooks>(
    () => ({
      focusSearch() {
        searchRef.current?.focus()
        searchRef.current?.select()
      },
      toggleShortcuts: () => setShortcutsOpen((open) => !open),
      openQuickOpen: () => {
        setShortcutsOpen(false)
        setQuickOpen(true)
      },
    }),
    [],
  )
  const t = i18n.t
  const closeShortcuts = useCallback(() => setShortcutsOpen(false), [])
  const closeQuickOpen = useCallback(() => setQuickOpen(false), [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return
      const modified = modifiedCommandForKey(e)
      if (modified) {
        e.preventDefault()
        runCommand(modified, ui, t)
        return
      }
      if (e.key === 'Escape' && isTypingTarget(e.target)) {
        ;(e.target as HTMLElement).blur()
        return
      }
      if (isTypingTarget(e.target)) return
      const command = commandForKey(e)
      if (!command) return
      e.preventDefault()
      runCommand(command, ui, t)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ui, t])

  // The application menu and deep links (archive-reader://open#/…) arrive from the main process.
  useEffect(() => {
    const offMenu = api.onMenuCommand((command) => runCommand(command, ui, t))
    const offNav = api.onNavigate((link) => {
      const hash = link.startsWith('#') ? link : routeOfDeepLink(link)
      if (hash) navigateToHash(hash)
    })
    return () => {
      offMenu()
      offNav()
    }
  }, [ui, t])

  return (
    <I18nContext value={i18n}>
      <div className="app" data-testid="app" data-theme-effective={theme}>
        <Header
          route={route}
          searchRef={searchRef}
          theme={theme}
          onShortcuts={ui.toggleShortcuts}
        />
        <IndexProgress />
        <StoreNotice />
        <div
          className={settings.sidebarCollapsed ? 'workspace sidebar-collapsed' : 'workspace'}
          data-testid="workspace"
        >
          {!settings.sidebarCollapsed && (
            <ErrorBoundary label={t('sidebar')}>
              <Sidebar route={route} />
            </ErrorBoundary>
          )}
          <ErrorBoundary label={t('reader')}>
            <ReaderArea route={route} />
          </ErrorBoundary>
        </div>
        {shortcutsOpen && <ShortcutsOverlay onClose={closeShortcuts} />}
        {quickOpen && (
          <ErrorBoundary label={t('qoTitle')}>
            <QuickOpen onClose={closeQuickOpen} />
          </ErrorBoundary>
        )}
        {importOpen && importApi && (
          <ErrorBoundary label={t('impTitle')}>
            <ImportDialog api={importApi} />
          </ErrorBoundary>
        )}
        <ToastView />
      </div>
    </I18nContext>
  )
}
