// A search library the bench measures beside ours (issue 16: "peers measured in the same run on
// the same articles and queries"). Each peer indexes the articles' normalized texts exactly as
// the scan holds them (title, U+0001, body) and answers a query's words with every article that
// contains all of them. A peer whose index can only narrow the candidates (MiniSearch's and
// FlexSearch's terms are characters and pairs, not substrings) verifies each candidate with
// `includes`, as our engine does, so that every peer's precision is exact and its latency
// includes that work; recall is then what its index finds.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export interface PeerIndex {
  /** Articles (ascending ids) containing every one of `terms` (normalized, non-empty). */
  find(terms: readonly string[]): number[]
  /** Bytes of the persisted index, when this peer has one. */
  diskBytes?: number
  /** ms to reopen the persisted index and answer one query (a fresh handle, same process). */
  reopenMs?: number
  /** Why a figure is missing (e.g. MiniSearch's JSON longer than V8's longest string). */
  notes: string[]
}

export interface Peer {
  name: string
  /** The set-up, as the table prints it. */
  setup: string
  build(texts: readonly string[], scratchDir: string): PeerIndex
}

const PEERS_DIR = join(import.meta.dirname, '..', '..', 'peers')
const requirePeer = createRequire(join(PEERS_DIR, 'package.json'))

/**
 * Loads a package installed by `npm run bench:peers:install` (bench/peers/node_modules), or
 * says why it cannot: the peers are not part of the app's dependencies.
 */
export function loadPeerPackage(name: string): unknown {
  if (!existsSync(join(PEERS_DIR, 'node_modules', name)))
    throw new Error(`${name} is not installed: run \`npm run bench:peers:install\``)
  return requirePeer(name)
}

/** Candidates that contain every term, ascending: the verification every narrowing peer does. */
export function verified(
  candidates: Iterable<number>,
  texts: readonly string[],
  terms: readonly string[],
): number[] {
  const out: number[] = []
  for (const d of candidates) {
    const text = texts[d] as string
    if (terms.every((t) => text.includes(t))) out.push(d)
  }
  return out.sort((a, b) => a - b)
}
