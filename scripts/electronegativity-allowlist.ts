// Electronegativity findings of MEDIUM severity or above that were reviewed and are not
// vulnerabilities in this app. Each entry names the check, the file and (optionally) a piece of
// the flagged code, and says why. An entry that no longer matches a finding fails the scan too,
// so this list cannot outlive the code it excuses. Everything else is fixed, not listed here.

export interface AllowedFinding {
  /** Electronegativity's check id, e.g. PRELOAD_JS_CHECK. */
  check: string
  /** Path of the flagged file relative to the project root. */
  file: string
  /** A substring of the flagged code (the finding's `sample`), to pin the entry to one place. */
  sample?: string
  /** Why this is not a vulnerability here. */
  reason: string
}

export const ALLOWED_FINDINGS: readonly AllowedFinding[] = [
  {
    // "Review the use of preload scripts" flags every preload. Reviewed: src/preload/index.ts
    // runs sandboxed with context isolation (src/main/window.ts) and exposes two typed bridges
    // built over a slice of ipcRenderer — the archive (src/preload/bridge.ts) and the in-app
    // import (src/preload/import-bridge.ts): calls with fixed channel names and subscriptions
    // that pass the payload alone; never ipcRenderer, never an IPC event, never Node. Every call
    // is checked again in main (sender frame + zod schema: src/main/ipc-handler.ts,
    // src/main/import-handlers.ts; tests/main/ipc-input.test.ts, tests/main/import-ipc.test.ts).
    check: 'PRELOAD_JS_CHECK',
    file: 'src/main/window.ts',
    sample: 'preload: o.preloadPath',
    reason: 'the one preload is sandboxed and exposes only bridges whose calls main validates',
  },
  {
    // "Review the use of custom protocol handlers" flags app.setAsDefaultProtocolClient.
    // Reviewed: archive-reader:// links are turned into an in-app route (#/…) by
    // routeOfDeepLink (src/shared/deep-link.ts: scheme checked, hash only, < 4096 characters) and
    // handed to the renderer's router; they never open files, URLs or external programs.
    // Registration happens only in the packaged app (src/main/index.ts registerProtocol).
    check: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'src/main/index.ts',
    sample: 'setAsDefaultProtocolClient(client.scheme, client.path, client.args)',
    reason: 'deep links only select an in-app route, validated by routeOfDeepLink',
  },
  {
    // The same call without a development entry point (see the entry above).
    check: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'src/main/index.ts',
    sample: 'setAsDefaultProtocolClient(client.scheme)',
    reason: 'deep links only select an in-app route, validated by routeOfDeepLink',
  },
]

/**
 * Checks left out of `npm run security`, with the reason. They need the network; the scan runs
 * offline and must give the same answer everywhere.
 */
export const EXCLUDED_CHECKS: readonly { check: string; reason: string }[] = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    reason:
      "downloads Electron's release list from GitHub to compare versions; offline it cannot " +
      'run. Electron upgrades are tracked with `npm outdated electron` / `npm audit` where the ' +
      'network allows.',
  },
]
