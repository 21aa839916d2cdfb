// The hostile-IPC tests' shared set-up: a temporary archive, its ArchiveService behind a proxy
// that records every call reaching it, the pure handler (src/main/ipc-handler.ts) as the app
// wires it, and the archive folder's state before any call, so that each file can prove a
// refused call reached nothing and wrote nothing.
import { afterAll, beforeAll, expect } from 'vitest'
import type { ArchiveApi, ArchiveMethod } from '../../src/shared/contract'
import type { IpcResult } from '../../src/shared/ipc-result'
import { ArchiveService } from '../../src/node/archive-service'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { createArchiveHandler } from '../../src/main/ipc-handler'
import type { ArchiveCallHandler } from '../../src/main/ipc-handler'
import { APP_ORIGIN, APP_PAGE_URL } from '../../src/main/app-protocol'
import { isAppPageUrl } from '../../src/main/security-policy'
import type { AppLocation } from '../../src/main/security-policy'
import { tempArchive } from '../helpers'
import { treeState } from './tree'
import type { FileState } from './tree'
import { recordingProxy } from './recording-proxy'

export const APP: AppLocation = {
  appOrigin: APP_ORIGIN,
}
export const APP_URL = `${APP_PAGE_URL}#/`
export const MB = 'x'.repeat(1024 * 1024)

/** A valid argument list per method: each position is then replaced by each wrong value. */
export const VALID: Record<ArchiveMethod, unknown[]> = {
  listIssues: [],
  getIssue: ['jiangbei-2023-07-13'],
  getArticle: ['jiangbei-2023-07-13/p1/a1'],
  getPageSource: ['jiangbei-2023-07-13', 1],
  search: [{ q: '发展' }],
  articleMatches: ['jiangbei-2023-07-13/p1/a1', '发展'],
  indexStatus: [],
  suggest: ['低', 5],
  quickOpen: ['江北报', 5],
  didYouMean: [{ q: '低炭' }],
}

export interface IpcHarness {
  readonly dir: string
  readonly service: ArchiveService
  readonly handle: ArchiveCallHandler
  /** Lines the handler logged; clear with `.length = 0`. */
  readonly logs: string[]
  /** Names of the service methods reached; clear with `.length = 0`. */
  readonly reached: string[]
  /** The handler's answer, as a refusal: its error name and message. */
  refused(
    method: string,
    args: unknown[],
    ...from: [url: string | undefined] | []
  ): Promise<{ name: string; message: string }>
  /** The archive folder is byte-identical to its state before the file's first call. */
  expectUntouched(): void
}

/** Registers the file's beforeAll/afterAll and returns the harness they fill in. */
export function useIpcHarness(): IpcHarness {
  let archive: { dir: string; cleanup: () => void } | undefined
  let service: ArchiveService | undefined
  let handle: ArchiveCallHandler | undefined
  let before: Record<string, FileState> = {}
  const logs: string[] = []
  const reached: string[] = []

  beforeAll(() => {
    archive = tempArchive()
    const opened = ArchiveService.open({ archiveDir: archive.dir })
    service = opened
    expect(opened.openResult.written).toBe(true)
    // Every call that reaches the archive is recorded: refused calls must not.
    const spy = recordingProxy(opened, reached) as unknown as ArchiveApi
    const dir = archive.dir
    handle = createArchiveHandler({
      archive: async () => spy,
      isTrustedSender: (url) => isAppPageUrl(url, APP),
      hiddenRoots: () => [dir],
      log: (m) => logs.push(m),
    })
    before = treeState(dir)
    expect(Object.keys(before)).toContain(INDEX_FILE)
  })

  afterAll(() => archive?.cleanup())

  const h: IpcHarness = {
    get dir() {
      return need(archive).dir
    },
    get service() {
      return need(service)
    },
    get handle() {
      return need(handle)
    },
    logs,
    reached,
    async refused(method, args, ...from) {
      // An explicit `undefined` is a frame that is gone, not the app.
      const url = from.length ? from[0] : APP_URL
      const r = (await need(handle)(method as ArchiveMethod, url, args)) as IpcResult<unknown>
      expect(r.ok, `${method}(${describeArgs(args)}) should be refused`).toBe(false)
      if (r.ok) throw new Error('unreachable')
      expect(r.error.message.length, 'a short message').toBeLessThan(400)
      expect(r.error.name).not.toBe('InternalError')
      return r.error
    },
    expectUntouched() {
      const after = treeState(need(archive).dir)
      expect(after).toEqual(before)
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
      // The index in particular: still there, same bytes (treeState hashes every file).
      expect(after[INDEX_FILE]).toBeDefined()
      expect(after[INDEX_FILE]).toEqual(before[INDEX_FILE])
    },
  }
  return h
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the IPC harness is used before its beforeAll ran')
  return value
}

export function describeArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string')
        return a.length > 40 ? `"${a.slice(0, 20)}…"(${a.length})` : `"${a}"`
      if (typeof a === 'bigint') return `${a}n`
      if (typeof a === 'function') return 'function'
      try {
        return JSON.stringify(a)?.slice(0, 40) ?? String(a)
      } catch {
        return Object.prototype.toString.call(a)
      }
    })
    .join(', ')
}
