// A two-node cluster (its own, on other ports) with one replica: a node is killed (SIGKILL) while
// queries are in flight, and every query is still answered — the client retries on the other
// node — with the same hits as before. The killed node is the one that is not the elected
// cluster manager: a two-node cluster cannot elect a new manager without the other's vote, and
// losing it is a cluster outage the reading room reports (faults.test.ts), not a failover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster } from '../../scripts/opensearch-node'
import type { LocalCluster } from '../../scripts/opensearch-node'
import { OpenSearchBackend } from '../../src/node/search-backend/opensearch/backend'
import { Cluster } from '../../src/node/search-backend/opensearch/connection'
import { indexToOpenSearch } from '../../src/node/search-backend/opensearch/indexer'
import { SEEDS } from '../helpers'

let cluster: LocalCluster
beforeAll(async () => {
  cluster = await startCluster({ nodes: 2, name: 'ar-failover', httpPort: 9280 })
})
afterAll(async () => {
  await cluster?.stop()
})

describe('failover', () => {
  it('a node killed mid-query: every query is answered by the other node', async () => {
    const config = { urls: cluster.urls, indexPrefix: 'failover-', requestTimeoutMs: 5000 }
    await indexToOpenSearch({ archiveDir: SEEDS, config, replicas: 1 })
    const admin = new Cluster(config)
    const manager = (
      await admin.request({
        method: 'GET',
        path: '/_cat/cluster_manager',
        querystring: { format: 'json' },
      })
    ).body as unknown as { node: string }[]
    const victim = cluster.nodes.findIndex((n) => n.name !== manager[0]?.node)
    await admin.close()
    const backend = OpenSearchBackend.create(config)
    const queries = ['发展', '雷锋', '本报讯', '江北 发展', '"记者 刘静" OR 雷锋 -北京']
    const want = await Promise.all(queries.map((q) => backend.search({ q, limit: 1000 })))
    let answered = 0
    const rounds = Array.from({ length: 40 }, (_, i) => i)
    await Promise.all(
      rounds.map(async (i) => {
        // Stagger the queries so the kill lands while some are in flight.
        await new Promise((r) => setTimeout(r, i * 25))
        if (i === 10) cluster.kill(victim)
        const k = i % queries.length
        const r = await backend.search({ q: queries[k] as string, limit: 1000 })
        expect(r.total).toBe(want[k]!.total)
        expect(r.hits.map((h) => h.articleId).sort()).toEqual(
          want[k]!.hits.map((h) => h.articleId).sort(),
        )
        answered++
      }),
    )
    expect(answered).toBe(rounds.length)
    await backend.close()
  })
})
