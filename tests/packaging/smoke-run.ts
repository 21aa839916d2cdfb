// Runs the built main bundle under the Electron STAND-IN (tests/packaging/electron-stand-in),
// in a child Node process, and returns the driver's report. This checks our wiring in the
// built or packaged layout — what main registers, in which order, which files it serves and
// starts — not Electron, which only `npm run test:e2e` on a machine with the binary exercises.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const STAND_IN = fileURLToPath(new URL('./electron-stand-in/', import.meta.url))

export interface SmokeOptions {
  /** out/main/index.js of the layout under test. */
  main: string
  packaged: boolean
  /** process.resourcesPath (packaged only): where resources/archive is. */
  resourcesPath?: string
  userData: string
  /** Files main's open dialog answers with, for the import worker. */
  picks?: string[]
  query?: string
}

export interface SmokeReport {
  error?: string
  logs: string[]
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]
  loadedUrl: string
  handledBeforeLoad: string[]
  listenedBeforeLoad: string[]
  protocolsBeforeLoad: string[]
  hardenedBeforeLoad: boolean
  webPreferences: Record<string, boolean>
  preload: {
    path: string
    exists: boolean
    bytes?: number
    error?: string
    required?: string[]
    exposed?: Record<string, string[]>
  }
  page?: { status: number; csp: string | null; isShippedIndex: boolean }
  outside?: Record<string, number>
  foreign: Record<string, { ok: boolean; error?: { name: string } }>
  navigateBeforeReady: number
  navigateAfterReady: string[]
  status: { state: string; issues: number; articles: number }
  issues: number
  searchTotal: number
  userIndexWritten: boolean
  picked?: { ok: boolean; value?: { id: string; files: number } | null }
  plan?: { ok: boolean; files?: string[]; error?: { name: string; message: string } }
}

export function runSmoke(o: SmokeOptions): SmokeReport {
  const r = spawnSync(
    process.execPath,
    ['--import', join(STAND_IN, 'register.mjs'), join(STAND_IN, 'drive.mjs')],
    {
      // A cwd with no node_modules above it: nothing may come from the project's packages.
      cwd: o.userData,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, SMOKE_OPTIONS: JSON.stringify(o), NODE_OPTIONS: '' },
    },
  )
  const line = r.stdout.split('\n').find((l) => l.startsWith('SMOKE-REPORT '))
  if (!line) throw new Error(`the stand-in driver printed no report:\n${r.stdout}\n${r.stderr}`)
  const report = JSON.parse(line.slice('SMOKE-REPORT '.length)) as SmokeReport
  if (report.error) throw new Error(`${report.error}\nmain logged:\n${report.logs.join('\n')}`)
  return report
}

/** The channels main must handle before the page loads (the page calls them at once). */
export const ALL_CHANNELS = [
  'archive:list-issues',
  'archive:get-issue',
  'archive:get-article',
  'archive:get-page-source',
  'archive:search',
  'archive:article-matches',
  'archive:index-status',
  'archive:suggest',
  'archive:quick-open',
  'archive:did-you-mean',
  'import:pick-files',
  'import:pick-folder',
  'import:plan',
  'import:commit',
  'import:cancel',
  'import:remove-issue',
  'import:user-issues',
  'corrections:edit-target',
  'corrections:preview-edit',
  'corrections:apply-edit',
  'corrections:remove',
  'corrections:export',
]
