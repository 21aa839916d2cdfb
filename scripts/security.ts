// `npm run security`: Doyensec's Electronegativity over the app's own code — src/main,
// src/preload, src/renderer, src/shared and package.json (for the Electron version) — failing on
// any finding of MEDIUM severity or above that scripts/electronegativity-allowlist.ts does not
// explain, and on allowlist entries that no longer match anything.
//
// The sources are scanned rather than out/: line numbers point at the code a person edits, no
// build is needed, and the bundle adds nothing the scanner sees (checked: out/ gives the same
// findings). The scan runs offline: Electronegativity's HTTP client (`got`, used to fetch
// translations and Electron's release list) is replaced by one that refuses at once.
//
//   npx tsx scripts/security.ts [--input DIR] [--json]
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ALLOWED_FINDINGS, EXCLUDED_CHECKS } from './electronegativity-allowlist'
import type { AllowedFinding } from './electronegativity-allowlist'

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
/** What is scanned, relative to the project root. */
export const SCANNED = ['src/main', 'src/preload', 'src/renderer', 'src/shared', 'package.json']

/** Electronegativity's severity values: 0 informational, 1 low, 2 medium, 3 high. */
export const MEDIUM = 2

export interface Finding {
  check: string
  file: string
  line: number
  column: number
  severity: string
  severityValue: number
  confidence: string
  reviewRequired: boolean
  description: string
  sample?: string
}

export interface ScanResult {
  version: string
  checks: number
  files: number
  /** Files the scanner could not parse (a scan that skips files could pass vacuously). */
  parseErrors: string[]
  findings: Finding[]
}

interface RawIssue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { value: number; name: string }
  confidence: { value: number; name: string }
  manualReview?: boolean
  description: string
  sample?: string
}

interface RunResult {
  globalChecks: number
  atomicChecks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: RawIssue[]
}

const require = createRequire(import.meta.url)
const PACKAGE_JSON = require.resolve('@doyensec/electronegativity/package.json')

/** Makes every HTTP request of Electronegativity fail at once, without touching the network. */
function stubNetwork(): void {
  const fromScanner = createRequire(PACKAGE_JSON)
  const gotPath = fromScanner.resolve('got')
  const refuse = (): Promise<never> =>
    Promise.reject(new Error('npm run security runs offline: no network requests'))
  const offline = Object.assign(refuse, { head: refuse, get: refuse })
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
    children: [],
    paths: [],
  } as unknown as NodeJS.Module
}

function countScannable(dir: string): number {
  let n = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) n += countScannable(p)
    else if (/\.(jsx?|tsx?|html?)$/.test(entry.name) || entry.name === 'package.json') n++
  }
  return n
}

/** Runs Electronegativity over `input` (a folder); paths in the result are relative to it. */
export async function scan(input: string): Promise<ScanResult> {
  stubNetwork()
  const version = (require(PACKAGE_JSON) as { version: string }).version
  const run = require('@doyensec/electronegativity') as (
    options: Record<string, unknown>,
    forCli: boolean,
  ) => Promise<RunResult>
  // The scanner prints its own chatter (a failed translation download); keep stdout ours.
  const log = console.log
  const env = process.env.LANG
  process.env.LANG = 'en-US'
  let result: RunResult
  try {
    console.log = () => {}
    result = await run(
      {
        input,
        isRelative: true,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS.map((c) => c.check.toLowerCase()),
        parserPlugins: [],
      },
      false,
    )
  } finally {
    console.log = log
    if (env === undefined) delete process.env.LANG
    else process.env.LANG = env
  }
  return {
    version,
    checks: result.globalChecks + result.atomicChecks,
    files: countScannable(input),
    parseErrors: result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
    findings: result.issues.map((i) => ({
      check: i.id,
      file: i.file.replace(/\\/g, '/'),
      line: i.location.line,
      column: i.location.column,
      severity: i.severity.name,
      severityValue: i.severity.value,
      confidence: i.confidence.name,
      reviewRequired: i.manualReview === true,
      description: i.description,
      ...(i.sample ? { sample: i.sample } : {}),
    })),
  }
}

