// Whether the Electron app can be launched here: the Electron binary must be installed (not just
// the npm package's types) and the app built. Never `require('electron')` to find out: when the
// binary is missing, that require starts a download.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type Launchable = { executablePath: string } | { skipped: string }

/** The Electron executable under `root`/node_modules/electron, or why there is none. */
export function electronExecutable(root: string, env: NodeJS.ProcessEnv = process.env): Launchable {
  const pkg = join(root, 'node_modules', 'electron')
  if (!existsSync(join(pkg, 'package.json'))) {
    return { skipped: `Electron is not installed (no ${pkg}); run npm install.` }
  }
  const pathFile = join(pkg, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    return existsSync(exe)
      ? { executablePath: exe }
      : { skipped: `ELECTRON_OVERRIDE_DIST_PATH is set but ${exe} does not exist.` }
  }
  if (!relative) {
    return {
      skipped:
        `the Electron binary is not installed (${pathFile} is missing: the package was installed ` +
        'without its binary, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline). ' +
        'Install it with "node node_modules/electron/install.js" where the network allows.',
    }
  }
  const exe = join(pkg, 'dist', relative)
  if (!existsSync(exe)) {
    return {
      skipped: `the Electron binary is not installed (${exe} is missing); run "node node_modules/electron/install.js".`,
    }
  }
  return { executablePath: exe }
}

/** The files of a built app, or why it cannot be launched yet. */
export function builtAppProblem(root: string): string | undefined {
  const needed = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']
  const missing = needed.filter((f) => !existsSync(join(root, f)))
  return missing.length
    ? `the app is not built (missing ${missing.join(', ')}); run "npx electron-vite build" first.`
    : undefined
}

/**
 * Why Electron cannot open a window here, if it cannot: Linux without an X or Wayland display
 * ("Unable to open X display" otherwise). `npm run test:e2e` runs under xvfb-run when it can.
 */
export function displayProblem(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined
  return (
    'no display (DISPLAY is not set): run "npm run test:e2e", which starts the tests under ' +
    'xvfb-run, after "apt-get install xvfb" (or run them in a desktop session).'
  )
}
