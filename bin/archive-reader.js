#!/usr/bin/env node
// The archive-reader CLI, as built by `npm run build:cli` (part of `npm run build`).
// From a source checkout without a build, `npm run archive -- …` runs the same CLI with tsx.
import { existsSync } from 'node:fs'

const built = new URL('../out/cli/archive-reader.mjs', import.meta.url)
if (!existsSync(built)) {
  process.stderr.write(
    'archive-reader: not built yet; run "npm run build:cli" (or use "npm run archive -- …")\n',
  )
  process.exit(2)
}
// The bundle runs the CLI itself when it sees it was started as archive-reader.
await import(built.href)
