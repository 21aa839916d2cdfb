// The index built on several threads (shard-build.ts) is the single-thread build's: same doc
// ids, texts and listing order, same search answers; a failing worker fails the build.
import { describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import { sortCatalog } from '../../src/shared/archive/catalog'
import { search } from '../../src/shared/search/engine'
import {
  articleIdOf,
  bodyOf,
  bylineOf,
  docCount,
  docText,
  titleOf,
} from '../../src/shared/search/search-index'
import type { SearchIndex } from '../../src/shared/search/compose-index'
import type { Catalog } from '../../src/shared/types'
import { loadCatalog } from '../../src/node/catalog-recovery'
import { buildIndexFor } from '../../src/node/index-helpers'
import { setShardWorkerFactory, shardCount, shardRanges } from '../../src/node/shard-build'
import { SEEDS } from '../helpers'

const catalog = sortCatalog(loadCatalog(SEEDS))

function docsOf(index: SearchIndex): string[] {
  const out: string[] = []
  for (let d = 0; d < docCount(index); d++)
    out.push(
      [
        articleIdOf(index, d),
        titleOf(index, d),
        bylineOf(index, d),
        docText(index, d),
        bodyOf(index, d),
        index.docs.story[d],
        index.docs.len[d],
      ].join('\u0001'),
    )
  return out
}

function answers(index: SearchIndex, q: string): unknown {
  const r = search(index, { q, limit: 50 }, () => undefined)
  const { tookMs: _t, ...rest } = r as unknown as { tookMs?: number } & Record<string, unknown>
  return rest
}

describe('buildIndexFor on several threads', () => {
  it('gives the single-thread index: doc order, texts, stats and answers', () => {
    const one = buildIndexFor(SEEDS, catalog, undefined, undefined, undefined, 1)
    const seen: number[] = []
    const many = buildIndexFor(SEEDS, catalog, (f) => seen.push(f), undefined, undefined, 4)
    expect(one.segments).toHaveLength(1)
    expect(many.segments.length).toBe(Math.min(4, catalog.issues.length))
    expect(docsOf(many)).toEqual(docsOf(one))
    expect(many.issues).toEqual(one.issues)
    expect(many.stats).toEqual(one.stats)
    expect(Array.from(many.docs.issue)).toEqual(Array.from(one.docs.issue))
    expect(JSON.stringify(answers(one, '记者'))).toMatch(/articleId|"id"/)
    for (const q of ['中国', '经济', '记者', 'a', '"人民"', '发展 -会议', '北京 OR 上海'])
      expect(answers(many, q)).toEqual(answers(one, q))
    // Progress only goes forward, and ends at 1.
    expect(seen.length).toBeGreaterThan(0)
    seen.forEach((f, i) => expect(f).toBeGreaterThanOrEqual(seen[i - 1] ?? 0))
    expect(seen.at(-1)).toBe(1)
  }, 60_000)

  it('fails with the worker error when a shard throws, and does not hang', () => {
    const broken: Catalog = {
      ...catalog,
      issues: catalog.issues.map((i, k) =>
        // A page the worker cannot even look at: not a read error, a bug, so it is thrown.
        k === 1 ? { ...i, pages: [null as unknown as (typeof i.pages)[number]] } : i,
      ),
    }
    expect(() => buildIndexFor(SEEDS, broken, undefined, undefined, [], 2)).toThrow(
      /index build failed in a shard worker/,
    )
  }, 60_000)

  it('fails when a worker cannot start', () => {
    setShardWorkerFactory(
      (job, transferList) =>
        new Worker(
          `const { workerData: w } = require('node:worker_threads')
           import('file:///nonexistent/shard-worker.js').catch((e) => {
             w.port.postMessage({ type: 'error', message: 'shard worker did not start: ' + e.message })
             const s = new Int32Array(w.signal); Atomics.add(s, 0, 1); Atomics.notify(s, 0)
           })`,
          { eval: true, workerData: job, transferList },
        ),
    )
    try {
      expect(() => buildIndexFor(SEEDS, catalog, undefined, undefined, [], 2)).toThrow(
        /did not start/,
      )
    } finally {
      setShardWorkerFactory(undefined)
    }
  }, 60_000)

  it('cuts shards of about equal weight (page bytes), not of equal issue or page counts', () => {
    const many = { ...catalog, issues: Array.from({ length: 10 }, () => catalog.issues[0]!) }
    // One heavy issue first: by count it would share a shard with four others.
    const weights = [900, 10, 10, 10, 10, 10, 10, 10, 10, 10]
    expect(shardRanges(many, 2, weights)).toEqual([
      [0, 1],
      [1, 10],
    ])
    expect(shardRanges(many, 2)).toEqual([
      [0, 5],
      [5, 10],
    ])
  })

  it('cuts contiguous, non-empty shards and keeps a small archive on one thread', () => {
    expect(shardCount(catalog)).toBe(1)
    for (let k = 1; k <= catalog.issues.length; k++) {
      const r = shardRanges(catalog, k)
      expect(r).toHaveLength(k)
      expect(r[0]?.[0]).toBe(0)
      expect(r.at(-1)?.[1]).toBe(catalog.issues.length)
      r.forEach(([s, e], i) => {
        expect(e).toBeGreaterThan(s)
        if (i > 0) expect(s).toBe(r[i - 1]?.[1])
      })
    }
  })
})
