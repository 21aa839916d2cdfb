// npm run opensearch:start [-- --nodes 2] [--port 9250]   a local node (or cluster) on loopback
// npm run opensearch:stop                                  stops what :start started
// The node keeps running after this command returns; its logs are in .opensearch/<cluster>/.
import { parseArgs } from 'node:util'
import { DEFAULT_HTTP_PORT, startCluster, stopAll } from './opensearch-node'

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { nodes: { type: 'string' }, port: { type: 'string' } },
  })
  const command = positionals[0] ?? 'start'
  if (command === 'stop') {
    const n = await stopAll()
    process.stdout.write(`Stopped ${n} OpenSearch node(s).\n`)
    return 0
  }
  if (command !== 'start') {
    process.stderr.write('usage: tsx scripts/opensearch.ts start [--nodes N] [--port P] | stop\n')
    return 2
  }
  const nodes = Number(values.nodes ?? 1)
  const httpPort = Number(values.port ?? DEFAULT_HTTP_PORT)
  const started = Date.now()
  const cluster = await startCluster({ nodes, httpPort, keepData: true })
  process.stdout.write(
    `OpenSearch ${cluster.name}: ${cluster.urls.join(', ')} (${nodes} node(s), up in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  )
  return 0
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`opensearch: ${(e as Error).message}\n`)
    process.exit(1)
  },
)
