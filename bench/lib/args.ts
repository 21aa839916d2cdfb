// Command-line options of `npm run bench -- …`.
import { PEER_NAMES } from './peer-runs'
import type { PeerName } from './peer-runs'

export interface BenchOptions {
  /** A folder of .txt files instead of the chinese-poetry package. */
  corpus?: string
  /** Fraction of the corpus text to use, by bytes (0 < scale ≤ 1). */
  scale: number
  seed: number
  coldRuns: number
  /** Rounds over all warm queries (interleaved engine/scan), median per query. */
  rounds: number
  /** Query of the cold measurements; default the first sampled query. */
  coldQuery?: string
  /** Write V8 CPU profiles of the children to bench/.cache/prof. */
  profile: boolean
  dropCaches: boolean
  /** Peer libraries measured beside the engine (bench/lib/peers). */
  peers: PeerName[]
  help: boolean
}

export const USAGE = `npm run bench -- [options]
  --corpus DIR      a folder of .txt files (default: npm pack chinese-poetry@2.0.1)
  --scale F         use a fraction of the corpus text (by bytes), e.g. 0.25 (default 1)
  --rounds N        timing rounds of the warm queries, median per query (default 5)
  --seed N          seed of the file subset and the sampled queries (default 1)
  --cold-runs N     runs of each cold measurement, median reported (default 5)
  --cold-query Q    query of the cold measurements (default: the first sampled query)
  --profile         write CPU profiles of the build, warm and heap children to bench/.cache/prof
  --no-drop-caches  do not drop the OS page cache before cold runs
  --peers LIST      peers measured beside the engine, comma-separated, or none
                    (default minisearch,flexsearch,sqlite; the last two need
                    npm run bench:peers:install)`

export function parseBenchArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = {
    scale: 1,
    seed: 1,
    coldRuns: 5,
    rounds: 5,
    profile: false,
    dropCaches: true,
    peers: [...PEER_NAMES],
    help: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    const number = (min: number, max: number): number => {
      const v = Number(value())
      if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${a}: ${min}..${max}`)
      return v
    }
    if (a === '--corpus') o.corpus = value()
    else if (a === '--scale') o.scale = number(1e-6, 1)
    else if (a === '--seed') o.seed = Math.floor(number(0, 2 ** 31))
    else if (a === '--cold-runs') o.coldRuns = Math.floor(number(1, 50))
    else if (a === '--rounds') o.rounds = Math.floor(number(1, 50))
    else if (a === '--cold-query') o.coldQuery = value()
    else if (a === '--profile') o.profile = true
    else if (a === '--no-drop-caches') o.dropCaches = false
    else if (a === '--peers') {
      const list = value()
      const names = list === 'none' ? [] : list.split(',').map((x) => x.trim())
      const unknown = names.filter((x) => !(PEER_NAMES as readonly string[]).includes(x))
      if (unknown.length) throw new Error(`--peers: unknown ${unknown.join(', ')}`)
      o.peers = names as PeerName[]
    } else if (a === '--help' || a === '-h') o.help = true
    else throw new Error(`unknown option ${a}`)
  }
  return o
}
