// Bench child: memory held by an opened archive (index.bin loaded), after a full GC; and again
// after some searches, which fill the service's cache of segmented issues.
// argv: archiveDir [queriesFile]
import { existsSync, readFileSync } from 'node:fs'
import { ArchiveService } from '../../src/node/archive-service'
import { sendResult } from '../lib/protocol'
import type { HeapResult } from '../lib/results'

const [archiveDir, queriesFile] = process.argv.slice(2) as [string, string | undefined]
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')

function measure(): NodeJS.MemoryUsage {
  gc?.()
  gc?.()
  return process.memoryUsage()
}

const baseline = measure()
const t0 = performance.now()
const service = ArchiveService.open({ archiveDir })
const openMs = performance.now() - t0
const afterOpen = measure()

const queries =
  queriesFile && existsSync(queriesFile)
    ? readFileSync(queriesFile, 'utf8').split('\n').filter(Boolean).slice(0, 50)
    : []
for (const q of queries) service.searchSync({ q, limit: 20 })
const afterQueries = measure()

const result: HeapResult = {
  openMs,
  index: service.openResult.index,
  baseline,
  afterOpen,
  afterQueries,
  queries: queries.length,
}
sendResult(result)
