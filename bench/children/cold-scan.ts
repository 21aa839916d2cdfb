// Bench child, the cold scan baseline: read the articles' normalized texts (the same articles the
// index answers for, written by the warm child as one file), decode them and find the query with
// the joined-string `indexOf` scan, counting the articles that contain it.
// argv: scanTextPath query
import { readFileSync } from 'node:fs'
import { sendAnswered, sendResult } from '../lib/protocol'
import type { ColdScanResult } from '../lib/results'
import { JoinedScan } from '../lib/scan'

const importedMs = performance.now()
const [scanPath, q] = process.argv.slice(2) as [string, string]
const buf = readFileSync(scanPath)
const scan = new JoinedScan(new TextDecoder('utf-8').decode(buf))
// The query as the warm scan takes it: every word must occur (the sampled query is normalized).
const matching = scan.find(q.split(/\s+/).filter(Boolean)).length
const answeredMs = performance.now()
sendAnswered({ matching })
const result: ColdScanResult = {
  importedMs,
  answeredMs,
  articles: scan.count,
  bytes: buf.length,
  matching,
}
sendResult(result)
