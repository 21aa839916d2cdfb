// A local OpenSearch 2.19.6 on loopback, for `npm run opensearch:start`, the OpenSearch tests and
// the benchmark. No Docker and no download at run time: Maven fetches the integ-test-zip
// distribution and the analysis-common module into ~/.m2 once (opensearch/pom.xml; offline
// afterwards), they are unpacked into .opensearch/dist, and each node runs in its own JVM from
// opensearch/launcher/Launcher.java (heap -Xms512m -Xmx1g: the machine is shared).
import { execFileSync, spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const OPENSEARCH_VERSION = '2.19.6'
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WORK = join(ROOT, '.opensearch')
const HOME = join(WORK, 'dist', `opensearch-${OPENSEARCH_VERSION}`)
const LAUNCHER_SRC = join(ROOT, 'opensearch', 'launcher', 'Launcher.java')
const LAUNCHER_OUT = join(WORK, 'launcher')
export const DEFAULT_HTTP_PORT = 9250

const ANALYSIS_DESCRIPTOR = `description=Adds "built in" analyzers to OpenSearch.
version=${OPENSEARCH_VERSION}
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=${OPENSEARCH_VERSION}
custom.foldername=
extended.plugins=
has.native.controller=false
`

function log(m: string): void {
  process.stderr.write(`opensearch: ${m}\n`)
}

/** Fetches (Maven, offline when cached), unpacks and compiles what a node needs; idempotent. */
export function prepare(): string {
  const artifacts = join(WORK, 'artifacts')
  const zip = join(artifacts, `opensearch-${OPENSEARCH_VERSION}.zip`)
  const analysis = join(artifacts, `analysis-common-${OPENSEARCH_VERSION}.jar`)
  if (!existsSync(zip) || !existsSync(analysis)) {
    const pom = join(ROOT, 'opensearch', 'pom.xml')
    try {
      execFileSync('mvn', ['-q', '-o', '-f', pom, 'package'], { stdio: 'pipe' })
    } catch {
      log('fetching OpenSearch from Maven Central (once; cached in ~/.m2)…')
      execFileSync('mvn', ['-q', '-B', '-f', pom, 'package'], { stdio: 'inherit' })
    }
  }
  if (!existsSync(join(HOME, 'lib', `opensearch-${OPENSEARCH_VERSION}.jar`))) {
    rmSync(join(WORK, 'dist'), { recursive: true, force: true })
    mkdirSync(join(WORK, 'dist'), { recursive: true })
    try {
      execFileSync('unzip', ['-q', '-o', zip, '-d', join(WORK, 'dist')])
    } catch {
      // No unzip on this machine: the JDK's jar tool reads zips too.
      execFileSync('jar', ['xf', zip], { cwd: join(WORK, 'dist') })
    }
  }
  const module = join(HOME, 'modules', 'analysis-common')
  mkdirSync(module, { recursive: true })
  writeFileSync(join(module, `analysis-common-${OPENSEARCH_VERSION}.jar`), readFileSync(analysis))
  writeFileSync(join(module, 'plugin-descriptor.properties'), ANALYSIS_DESCRIPTOR)
  const compiled = join(LAUNCHER_OUT, 'Launcher.class')
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(LAUNCHER_SRC).mtimeMs) {
    mkdirSync(LAUNCHER_OUT, { recursive: true })
    execFileSync(
      'javac',
      ['-nowarn', '-cp', join(HOME, 'lib', '*'), '-d', LAUNCHER_OUT, LAUNCHER_SRC],
      {
        stdio: 'inherit',
      },
    )
  }
  return HOME
}

export interface NodeProcess {
  name: string
  url: string
  pid: number
  dir: string
}

export interface LocalCluster {
  name: string
  nodes: NodeProcess[]
  urls: string[]
  /** Kills one node at once (SIGKILL: a crash, for failover tests). */
  kill(i: number): void
  stop(): Promise<void>
}

export interface StartOptions {
  /** 1 (single node) or more (a cluster; the failover test uses 2). */
  nodes?: number
  httpPort?: number
  name?: string
  /** Keep the data of an earlier run of the same cluster (default: start empty). */
  keepData?: boolean
  heap?: string
  /** How long to wait for the cluster to form (default 180 s: the machine may be loaded). */
  timeoutMs?: number
}

