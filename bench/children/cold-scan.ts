// Bench child, the naive baseline: read every source file of the corpus, decode it as UTF-8 and
// look for the query with String.includes. No index, no normalization.
// argv: fileListPath query
import { readFileSync } from 'node:fs'
import { sendAnswered, sendResult } from '../lib/protocol'
import type { ColdScanResult } from '../lib/results'

const importedMs = performance.now()
const [listPath, q] = process.argv.slice(2) as [string, string]
const files = readFileSync(listPath, 'utf8').split('\n').filter(Boolean)
const decoder = new TextDecoder('utf-8')
let matching = 0
let bytes = 0
for (const file of files) {
  const buf = readFileSync(file)
  bytes += buf.length
  if (decoder.decode(buf).includes(q)) matching++
}
const answeredMs = performance.now()
sendAnswered({ matching })
const result: ColdScanResult = { importedMs, answeredMs, files: files.length, bytes, matching }
sendResult(result)
