// Bench child, cold path of the reader: open the archive (load index.bin) and answer one query,
// as a freshly started process would. The parent times from spawn() to the "answered" line.
// argv: archiveDir query
import { ArchiveService } from '../../src/node/archive-service'
import { sendAnswered, sendResult } from '../lib/protocol'
import type { ColdIndexResult } from '../lib/results'

// performance.now() counts from this process's time origin (its start), so this is the time
// spent starting Node and importing the (bundled) modules above.
const importedMs = performance.now()
const [archiveDir, q] = process.argv.slice(2) as [string, string]
const service = ArchiveService.open({ archiveDir })
const openedMs = performance.now()
const response = service.searchSync({ q, limit: 20 })
const answeredMs = performance.now()
sendAnswered({ total: response.total })
const result: ColdIndexResult = {
  importedMs,
  openedMs,
  answeredMs,
  index: service.openResult.index,
  total: response.total,
  hits: response.hits.length,
}
sendResult(result)
