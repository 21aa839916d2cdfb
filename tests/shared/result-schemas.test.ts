// Each archive verb's result is a zod schema in the contract (src/shared/result-schemas.ts), and
// the renderer's clients check every answer against it where it arrives: the real answers pass,
// an answer that differs is refused with the verb's name and the field, over HTTP and over IPC.
// (That each schema is exactly its domain type is checked by the typecheck itself.)
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { parseResult } from '../../src/shared/answers'
import { ARCHIVE_METHODS } from '../../src/shared/contract'
import type { ArchiveBridge, ArchiveMethod } from '../../src/shared/contract'
import { RemoteError } from '../../src/shared/errors'
import { electronApi } from '../../src/renderer/app/api'
import { tempArchive } from '../helpers'

const archive = tempArchive()
afterAll(() => archive.cleanup())

const ARTICLE = 'jiangbei-2023-07-13/p1/a1'
const ARGS: Record<ArchiveMethod, unknown[]> = {
  listIssues: [],
  getIssue: ['jiangbei-2023-07-13'],
  getArticle: [ARTICLE],
  getPageSource: ['jiangbei-2023-07-13', 2],
  search: [{ q: '绿色 低碳' }],
  articleMatches: [ARTICLE, '发展 改革'],
  indexStatus: [],
  suggest: ['低'],
  quickOpen: ['江北报 7月13日'],
  didYouMean: [{ q: '低炭' }],
}

describe('result schemas', () => {
  const service = ArchiveService.open({ archiveDir: archive.dir })
  const answer = (method: ArchiveMethod): Promise<unknown> =>
    (service as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!.apply(
      service,
      ARGS[method],
    )

  it.each(ARCHIVE_METHODS)("%s: the archive's real answer passes its schema", async (method) => {
    const value = await answer(method)
    expect(parseResult(method, JSON.parse(JSON.stringify(value)))).toEqual(
      JSON.parse(JSON.stringify(value)),
    )
  })

  it('refuses an answer that differs, naming the verb and the field; keeps added fields', async () => {
    const issue = JSON.parse(JSON.stringify(await answer('getIssue')))
    issue.pages[0].articles[0].id = 7
    expect(() => parseResult('getIssue', issue)).toThrow(
      'the answer to getIssue is not what the contract declares: pages.0.articles.0.id:',
    )
    const refused = ((): unknown => {
      try {
        return parseResult('search', { hits: [] })
      } catch (e) {
        return e
      }
    })()
    expect(refused).toBeInstanceOf(RemoteError)
    expect((refused as RemoteError).errorCode).toBe('internal')
    expect((refused as RemoteError).name).toBe('InvalidAnswerError')
    const newer = { ...JSON.parse(JSON.stringify(await answer('indexStatus'))), later: 1 }
    expect(parseResult('indexStatus', newer)).toEqual(newer)
    expect(() => parseResult('listIssues', '<html>proxy error</html>')).toThrow(/listIssues/)
  })
})

describe("the renderer's clients check what arrives", () => {
  afterEach(() => vi.unstubAllGlobals())

  it('over IPC: an answer that differs rejects with the verb named', async () => {
    const bridge = {
      listIssues: async () => ({ ok: true, value: [{ id: 'x' }] }),
      indexStatus: async () => ({ ok: true, value: { state: 'ready' } }),
    } as unknown as ArchiveBridge
    await expect(electronApi(bridge).listIssues()).rejects.toThrow(
      'the answer to listIssues is not what the contract declares',
    )
  })

  it('over HTTP: an answer that differs rejects with the verb named', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ query: 'x' })))
    vi.resetModules()
    const { api } = await import('../../src/renderer/app/api')
    expect(api.kind).toBe('http')
    await expect(api.search({ q: 'x' })).rejects.toThrow(
      'the answer to search is not what the contract declares',
    )
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(ARGS)))
    await expect(api.listIssues()).rejects.toThrow(/listIssues/)
  })
})
