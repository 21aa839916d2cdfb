// The error policy end to end: one failure — a page file missing from the archive — goes through
// all three transports (IPC in main, HTTP in the reading room, the CLI) and reads the same: the
// same code, name and message (the path relative to the archive folder; the CLI, whose user
// owns the folder, names it in full). Only the transport's own signal differs: the HTTP status
// and the CLI's exit code, both derived from the code.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodeOf, HTTP_STATUS } from '../../src/shared/errors'
import type { PublicError } from '../../src/shared/errors'
import { apiPathFor } from '../../src/shared/http'
import type { ApiErrorBody } from '../../src/shared/http'
import { ArchiveService } from '../../src/node/archive-service'
import { createArchiveHandler } from '../../src/main/ipc-handler'
import { answerApi } from '../../src/server/api'
import { run } from '../../src/cli/main'
import { tempArchive } from '../helpers'

const ID = 'jiangbei-2023-07-13'
let archive: { dir: string; cleanup: () => void }
let service: ArchiveService

beforeAll(() => {
  archive = tempArchive()
  service = ArchiveService.open({ archiveDir: archive.dir })
  // The page files of one issue: remove the first, after the index was built and saved.
  const source = service.catalog.issues.find((i) => i.id === ID)!.pages[0]!.source
  expect(readdirSync(archive.dir)).toContain(source)
  rmSync(join(archive.dir, source))
})
afterAll(() => archive.cleanup())

async function overIpc(): Promise<PublicError> {
  const handle = createArchiveHandler({
    archive: async () => service,
    isTrustedSender: () => true,
    hiddenRoots: () => [archive.dir],
  })
  const r = await handle('getIssue', 'app://reader/index.html', [ID])
  if (r.ok) throw new Error('getIssue should fail')
  return r.error
}

async function overHttp(): Promise<{ status: number; error: PublicError }> {
  const [path, query] = apiPathFor('getIssue', ID).split('?')
  const a = await answerApi(service, path!, new URLSearchParams(query), {
    hiddenRoots: [archive.dir],
  })
  const body = a!.body as ApiErrorBody
  return { status: a!.status, error: { code: body.code, name: body.name, message: body.error } }
}

function overCli(): { exit: number; stderr: string } {
  const err: string[] = []
  const exit = run(
    ['--archive', archive.dir, 'show', ID],
    () => {},
    (s) => err.push(s),
  )
  return { exit, stderr: err.join('\n') }
}

describe('a missing page file, over IPC, HTTP and the CLI', () => {
  it('reads the same everywhere: code bad-data, the same name and message', async () => {
    const ipc = await overIpc()
    expect(ipc.code).toBe('bad-data')
    expect(ipc.name).toBe('ArchiveError')
    expect(ipc.message).toMatch(/^[^/]+\.txt: cannot read the page file/)
    expect(ipc.message).not.toContain(archive.dir)

    const http = await overHttp()
    expect(http.error).toEqual(ipc)
    expect(http.status).toBe(HTTP_STATUS['bad-data'])

    const cli = overCli()
    expect(cli.exit).toBe(exitCodeOf('bad-data'))
    // (Before it, the CLI says it rebuilds the index without that page: the archive changed.)
    expect(cli.stderr.split('\n').at(-1)).toBe(`archive-reader: ${join(archive.dir, ipc.message)}`)
  })
})
