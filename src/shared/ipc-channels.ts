// Channel and event names of the Electron bridge, apart from the schemas: the sandboxed preload
// needs only these strings (it builds its verbs by iterating these tables), and importing the
// declarations (contract.ts, import-contract.ts) would bundle all of zod into it. Each
// declaration takes its channels from here and is checked, by type, to have exactly these verbs.

/** IPC channel per archive verb (contract.ts: archiveContract). */
export const channels = {
  listIssues: 'archive:list-issues',
  getIssue: 'archive:get-issue',
  getArticle: 'archive:get-article',
  getPageSource: 'archive:get-page-source',
  search: 'archive:search',
  articleMatches: 'archive:article-matches',
  indexStatus: 'archive:index-status',
  suggest: 'archive:suggest',
  quickOpen: 'archive:quick-open',
  didYouMean: 'archive:did-you-mean',
} as const

/** IPC channel per import verb (import-contract.ts: importContract). */
export const importChannels = {
  pickFiles: 'import:pick-files',
  pickFolder: 'import:pick-folder',
  plan: 'import:plan',
  commit: 'import:commit',
  cancel: 'import:cancel',
  removeIssue: 'import:remove-issue',
  userIssues: 'import:user-issues',
} as const

/** IPC channel per corrections verb (corrections-contract.ts: correctionsContract). */
export const correctionsChannels = {
  editTarget: 'corrections:edit-target',
  previewEdit: 'corrections:preview-edit',
  applyEdit: 'corrections:apply-edit',
  removeCorrection: 'corrections:remove',
  exportCorrections: 'corrections:export',
} as const

/** Event pushed from main to the renderer while the index is (re)built. */
export const INDEX_PROGRESS_EVENT = 'archive:index-progress'
/** Main → renderer: a menu command. */
export const MENU_COMMAND_EVENT = 'app:menu-command'
/** Main → renderer: open this in-app route (the hash of an archive-reader:// deep link). */
export const NAVIGATE_EVENT = 'app:navigate'
/**
 * Renderer → main (through the preload): the page now listens for NAVIGATE_EVENT. Main holds
 * deep links until then, because a link sent at did-finish-load can arrive before React has
 * subscribed, and would be lost.
 */
export const NAVIGATE_READY = 'app:navigate-ready'
/** Main → renderer while an import plan or commit runs. */
export const IMPORT_PROGRESS_EVENT = 'import:progress'
