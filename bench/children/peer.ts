// Bench child: one peer search library (bench/lib/peers/) on the same articles and queries as
// the engine. Reads the articles' normalized texts the warm child wrote for the scan and the
// queries it timed (query-details.json, bands included), builds the peer, measures its heap, and
// times its queries interleaved with the same joined-string scan, query by query, over several
// rounds in a fresh order each (median per query), then compares its complete result sets with
// the scan's. argv: peer scanText detailsFile rounds scratchDir
import { mkdirSync, readFileSync } from 'node:fs'
import { flexSearchPeer } from '../lib/peers/flexsearch'
import { miniSearchPeer } from '../lib/peers/minisearch'
import type { Peer } from '../lib/peers/peer'
import { sqlitePeer } from '../lib/peers/sqlite'
import { progress, sendResult } from '../lib/protocol'
import { queryTerms } from '../lib/queries'
import type { PeerResult, QueryDetail } from '../lib/results'
import { shuffled } from '../lib/rng'
import { JoinedScan, SCAN_SEPARATOR } from '../lib/scan'
import { median } from '../lib/stats'
import { makeRng } from '../../tests/support/rng'

const PEERS: Record<string, Peer> = {
  minisearch: miniSearchPeer,
  flexsearch: flexSearchPeer,
  sqlite: sqlitePeer,
}

const [name, scanText, detailsFile, roundsArg, scratchDir] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
]
const peer = PEERS[name]
if (!peer) throw new Error(`unknown peer ${name}; known: ${Object.keys(PEERS).join(', ')}`)
const rounds = Math.max(1, Number(roundsArg) || 5)
const gc = (globalThis as { gc?: () => void }).gc as () => void
const memory = (): { heap: number; rss: number } => {
  gc()
  const m = process.memoryUsage()
  return { heap: m.heapUsed + m.external, rss: m.rss }
}

const joinedText = readFileSync(scanText, 'utf8')
const texts = joinedText.split(SCAN_SEPARATOR)
const joined = new JoinedScan(joinedText)
const details = JSON.parse(readFileSync(detailsFile, 'utf8')) as QueryDetail[]
const queries = details.map((d) => ({ q: d.q, terms: queryTerms(d.q) }))
mkdirSync(scratchDir, { recursive: true })

progress(`${peer.name}: building over ${texts.length.toLocaleString('en')} articles …`)
const before = memory()
const t = performance.now()
const index = peer.build(texts, scratchDir)
const buildMs = performance.now() - t
const after = memory()

const timed = (fn: () => unknown): number => {
  const s = performance.now()
  fn()
  return performance.now() - s
}
for (const { terms } of queries.slice(0, 20)) {
  index.find(terms)
  joined.find(terms)
}
const samples = queries.map(() => ({ peer: [] as number[], scan: [] as number[] }))
const rng = makeRng(7)
for (let r = 0; r < rounds; r++) {
  progress(`${peer.name}: timing round ${r + 1} of ${rounds} …`)
  for (const i of shuffled(
    rng,
    queries.map((_, k) => k),
  )) {
    const { terms } = queries[i] as { terms: string[] }
    const s = samples[i] as { peer: number[]; scan: number[] }
    s.peer.push(timed(() => index.find(terms)))
    s.scan.push(timed(() => joined.find(terms)))
  }
}

let both = 0
let found = 0
let expected = 0
let exactQueries = 0
for (const { terms } of queries) {
  const got = index.find(terms)
  const want = new Set(joined.find(terms))
  let same = 0
  for (const d of got) if (want.has(d)) same++
  both += same
  found += got.length
  expected += want.size
  if (same === got.length && same === want.size) exactQueries++
}

const result: PeerResult = {
  name: peer.name,
  setup: peer.setup,
  articles: texts.length,
  buildMs,
  heapBytes: after.heap - before.heap,
  rssBytes: after.rss - before.rss,
  ...(index.diskBytes === undefined ? {} : { diskBytes: index.diskBytes }),
  ...(index.reopenMs === undefined ? {} : { reopenMs: index.reopenMs }),
  notes: index.notes,
  peerMs: samples.map((s) => median(s.peer)),
  scanMs: samples.map((s) => median(s.scan)),
  recall: expected === 0 ? 1 : both / expected,
  precision: found === 0 ? 1 : both / found,
  exactQueries,
  checkedQueries: queries.length,
}
sendResult(result)