async function health(
  url: string,
): Promise<{ number_of_nodes?: number; status?: string } | undefined> {
  try {
    const r = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2000) })
    return r.ok ? ((await r.json()) as { number_of_nodes?: number; status?: string }) : undefined
  } catch {
    return undefined
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export async function startCluster(o: StartOptions = {}): Promise<LocalCluster> {
  const home = prepare()
  const count = o.nodes ?? 1
  const http = o.httpPort ?? DEFAULT_HTTP_PORT
  const name = o.name ?? (count === 1 ? 'ar-single' : `ar-cluster${count}`)
  const base = join(WORK, name)
  if (!o.keepData) rmSync(base, { recursive: true, force: true })
  const names = Array.from({ length: count }, (_, i) => `${name}-n${i + 1}`)
  const transports = names.map((_, i) => http + 100 + i)
  const nodes: NodeProcess[] = names.map((node, i) => {
    const dir = join(base, node)
    mkdirSync(join(dir, 'data'), { recursive: true })
    mkdirSync(join(dir, 'logs'), { recursive: true })
    const settings = [
      `cluster.name=${name}`,
      `node.name=${node}`,
      'network.host=127.0.0.1',
      `http.port=${http + i}`,
      `transport.port=${transports[i]}`,
      `path.data=${join(dir, 'data')}`,
      `path.logs=${join(dir, 'logs')}`,
      // A query has one clause per character of each term and per field; 500 characters of
      // query over the story and headline fields can pass the default 1024.
      'indices.query.bool.max_clause_count=8192',
      // A test machine's disk may be fuller than the production watermarks allow.
      'cluster.routing.allocation.disk.threshold_enabled=false',
      'action.auto_create_index=false',
      ...(count === 1
        ? ['discovery.type=single-node']
        : [
            `discovery.seed_hosts=${transports.map((p) => `127.0.0.1:${p}`).join(',')}`,
            `cluster.initial_cluster_manager_nodes=${names.join(',')}`,
          ]),
    ]
    const out = openSync(join(dir, 'out.log'), 'w')
    const heap = o.heap ?? '1g'
    const child = spawn(
      'java',
      [
        '-Xms512m',
        `-Xmx${heap}`,
        '-XX:+UseG1GC',
        `-Djava.io.tmpdir=${join(dir, 'data')}`,
        '-Dlog4j2.formatMsgNoLookups=true',
        '-cp',
        `${LAUNCHER_OUT}:${join(home, 'lib', '*')}`,
        'Launcher',
        home,
        join(home, 'config'),
        ...settings,
      ],
      { detached: true, stdio: ['ignore', out, out] },
    )
    child.unref()
    return { name: node, url: `http://127.0.0.1:${http + i}`, pid: child.pid as number, dir }
  })
  writeFileSync(join(base, 'cluster.json'), JSON.stringify({ name, nodes }, null, 2))
  const cluster: LocalCluster = {
    name,
    nodes,
    urls: nodes.map((n) => n.url),
    kill: (i) => {
      const n = nodes[i] as NodeProcess
      if (alive(n.pid)) process.kill(n.pid, 'SIGKILL')
    },
    stop: () => stopNodes(nodes),
  }
  const deadline = Date.now() + (o.timeoutMs ?? 180_000)
  for (;;) {
    const h = await health(nodes[0]!.url)
    if (h && (h.number_of_nodes ?? 0) >= count && h.status !== 'red') return cluster
    const dead = nodes.find((n) => !alive(n.pid))
    if (dead || Date.now() > deadline) {
      await cluster.stop()
      const tail = readFileSync(join((dead ?? nodes[0]!).dir, 'out.log'), 'utf8').slice(-3000)
      throw new Error(
        `OpenSearch node ${(dead ?? nodes[0]!).name} ${dead ? 'exited' : 'did not start in time'}:\n${tail}`,
      )
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
}

/** Stops nodes: SIGTERM (the node closes cleanly), SIGKILL after 30 s. */
export async function stopNodes(nodes: readonly Pick<NodeProcess, 'pid'>[]): Promise<void> {
  for (const n of nodes) if (alive(n.pid)) process.kill(n.pid, 'SIGTERM')
  const deadline = Date.now() + 30_000
  while (nodes.some((n) => alive(n.pid)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200))
  for (const n of nodes) if (alive(n.pid)) process.kill(n.pid, 'SIGKILL')
}

/** Stops every cluster started from this checkout (their cluster.json files). */
export async function stopAll(): Promise<number> {
  if (!existsSync(WORK)) return 0
  let stopped = 0
  for (const name of readdirSync(WORK)) {
    const file = join(WORK, name, 'cluster.json')
    if (!existsSync(file)) continue
    const { nodes } = JSON.parse(readFileSync(file, 'utf8')) as { nodes: NodeProcess[] }
    const running = nodes.filter((n) => alive(n.pid))
    await stopNodes(running)
    stopped += running.length
    rmSync(file)
  }
  return stopped
}
