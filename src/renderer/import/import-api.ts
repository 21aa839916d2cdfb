// The in-app import as the renderer sees it: `window.archiveImport`, which only Electron's preload
// exposes. In a browser (the reading-room server, which is read-only) there is none, and the
// import's menu command, button and dialog are absent. The preload answers with results; here
// they become values again, or RemoteErrors with their names (ImportCancelled, ImportError, …),
// so the dialog can tell a cancel from a failure.
import { importContract } from '../../shared/import-contract'
import type { ImportBridge, ImportMethod, ImportWireBridge } from '../../shared/import-contract'
import { unwrapResult } from '../../shared/ipc-result'

async function unwrap<T>(reply: Promise<unknown>): Promise<T> {
  return unwrapResult<T>(await reply)
}

/** The renderer's import client over the preload's bridge. */
export function importClient(b: ImportWireBridge): ImportBridge {
  const verbs: Record<string, unknown> = {}
  // The declaration's verbs, each unwrapped (never listed here).
  for (const method of Object.keys(importContract) as ImportMethod[]) {
    const call = b[method] as (...args: unknown[]) => Promise<unknown>
    verbs[method] = (...args: unknown[]) => unwrap(call(...args))
  }
  return {
    ...(verbs as Omit<ImportBridge, 'onProgress'>),
    onProgress: (listener) => b.onProgress(listener),
  }
}

function found(): ImportWireBridge | undefined {
  if (typeof window === 'undefined') return undefined
  return (window as unknown as { archiveImport?: ImportWireBridge }).archiveImport
}

const bridge = found()
export const importApi: ImportBridge | undefined = bridge ? importClient(bridge) : undefined
