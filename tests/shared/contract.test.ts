// The declaration and what is derived from it: every verb has its channel, its schema and its
// route, the IPC tables match the declarations exactly, the clients are built from them — and a
// verb wired to another verb's channel does not compile (checked by `tsc -p tsconfig.tools.json`,
// which `npm run typecheck` runs over tests/: an unused @ts-expect-error fails it).
import { describe, expect, expectTypeOf, it } from 'vitest'
import { ARCHIVE_METHODS, archiveContract, isArchiveMethod } from '../../src/shared/contract'
import type { ArchiveApi } from '../../src/shared/contract'
import { importContract, isImportMethod } from '../../src/shared/import-contract'
import type { ImportBridge } from '../../src/shared/import-contract'
import { channels, importChannels } from '../../src/shared/ipc-channels'
import type { IpcResult, Wire } from '../../src/shared/ipc-result'
import { apiPathFor, resolveApiCall } from '../../src/shared/http'
import { createBridge, wireVerb, wireVerbs } from '../../src/preload/bridge'
import type { IpcLike } from '../../src/preload/bridge'
import { createImportBridge } from '../../src/preload/import-bridge'
import type { IssueView, SearchRequest, SearchResponse } from '../../src/shared/types'

const ipc: IpcLike = {
  invoke: async (channel, ...args) => ({ ok: true, value: [channel, args] }),
  on: () => {},
  removeListener: () => {},
  send: () => {},
}

describe('archiveContract', () => {
  it('declares exactly the channel table’s verbs, each on its own channel', () => {
    expect(Object.keys(archiveContract).sort()).toEqual(Object.keys(channels).sort())
    for (const m of ARCHIVE_METHODS) expect(archiveContract[m].channel).toBe(channels[m])
    expect(new Set(Object.values(channels)).size).toBe(ARCHIVE_METHODS.length)
    expect(isArchiveMethod('getIssue')).toBe(true)
    for (const name of ['constructor', '__proto__', 'toString', 'removeIssue'])
      expect(isArchiveMethod(name)).toBe(false)
  })

  it('every verb has an HTTP route that resolves back to it', () => {
    const sample: { [M in keyof ArchiveApi]: Parameters<ArchiveApi[M]> } = {
      listIssues: [],
      getIssue: ['jiangbei-2023-07-13'],
      getArticle: ['jiangbei-2023-07-13/p1/a2'],
      getPageSource: ['jiangbei-2023-07-13', 2],
      search: [{ q: '发展', papers: ['jiangbei'], limit: 3 }],
      articleMatches: ['jiangbei-2023-07-13/p1/a2', '发展'],
      indexStatus: [],
      suggest: ['低碳', 5],
      quickOpen: ['2023年7月13日', 3],
      didYouMean: [{ q: '低炭', papers: ['jiangbei'] }],
    }
    for (const m of ARCHIVE_METHODS) {
      const path = (apiPathFor as (m: string, ...a: unknown[]) => string)(m, ...sample[m])
      const q = path.indexOf('?')
      const call = resolveApiCall(
        q < 0 ? path : path.slice(0, q),
        new URLSearchParams(q < 0 ? '' : path.slice(q + 1)),
      )
      expect(call?.method, path).toBe(m)
      expect(archiveContract[m].args.parse(call?.args)).toEqual(sample[m])
    }
  })

  it('the preload’s window.archive has every verb (built from the table) and the events', async () => {
    const bridge = createBridge(ipc)
    expect(Object.keys(bridge).sort()).toEqual(
      [...ARCHIVE_METHODS, 'onIndexProgress', 'onMenuCommand', 'onNavigate'].sort(),
    )
    expect(await bridge.getIssue('x')).toEqual({ ok: true, value: [channels.getIssue, ['x']] })
  })
})

describe('importContract', () => {
  it('declares exactly the import channel table’s verbs, and the preload wires each', async () => {
    expect(Object.keys(importContract).sort()).toEqual(Object.keys(importChannels).sort())
    for (const m of Object.keys(importContract) as (keyof typeof importContract)[])
      expect(importContract[m].channel).toBe(importChannels[m])
    expect(isImportMethod('commit')).toBe(true)
    expect(isImportMethod('__proto__')).toBe(false)
    const bridge = createImportBridge(ipc)
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(importChannels), 'onProgress'].sort(),
    )
    expect(await bridge.commit('p1', true)).toEqual({
      ok: true,
      value: [importChannels.commit, ['p1', true]],
    })
  })
})

describe('types derived from the declaration', () => {
  it('a verb has its schema’s arguments and its declared result', () => {
    expectTypeOf<Parameters<ArchiveApi['getIssue']>>().toEqualTypeOf<[string]>()
    expectTypeOf<ReturnType<ArchiveApi['getIssue']>>().toEqualTypeOf<Promise<IssueView>>()
    expectTypeOf<Parameters<ArchiveApi['search']>[0]>().toExtend<SearchRequest>()
    expectTypeOf<SearchRequest>().toExtend<Parameters<ArchiveApi['search']>[0]>()
    expectTypeOf<ReturnType<ImportBridge['userIssues']>>().toEqualTypeOf<Promise<string[]>>()
  })

  it('wiring a verb to another verb’s channel does not compile', () => {
    const verbs = wireVerbs<ArchiveApi>(ipc, channels)
    const right: Wire<ArchiveApi> = {
      ...verbs,
      search: wireVerb<ArchiveApi, 'search'>(ipc, channels, 'search'),
    }
    const wrong: Wire<ArchiveApi> = {
      ...verbs,
      // @ts-expect-error getIssue takes an id and answers an IssueView, not a SearchResponse
      search: wireVerb<ArchiveApi, 'getIssue'>(ipc, channels, 'getIssue'),
    }
    const alsoWrong: Wire<ArchiveApi> = {
      ...verbs,
      // @ts-expect-error same arguments (none), another result
      listIssues: wireVerb<ArchiveApi, 'indexStatus'>(ipc, channels, 'indexStatus'),
    }
    expectTypeOf(right.search).returns.toEqualTypeOf<Promise<IpcResult<SearchResponse>>>()
    expect([wrong, alsoWrong]).toHaveLength(2)
  })
})
