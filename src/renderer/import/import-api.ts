// The in-app import as the renderer sees it: `window.archiveImport`, which only Electron's preload
// exposes. In a browser (the reading-room server, which is read-only) there is none, and the
// import's menu command, button and dialog are absent. The preload answers with results; here
// they become values again, or RemoteErrors with their names (ImportCancelled, ImportError, …),
// so the dialog can tell a cancel from a failure.
import type { ImportBridge, ImportWireBridge } from '../../shared/import-contract'
import { unwrapResult } from '../../shared/ipc-result'

async function unwrap<T>(reply: Promise<unknown>): Promise<T> {
  return unwrapResult<T>(await reply)
}

/** The renderer's import client over the preload's bridge. */
export function importClient(b: ImportWireBridge): ImportBridge {
  return {
    pickFiles: () => unwrap(b.pickFiles()),
    pickFolder: () => unwrap(b.pickFolder()),
    plan: (selectionId, overrides) => unwrap(b.plan(selectionId, overrides)),
    commit: (planId, confirmed) => unwrap(b.commit(planId, confirmed)),
    cancel: () => unwrap(b.cancel()),
    removeIssue: (issueId) => unwrap(b.removeIssue(issueId)),
    userIssues: () => unwrap(b.userIssues()),
    onProgress: (listener) => b.onProgress(listener),
  }
}

function found(): ImportWireBridge | undefined {
  if (typeof window === 'undefined') return undefined
  return (window as unknown as { archiveImport?: ImportWireBridge }).archiveImport
}

const bridge = found()
export const importApi: ImportBridge | undefined = bridge ? importClient(bridge) : undefined