/** Copies what is scanned to a temp folder (the project also holds reports, caches and builds). */
export async function scanProject(root = ROOT): Promise<ScanResult> {
  const stage = mkdtempSync(join(tmpdir(), 'archive-reader-security-'))
  try {
    for (const rel of SCANNED) {
      const from = join(root, rel)
      if (!existsSync(from)) throw new Error(`security: ${from} is missing`)
      const to = join(stage, rel)
      cpSync(from, to, { recursive: statSync(from).isDirectory() })
    }
    return await scan(stage)
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

export interface Verdict {
  ok: boolean
  /** MEDIUM or above and not explained by the allowlist. */
  failing: Finding[]
  /** MEDIUM or above, reviewed: the allowlist entry that explains each. */
  allowed: { finding: Finding; entry: AllowedFinding }[]
  /** Below MEDIUM: reported, never failing. */
  low: Finding[]
  /** Allowlist entries that match no finding (stale). */
  unused: AllowedFinding[]
  problems: string[]
}

function matches(entry: AllowedFinding, f: Finding): boolean {
  return (
    entry.check === f.check &&
    entry.file === f.file &&
    (entry.sample === undefined || (f.sample ?? '').includes(entry.sample))
  )
}

export function judge(
  result: ScanResult,
  allowlist: readonly AllowedFinding[] = ALLOWED_FINDINGS,
  minFiles = 1,
): Verdict {
  const failing: Finding[] = []
  const allowed: Verdict['allowed'] = []
  const low: Finding[] = []
  const used = new Set<AllowedFinding>()
  for (const f of result.findings) {
    if (f.severityValue < MEDIUM) {
      low.push(f)
      continue
    }
    const entry = allowlist.find((e) => matches(e, f))
    if (entry) {
      used.add(entry)
      allowed.push({ finding: f, entry })
    } else failing.push(f)
  }
  const unused = allowlist.filter((e) => !used.has(e))
  const problems: string[] = []
  if (result.checks < 30) problems.push(`only ${result.checks} checks loaded (expected 40 or so)`)
  if (result.files < minFiles)
    problems.push(`only ${result.files} files scanned (expected ${minFiles} or more)`)
  for (const e of result.parseErrors) problems.push(`not parsed, so not checked: ${e}`)
  for (const e of unused)
    problems.push(`allowlist entry matches nothing (remove it): ${e.check} in ${e.file}`)
  return {
    ok: failing.length === 0 && problems.length === 0,
    failing,
    allowed,
    low,
    unused,
    problems,
  }
}

function describe(f: Finding): string {
  const review = f.reviewRequired ? ', review required' : ''
  return `${f.severity}/${f.confidence}${review}  ${f.check}  ${f.file}:${f.line}:${f.column}\n      ${f.description}${f.sample ? `\n      > ${f.sample.slice(0, 120)}` : ''}`
}

export function report(result: ScanResult, verdict: Verdict): string {
  const lines = [
    `Electronegativity ${result.version}: ${result.checks} checks over ${result.files} files (${SCANNED.join(', ')})`,
    `excluded (need the network): ${EXCLUDED_CHECKS.map((c) => c.check).join(', ')}`,
  ]
  if (verdict.failing.length) {
    lines.push(`\nFAIL: ${verdict.failing.length} finding(s) of MEDIUM severity or above:`)
    for (const f of verdict.failing) lines.push(`  ${describe(f)}`)
  }
  if (verdict.allowed.length) {
    lines.push(`\nReviewed, not vulnerabilities here (scripts/electronegativity-allowlist.ts):`)
    for (const { finding, entry } of verdict.allowed)
      lines.push(`  ${describe(finding)}\n      why: ${entry.reason}`)
  }
  if (verdict.low.length) {
    lines.push(`\nBelow MEDIUM (reported, not failing):`)
    for (const f of verdict.low) lines.push(`  ${describe(f)}`)
  }
  for (const p of verdict.problems) lines.push(`\nFAIL: ${p}`)
  lines.push(
    verdict.ok
      ? `\nOK: 0 unexplained findings of MEDIUM severity or above.`
      : `\nnpm run security failed.`,
  )
  return lines.join('\n')
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { input: { type: 'string' }, json: { type: 'boolean' } },
  })
  const result = values.input ? await scan(resolve(values.input)) : await scanProject()
  const verdict = judge(result, ALLOWED_FINDINGS, values.input ? 1 : 50)
  if (values.json) process.stdout.write(`${JSON.stringify({ ...result, verdict }, null, 2)}\n`)
  else process.stdout.write(`${report(result, verdict)}\n`)
  return verdict.ok ? 0 : 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`security: ${(e as Error).stack ?? String(e)}\n`)
      process.exit(2)
    },
  )
}
