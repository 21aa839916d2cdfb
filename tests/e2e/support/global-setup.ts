// Before the e2e run: make sure out/ — main, preload and renderer — is built from the current
// sources (and build configuration), as `electron-vite build` makes it in production mode. The
// reading-room server serves out/renderer; the Electron app runs all three, so a stale main or
// preload must never be what the electron project tests.
import { appIsStale, buildApp } from '../../support/build-app'

export default async function globalSetup(): Promise<void> {
  if (process.env.ARCHIVE_READER_SKIP_BUILD === '1') return
  if (!appIsStale()) return
  const started = Date.now()
  buildApp()
  console.log(`e2e: built main, preload and renderer in ${Date.now() - started} ms → out/`)
}
