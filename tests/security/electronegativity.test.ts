// The Electronegativity gate of `npm run security` (scripts/security.ts) can fail: an insecure
// window in a scratch app is caught, the allowlist only excuses what it names, and a stale
// allowlist entry fails the scan too. The project itself is scanned by `npm run security`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { judge, MEDIUM, scan } from '../../scripts/security'
import type { ScanResult } from '../../scripts/security'
import { ALLOWED_FINDINGS, EXCLUDED_CHECKS } from '../../scripts/electronegativity-allowlist'
import { tempDir } from '../helpers'

const INSECURE_MAIN = `import { app, BrowserWindow, shell } from 'electron'

app.whenReady().then(() => {
  const win = new BrowserWindow({
    webPreferences: {
      nodeIntegration: true,
      contextIsolation: false,
      sandbox: false,
      webSecurity: false,
      allowRunningInsecureContent: true,
    },
  })
  win.webContents.on('new-window', (_e, url) => shell.openExternal(url))
  win.loadURL('http://example.com/')
})
`

const INSECURE_HTML = `<!doctype html>
<html><head><script src="http://cdn.example.com/lib.js"></script></head>
<body><webview src="https://example.com" nodeintegration></webview></body></html>
`

let scratch: { dir: string; cleanup: () => void }
let result: ScanResult

beforeAll(async () => {
  scratch = tempDir()
  mkdirSync(join(scratch.dir, 'src'))
  writeFileSync(join(scratch.dir, 'src', 'main.ts'), INSECURE_MAIN)
  writeFileSync(join(scratch.dir, 'src', 'index.html'), INSECURE_HTML)
  writeFileSync(
    join(scratch.dir, 'package.json'),
    JSON.stringify({ name: 'scratch', devDependencies: { electron: '^45.4.1' } }),
  )
  result = await scan(scratch.dir)
}, 60_000)

afterAll(() => scratch.cleanup())

describe('npm run security (Electronegativity)', () => {
  it('loads its checks and parses every file', () => {
    expect(result.checks).toBeGreaterThanOrEqual(30)
    expect(result.files).toBe(3)
    expect(result.parseErrors).toEqual([])
  })

  it('finds the insecure settings of a scratch app, at MEDIUM or above, and fails', () => {
    const serious = new Set(
      result.findings.filter((f) => f.severityValue >= MEDIUM).map((f) => f.check),
    )
    for (const check of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'INSECURE_CONTENT_JS_CHECK',
      'AUXCLICK_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'NODE_INTEGRATION_HTML_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
    ])
      expect(serious, check).toContain(check)
    const verdict = judge(result, ALLOWED_FINDINGS)
    expect(verdict.ok).toBe(false)
    expect(verdict.failing.length).toBeGreaterThanOrEqual(5)
  })

  it('excuses only the finding an allowlist entry names', () => {
    const isolation = result.findings.find((f) => f.check === 'CONTEXT_ISOLATION_JS_CHECK')
    expect(isolation).toBeDefined()
    const entry = { check: 'CONTEXT_ISOLATION_JS_CHECK', file: isolation!.file, reason: 'test' }
    const verdict = judge(result, [entry])
    expect(verdict.allowed.map((a) => a.finding.check)).toContain('CONTEXT_ISOLATION_JS_CHECK')
    expect(verdict.failing.some((f) => f.check === 'CONTEXT_ISOLATION_JS_CHECK')).toBe(false)
    // The same check elsewhere is not excused.
    expect(judge(result, [{ ...entry, file: 'src/other.ts' }]).failing).toContainEqual(isolation)
    expect(verdict.failing.length).toBeGreaterThan(0)
  })

  it('fails on an allowlist entry that matches nothing, and on a scan that saw nothing', () => {
    const clean: ScanResult = { ...result, findings: [] }
    const stale = judge(clean, [{ check: 'PRELOAD_JS_CHECK', file: 'gone.ts', reason: 'x' }])
    expect(stale.ok).toBe(false)
    expect(stale.problems.join('\n')).toMatch(/matches nothing/)
    expect(judge({ ...clean, files: 0 }, [], 1).ok).toBe(false)
    expect(judge({ ...clean, checks: 3 }, []).ok).toBe(false)
    expect(judge(clean, []).ok).toBe(true)
  })

  it('every allowlist entry and exclusion says why', () => {
    for (const e of ALLOWED_FINDINGS) expect(e.reason.length).toBeGreaterThan(20)
    for (const e of EXCLUDED_CHECKS) expect(e.reason.length).toBeGreaterThan(20)
  })
})
