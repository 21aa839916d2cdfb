#!/usr/bin/env node
// `npm run bench:peers:install`: installs the search engines the bench measures beside ours
// (bench/peers/package.json, pinned by its own lock file) into bench/peers/node_modules. They are
// kept out of the app's dependencies: better-sqlite3 compiles a native module, which the app's
// `npm ci` (CI, a librarian's build) should not pay for. Where its prebuilt binary cannot be
// downloaded (an offline machine), node-gyp compiles it against this Node's own headers
// (`<prefix>/include/node`), so nothing is fetched from nodejs.org either.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const prefix = dirname(dirname(process.execPath))
const env = { ...process.env }
if (!env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node.h'))) {
  env.npm_config_nodedir = prefix
  console.log(`[bench:peers] compiling native modules against ${prefix}/include/node`)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: here, env, stdio: 'inherit' })
process.exit(r.status ?? 1)
