// Batch import throughput: a generated folder of page files (UTF-8, GB18030 and Big5, four pages
// per issue) imported into a copy of the seed archive, in a child process so that its peak RSS is
// the import's own. Prints files/s, MB/s, peak RSS and the time of each phase.
// With --people-daily, instead: real days of the People's Daily imported one file per article
// through the CLI, and each article compared with its file (bench/lib/per-article-check.ts).
//
//   npm run bench:import -- [--files 2000] [--chars 5000]
//   npm run bench:import -- --people-daily [--days 3 (0: all 28)] [--misses]
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { ImportProgress } from '../src/shared/archive/import-report'
import { ArchiveService } from '../src/node/archive-service'
import { commitImport } from '../src/node/import/commit'
import { planImport } from '../src/node/import/plan'
import { verifyArchive } from '../src/node/verify'
import { writeBatch } from '../tests/support/batch'
import { peopleDailyPerArticle } from './lib/per-article-check'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

interface ChildResult {
  files: number
  bytes: number
  planMs: number
  commitMs: number
  phases: Record<string, number>
  maxRssMb: number
  index: string
}

function child(archive: string, batch: string): void {
  const phases: Record<string, number> = {}
  let phase = ''
  let since = performance.now()
  const onProgress = (p: ImportProgress): void => {
    if (p.phase === phase) return
    const now = performance.now()
    if (phase) phases[phase] = Math.round(now - since)
    phase = p.phase
    since = now
  }
  const t0 = performance.now()
  const plan = planImport({ archiveDir: archive, inputs: [batch], onProgress })
  if (!plan.report.ok) {
    console.error(
      JSON.stringify(
        plan.report.problems.concat(plan.report.files.flatMap((f) => f.problems)).slice(0, 5),
      ),
    )
    process.exit(1)
  }
  const t1 = performance.now()
  const result = commitImport(plan, { onProgress })
  const t2 = performance.now()
  const out: ChildResult = {
    files: plan.report.summary.files,
    bytes: plan.report.summary.bytes,
    planMs: Math.round(t1 - t0),
    commitMs: Math.round(t2 - t1),
    phases,
    // resourceUsage().maxRSS is in kilobytes.
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    index: result.index,
  }
  process.stdout.write(JSON.stringify(out))
}

function perArticle(days: number, misses: boolean): void {
  const r = peopleDailyPerArticle(join(ROOT, 'bench', '.cache', 'people-daily'), days)
  if (typeof r === 'string') {
    console.log(`people-daily per-article: skipped — ${r}`)
    return
  }
  const of = (n: number): string => `${n}/${r.articles}`
  console.log(
    [
      `People's Daily per-article import (CLI add, one file per article): ${r.days} days (${r.gapped} of the month left out: gaps in the crawl's numbering), ${r.pages} pages, ${r.articles} articles in ${(r.importMs / 1000).toFixed(1)} s; verify ${r.verified ? 'OK' : 'FAILED'}`,
      `  exact ${of(r.exact)} — boundaries ${of(r.boundaries)}, headings ${of(r.headings)}, bodies ${of(r.bodies)}`,
      `  ${r.mismatches.length ? (misses ? 'mismatches:' : `${r.mismatches.length} mismatches (--misses lists them)`) : 'no mismatches'}`,
    ].join('\n'),
  )
  if (misses)
    for (const m of r.mismatches)
      console.log(`  ${m.file} ${m.what}\n      want ${m.want}\n      got  ${m.got}`)
  if (r.exact !== r.articles || !r.verified) process.exitCode = 1
}

function main(): void {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '2000' },
      chars: { type: 'string', default: '5000' },
      child: { type: 'string', multiple: true },
      'people-daily': { type: 'boolean', default: false },
      days: { type: 'string', default: '3' },
      misses: { type: 'boolean', default: false },
    },
  })
  if (values.child) {
    child(values.child[0] as string, values.child[1] as string)
    return
  }
  if (values['people-daily']) {
    perArticle(Number(values.days), values.misses)
    return
  }
  const files = Number(values.files)
  const pagesPerIssue = 4
  const work = mkdtempSync(join(tmpdir(), 'bench-import-'))
  try {
    const batch = join(work, 'batch')
    const archive = join(work, 'archive')
    const g = performance.now()
    const written = writeBatch(batch, {
      issues: Math.ceil(files / pagesPerIssue),
      pagesPerIssue,
      chars: Number(values.chars),
      encodings: ['utf-8', 'gb18030', 'utf-8', 'big5'],
    })
    console.log(
      `Generated ${written.files.length} files, ${(written.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - g) / 1000).toFixed(1)} s`,
    )
    cpSync(join(ROOT, 'seeds'), archive, { recursive: true })
    // The seed index is current, so the import extends it rather than building one first.
    ArchiveService.open({ archiveDir: archive })
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', archive, '--child', batch],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
    )
    if (r.status !== 0) throw new Error(`the import failed: ${r.stderr}`)
    const res = JSON.parse(r.stdout) as ChildResult
    const secs = (res.planMs + res.commitMs) / 1000
    const v = verifyArchive(archive)
    const s = ArchiveService.open({ archiveDir: archive })
    console.log(
      [
        `Imported ${res.files} files (${(res.bytes / 1e6).toFixed(1)} MB) in ${secs.toFixed(1)} s: ` +
          `${(res.files / secs).toFixed(0)} files/s, ${(res.bytes / 1e6 / secs).toFixed(2)} MB/s, peak RSS ${res.maxRssMb} MB`,
        `  check (pass 1) ${(res.planMs / 1000).toFixed(1)} s, commit (pass 2) ${(res.commitMs / 1000).toFixed(1)} s; index ${res.index}`,
        `  phases (ms): ${Object.entries(res.phases)
          .map(([k, ms]) => `${k} ${ms}`)
          .join(', ')}`,
        `  afterwards: verify ${v.ok ? 'OK' : 'FAILED'} (${v.issues} issues, ${v.pages} pages, ${v.warnings.length} warnings); index ${s.openResult.index} on open`,
      ].join('\n'),
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main()
