// Bench child: what a librarian's action costs on the whole archive (issue 16): add one issue of
// one ~15 KB page (check + commit of the import), then remove it again, five times; the archive
// ends as it began (same catalog). Run last: it writes to the bench archive.
// argv: archiveDir cycles
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCatalog } from '../../src/node/archive-dir'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { removeIssue } from '../../src/node/remove-issue'
import { writeBatch } from '../../tests/support/batch'
import { progress, sendResult } from '../lib/protocol'
import type { AddRemoveResult } from '../lib/results'

const [archiveDir, cyclesArg] = process.argv.slice(2) as [string, string]
const cycles = Math.max(1, Number(cyclesArg) || 5)
const catalog = readCatalog(archiveDir)
const paper = (catalog.issues[0] as { paper: string }).paper
const work = mkdtempSync(join(tmpdir(), 'bench-add-'))
const batch = join(work, 'batch')
// A date before every synthetic date of the bench archive (they start in 1900).
const written = writeBatch(batch, {
  issues: 1,
  pagesPerIssue: 1,
  papers: [paper],
  firstDate: '1890-01-01',
  chars: 5000,
})

/** Bytes of the index: index.bin and whatever lives beside it under its name. */
function indexBytes(): number {
  let total = 0
  for (const f of readdirSync(archiveDir)) {
    if (!f.startsWith(INDEX_FILE)) continue
    const p = join(archiveDir, f)
    const st = statSync(p)
    if (st.isFile()) total += st.size
    else if (st.isDirectory()) for (const g of readdirSync(p)) total += statSync(join(p, g)).size
  }
  return total
}

const addMs: number[] = []
const removeMs: number[] = []
try {
  for (let c = 0; c < cycles; c++) {
    let t = performance.now()
    const plan = planImport({ archiveDir, inputs: [batch] })
    if (!plan.report.ok)
      throw new Error(
        `the bench import was refused: ${JSON.stringify(plan.report.problems.slice(0, 3))}`,
      )
    const result = commitImport(plan)
    addMs.push(performance.now() - t)
    const id = (result.issues[0] as { id: string }).id
    t = performance.now()
    removeIssue({ archiveDir, issueId: id })
    removeMs.push(performance.now() - t)
    progress(`add ${addMs.at(-1)?.toFixed(0)} ms, remove ${removeMs.at(-1)?.toFixed(0)} ms`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
const result: AddRemoveResult = {
  addMs,
  removeMs,
  pageBytes: written.bytes,
  issues: catalog.issues.length,
  indexBytesAfter: indexBytes(),
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}
sendResult(result)
