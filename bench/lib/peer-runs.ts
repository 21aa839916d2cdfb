// Runs the peers (bench/children/peer.ts), each in its own process, on the articles and queries
// of the warm child, and says plainly why a peer was not measured.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runChild } from './child'
import type { PeerRun } from './peer-report'
import type { PeerResult } from './results'

export const PEER_NAMES = ['minisearch', 'flexsearch', 'sqlite'] as const
export type PeerName = (typeof PEER_NAMES)[number]

/** The package a peer needs from bench/peers (MiniSearch is one of the app's own). */
const PACKAGE: Partial<Record<PeerName, string>> = {
  flexsearch: 'flexsearch',
  sqlite: 'better-sqlite3',
}

export async function runPeers(
  names: readonly PeerName[],
  files: { scanText: string; details: string; scratch: string },
  rounds: number,
  log: (m: string) => void,
): Promise<PeerRun[]> {
  const runs: PeerRun[] = []
  for (const peer of names) {
    const pkg = PACKAGE[peer]
    if (pkg && !existsSync(join(import.meta.dirname, '..', 'peers', 'node_modules', pkg))) {
      runs.push({ peer, error: `${pkg} not installed (npm run bench:peers:install)` })
      log(`  ${peer}: skipped, ${pkg} not installed (npm run bench:peers:install)`)
      continue
    }
    try {
      const { result } = await runChild<PeerResult>(
        'peer.ts',
        [peer, files.scanText, files.details, String(rounds), files.scratch],
        // MiniSearch needed 3.9 GB of heap at the full corpus, over V8's default limit.
        { nodeFlags: ['--max-old-space-size=12288'] },
      )
      runs.push({ peer, result })
    } catch (e) {
      runs.push({ peer, error: (e as Error).message })
    }
  }
  return runs
}
