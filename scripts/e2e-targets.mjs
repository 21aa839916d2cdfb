// The testers' targets, proved on every `npm test` (issue 18): after the main web run, a few
// specs run again against the two other targets a tester points the suite at —
//   1. ARCHIVE_READER_E2E_ARCHIVE: a copy of the seeds made by `archive-reader export` into
//      another folder (it must count as the seeds, so the seeds' specs run on it, not skip);
//   2. ARCHIVE_READER_E2E_URL: a reading room started here with `npm run serve` on that copy
//      (the suite then starts no server of its own).
// Each run uses the list reporter only, so the main run's html/JUnit/JSON reports stay whole.
// A run whose every test skipped fails: a target that silently skips everything proves nothing.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { clearTimeout, setTimeout } from 'node:timers'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const playwright = join(root, 'node_modules', '@playwright', 'test', 'cli.js')
const tsx = ['--import', 'tsx']

/** Specs for each target: the any-archive walk, plus seeds' specs that must not skip there. */
const ARCHIVE_SPECS = ['tests/e2e/any-archive.spec.ts', 'tests/e2e/library.spec.ts']
const URL_SPECS = ['tests/e2e/any-archive.spec.ts', 'tests/e2e/search.spec.ts']

function run(label, env, specs) {
  console.log(`\n[test:e2e targets] ${label}`)
  const r = spawnSync(
    process.execPath,
    [playwright, 'test', '--project=web', '--reporter=list', ...specs],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env, ARCHIVE_READER_SKIP_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  process.stdout.write(r.stdout)
  if (r.status !== 0) return false
  // Playwright's list summary: "N passed", "M skipped". All skipped means the target was not
  // recognised for what it is.
  const passed = Number(/(\d+) passed/.exec(r.stdout)?.[1] ?? 0)
  if (passed === 0) {
    console.error(`[test:e2e targets] ${label}: no test passed (all skipped?)`)
    return false
  }
  return true
}

/** Starts the reading room on a free port; resolves with its URL and a stop function. */
function serve(archive, index) {
  const child = spawn(
    process.execPath,
    [
      ...tsx,
      'src/server/main.ts',
      '--archive',
      archive,
      '--index',
      index,
      '--port',
      '0',
      '--search-workers',
      '0',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`the reading room did not start in 60 s:\n${out}`))
    }, 60_000)
    child.stdout.on('data', (d) => {
      out += d
      const m = /reading room: (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ url: m[1], stop: () => child.kill('SIGTERM') })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the reading room exited (${code}) before listening:\n${out}`))
    })
  })
}

export async function runTargets() {
  const tmp = mkdtempSync(join(tmpdir(), 'archive-reader-e2e-targets-'))
  const copy = join(tmp, 'seeds-copy')
  // Exported from a scratch copy of seeds/: an export only reads its source, but the bundled
  // seeds are never handed to a writer at all.
  const source = join(tmp, 'seeds')
  cpSync(join(root, 'seeds'), source, {
    recursive: true,
    filter: (f) => !/(index\.bin|archive\.log)$/.test(f),
  })
  try {
    const exported = spawnSync(
      process.execPath,
      [...tsx, 'src/cli/main.ts', '--archive', source, 'export', copy],
      { cwd: root, encoding: 'utf8' },
    )
    if (exported.status !== 0) {
      console.error(`[test:e2e targets] export failed:\n${exported.stdout}${exported.stderr}`)
      return false
    }
    if (
      !run(
        `ARCHIVE_READER_E2E_ARCHIVE=${copy} (exported seeds)`,
        {
          ARCHIVE_READER_E2E_ARCHIVE: copy,
        },
        ARCHIVE_SPECS,
      )
    )
      return false
    const server = await serve(copy, join(tmp, 'index.bin'))
    try {
      return run(
        `ARCHIVE_READER_E2E_URL=${server.url}`,
        {
          ARCHIVE_READER_E2E_URL: server.url,
        },
        URL_SPECS,
      )
    } finally {
      server.stop()
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
