// The application menu as a pure template: File, Edit, View, Go, Window, Help, in Chinese when the
// OS locale is Chinese. App commands go to the renderer as MenuCommand; editing, zoom and window
// items use Electron's built-in roles. Every accelerator has a modifier, so none is taken away
// from typing in the search box.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/contract'

export type MenuLocale = 'zh' | 'en'

export function menuLocale(appLocale: string): MenuLocale {
  return appLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

const LABELS = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    go: '&Go',
    window: '&Window',
    help: '&Help',
    importIssues: 'Import Issues…',
    print: 'Print…',
    copyLink: 'Copy Link',
    bookmarks: 'Bookmarks',
    find: 'Find in Archive',
    toggleSplit: 'Split View',
    swapPanes: 'Swap Panes',
    toggleTheme: 'Light / Dark Theme',
    back: 'Back',
    forward: 'Forward',
    nextPage: 'Next Page',
    prevPage: 'Previous Page',
    nextIssue: 'Next Issue',
    prevIssue: 'Previous Issue',
    quickOpen: 'Quick Open…',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About Archive Reader',
  },
  zh: {
    file: '文件(&F)',
    edit: '编辑(&E)',
    view: '视图(&V)',
    go: '前往(&G)',
    window: '窗口(&W)',
    help: '帮助(&H)',
    importIssues: '导入报刊…',
    print: '打印…',
    copyLink: '复制链接',
    bookmarks: '书签',
    find: '在档案中搜索',
    toggleSplit: '并排阅读',
    swapPanes: '交换左右栏',
    toggleTheme: '浅色 / 深色主题',
    back: '后退',
    forward: '前进',
    nextPage: '下一版',
    prevPage: '上一版',
    nextIssue: '下一期',
    prevIssue: '上一期',
    quickOpen: '快速打开…',
    shortcuts: '键盘快捷键',
    about: '关于报刊档案阅读器',
  },
} as const

/** The accelerator of each command; the renderer's keyboard map and help overlay use the same keys. */
export const COMMAND_ACCELERATORS: Record<MenuCommand, string> = {
  'focus-search': 'CmdOrCtrl+F',
  'toggle-split': 'CmdOrCtrl+\\',
  'swap-panes': 'CmdOrCtrl+Shift+\\',
  'next-page': 'CmdOrCtrl+Alt+Right',
  'prev-page': 'CmdOrCtrl+Alt+Left',
  'next-issue': 'CmdOrCtrl+Alt+Down',
  'prev-issue': 'CmdOrCtrl+Alt+Up',
  'toggle-theme': 'CmdOrCtrl+Shift+D',
  'show-shortcuts': 'CmdOrCtrl+/',
  'copy-link': 'CmdOrCtrl+Shift+C',
  print: 'CmdOrCtrl+P',
  'open-bookmarks': 'CmdOrCtrl+Shift+B',
  'import-issues': 'CmdOrCtrl+I',
  // The renderer's own Ctrl/⌘+K (keymap.ts) is the same command: in a browser there is no menu.
  'quick-open': 'CmdOrCtrl+K',
}

export interface MenuOptions {
  locale: MenuLocale
  platform: NodeJS.Platform
  appName: string
  /** Development builds get reload and DevTools. */
  dev: boolean
  send: (command: MenuCommand) => void
  /** In-app history (hash routes): back and forward. */
  goBack: () => void
  goForward: () => void
}

/** macOS menus have no mnemonics: drop "(&F)" and "&". */
function withoutMnemonics<T extends Record<string, string>>(labels: T): T {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(labels)) out[k] = v.replace(/\(&.\)/g, '').replace(/&/g, '')
  return out as T
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin'
  const t = mac ? withoutMnemonics(LABELS[o.locale]) : LABELS[o.locale]
  const command = (label: string, cmd: MenuCommand): MenuItemConstructorOptions => ({
    // The command as the item's id: Menu.getMenuItemById(command) finds it (e2e clicks it).
    id: cmd,
    label,
    accelerator: COMMAND_ACCELERATORS[cmd],
    click: () => o.send(cmd),
  })
  const sep: MenuItemConstructorOptions = { type: 'separator' }

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: o.appName,
          submenu: [
            { role: 'about' },
            sep,
            { role: 'services' },
            sep,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            sep,
            { role: 'quit' },
          ],
        },
      ]
    : []

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.importIssues, 'import-issues'),
      sep,
      command(t.print, 'print'),
      command(t.copyLink, 'copy-link'),
      command(t.bookmarks, 'open-bookmarks'),
      sep,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      sep,
      command(t.find, 'focus-search'),
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      command(t.toggleSplit, 'toggle-split'),
      command(t.swapPanes, 'swap-panes'),
      command(t.toggleTheme, 'toggle-theme'),
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
      ...(o.dev
        ? ([sep, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  }
  const go: MenuItemConstructorOptions = {
    label: t.go,
    submenu: [
      { label: t.back, accelerator: mac ? 'Cmd+[' : 'Alt+Left', click: o.goBack },
      { label: t.forward, accelerator: mac ? 'Cmd+]' : 'Alt+Right', click: o.goForward },
      sep,
      command(t.quickOpen, 'quick-open'),
      sep,
      command(t.prevPage, 'prev-page'),
      command(t.nextPage, 'next-page'),
      sep,
      command(t.prevIssue, 'prev-issue'),
      command(t.nextIssue, 'next-issue'),
    ],
  }
  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  }
  const help: MenuItemConstructorOptions = {
    label: t.help,
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      command(t.shortcuts, 'show-shortcuts'),
      ...(mac ? [] : [sep, { role: 'about' as const, label: t.about }]),
    ],
  }
  return [...appMenu, file, edit, view, go, windowMenu, help]
}
