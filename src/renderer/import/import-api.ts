// The in-app import as the renderer sees it: `window.archiveImport`, which only Electron's preload
// exposes. In a browser (the reading-room server, which is read-only) there is none, and the
// import's menu command, button and dialog are absent.
import type { ImportBridge } from '../../shared/import-contract'

function found(): ImportBridge | undefined {
  if (typeof window === 'undefined') return undefined
  return (window as unknown as { archiveImport?: ImportBridge }).archiveImport
}

export const importApi: ImportBridge | undefined = found()
