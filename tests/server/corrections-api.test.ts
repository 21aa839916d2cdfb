// The reading room's corrections routes (src/server/corrections-api.ts): read-only by default
// (editing off, every change 403, nothing written), and in the `editable` test mode a writable
// library whose every edit is served by the next request — also the second and later ones
// (a reload that found nothing changed once left the server stuck on its old snapshot).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import { correctionsRequest } from '../../src/shared/corrections-http'
import type { Article } from '../../src/shared/types'
import { indexedArchiveSetup } from '../support/indexed-archive'

const setup = indexedArchiveSetup()
let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const A4 = 'xinyu-2022-07-15/p1/a4'

async function call(r: { method: string; path: string; body?: string }) {
  const res = await fetch(new URL(r.path, server!.url), {
    method: r.method,
    ...(r.body !== undefined ? { body: r.body } : {}),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function article(): Promise<Article> {
  return (await (
    await fetch(new URL(`/api/articles/${encodeURIComponent(A4)}`, server!.url))
  ).json()) as Article
}

describe('corrections over HTTP', () => {
  it('a reading room is read-only: editing off, changes refused, nothing written', async () => {
    const { dir } = setup()
    server = await startServer({ archiveDir: dir, port: 0, log: () => {} })
    expect((await call(correctionsRequest('editTarget', 'xinyu-2022-07-15'))).body).toMatchObject({
      editable: false,
    })
    const r = await call(correctionsRequest('applyEdit', { kind: 'merge', articleId: A4 }))
    expect(r.status).toBe(403)
    expect(r.body.code).toBe('forbidden')
    expect(existsSync(join(dir, 'corrections.json'))).toBe(false)
    // A malformed edit is refused by the contract first.
    const bad = await call({
      method: 'POST',
      path: '/api/corrections/apply',
      body: '[{"kind":"x"}]',
    })
    expect(bad.status).toBe(400)
  })

  it('the editable test mode serves each edit at once, one after another', async () => {
    const { dir } = setup()
    server = await startServer({ archiveDir: dir, port: 0, editable: true, log: () => {} })
    expect((await call(correctionsRequest('editTarget', 'xinyu-2022-07-15'))).body).toEqual({
      editable: true,
      target: 'library',
    })
    const fix = {
      kind: 'fix-text',
      articleId: A4,
      find: '天皮夹牙许远',
      replace: '英才评选活动',
    } as const
    const preview = await call(correctionsRequest('previewEdit', fix))
    expect(preview.status).toBe(200)
    expect((await article()).text).not.toContain('英才评选活动')
    expect((await call(correctionsRequest('applyEdit', fix))).status).toBe(200)
    expect((await article()).text).toContain('英才评选活动')
    const retitle = {
      kind: 'retitle',
      articleId: A4,
      fields: { headline: '大足英才 智创未来' },
    } as const
    expect((await call(correctionsRequest('applyEdit', retitle))).status).toBe(200)
    expect((await article()).headline).toBe('大足英才 智创未来')
    const again = await call(correctionsRequest('applyEdit', retitle))
    expect(again.status).toBe(409)
    expect(String(again.body.error)).toMatch(/as they were|already/)
    const id = (await article()).corrections?.find((c) => c.kind === 'retitle')?.id as string
    expect(
      (await call(correctionsRequest('removeCorrection', 'xinyu-2022-07-15', id))).status,
    ).toBe(200)
    expect((await article()).headline).toBe('大王共才 智利未来')
  })
})
