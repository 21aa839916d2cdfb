// Before the e2e run: make sure out/renderer (what the reading-room server serves and the
// Electron app loads) is built from the current sources.
import { buildRenderer, rendererIsStale, RENDERER_OUT } from './build-renderer'

export default async function globalSetup(): Promise<void> {
  if (process.env.ARCHIVE_READER_SKIP_BUILD === '1') return
  if (!rendererIsStale()) return
  const started = Date.now()
  await buildRenderer()
  console.log(`e2e: built the renderer in ${Date.now() - started} ms → ${RENDERER_OUT}`)
}
