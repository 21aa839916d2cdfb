// The edit mode's verbs (src/node/corrections-editor.ts): every kind the reader offers into a
// writable archive (its transaction, its index) and into a profile's overlay over an archive
// that is never changed; a damaged overlay is set aside with a message, or made read-only (editing
// off, the file never written over) when it cannot be moved.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { CorrectionsEditor } from '../../src/node/corrections-editor'
import type { EditPlace } from '../../src/node/corrections-editor'
import { loadOverlay } from '../../src/node/corrections-overlay'
import { parseCorrections } from '../../src/shared/archive/corrections'
import { tempArchive, tempDir } from '../helpers'
import { onTestFinished } from 'vitest'

const A4 = 'xinyu-2022-07-15/p1/a4'

function scratch() {
  const a = tempArchive()
  const w = tempDir()
  onTestFinished(() => {
    a.cleanup()
    w.cleanup()
  })
  return { dir: a.dir, work: w.dir }
}

function libraryEditor(dir: string) {
  let changes = 0
  const editor = new CorrectionsEditor({
    placeOf: async () => ({ kind: 'library', dir }),
    changed: async () => {
      changes++
    },
  })
  return { editor, changes: () => changes }
}

function overlayEditor(dir: string, overlayPath: string) {
  let loaded = loadOverlay(overlayPath)
  const place: EditPlace = { kind: 'overlay', dir, overlayPath, overlay: () => loaded }
  const editor = new CorrectionsEditor({
    placeOf: async () => place,
    changed: async () => {
      loaded = loadOverlay(overlayPath)
    },
    overlay: () => loaded,
  })
  return { editor, current: () => loaded }
}

describe('edit mode into a writable archive', () => {
  it('previews and applies each kind; the reader and the index see them', async () => {
    const { dir } = scratch()
    const { editor, changes } = libraryEditor(dir)
    expect(await editor.editTarget('xinyu-2022-07-15')).toEqual({
      editable: true,
      target: 'library',
    })
    const fix = await editor.previewEdit({
      kind: 'fix-text',
      articleId: A4,
      find: '天皮夹牙许远',
      replace: '英才评选活动',
    })
    expect(fix.fix).toMatchObject({ original: '天皮夹牙 许远', replacement: '英才评选活动' })
    expect(existsSync(join(dir, 'corrections.json'))).toBe(false)
    await editor.applyEdit({
      kind: 'fix-text',
      articleId: A4,
      find: '天皮夹牙许远',
      replace: '英才评选活动',
      note: 'typo',
    })
    await editor.applyEdit({
      kind: 'retitle',
      articleId: A4,
      fields: { headline: '大足英才 智创未来' },
    })
    await editor.applyEdit({ kind: 'retype', articleId: 'xinyu-2022-07-15/p1/a3', type: 'brief' })
    const split = await editor.previewEdit({
      kind: 'split',
      articleId: 'jiangbei-2023-07-13/p1/a6',
      before: '解决企业资金需求问题',
    })
    const before = ArchiveService.open({ archiveDir: dir }).getIssueSync('jiangbei-2023-07-13')
      .pages[0]!.articles.length
    expect(split.articles).toHaveLength(before + 1)
    await editor.applyEdit({
      kind: 'split',
      articleId: 'jiangbei-2023-07-13/p1/a6',
      before: '解决企业资金需求问题',
    })
    await editor.applyEdit({ kind: 'merge', articleId: 'jiangbei-2023-07-13/p1/a3' })
    expect(changes()).toBe(5)
    const service = ArchiveService.open({ archiveDir: dir })
    expect(service.openResult.index).toBe('loaded')
    const a4 = await service.getArticle(A4)
    expect(a4.headline).toBe('大足英才 智创未来')
    expect(a4.text).toContain('英才评选活动')
    expect(a4.corrections?.map((c) => c.kind)).toEqual(['fix-text', 'retitle'])
    expect(a4.corrections?.find((c) => c.kind === 'fix-text')).toMatchObject({
      note: 'typo',
      original: '天皮夹牙 许远',
    })
    expect((await service.getArticle('xinyu-2022-07-15/p1/a3')).type).toBe('brief')
    expect(service.getIssueSync('jiangbei-2023-07-13').pages[0]!.articles).toHaveLength(before)
    expect(service.searchSync({ q: '智创未来' }).hits.map((h) => h.articleId)).toEqual([A4])
    // Undo from the history.
    const id = a4.corrections!.find((c) => c.kind === 'retitle')!.id
    await editor.removeCorrection('xinyu-2022-07-15', id)
    expect((await ArchiveService.open({ archiveDir: dir }).getArticle(A4)).headline).toBe(
      '大王共才 智利未来',
    )
  })

  it('refuses what would not apply, naming why, and changes nothing', async () => {
    const { dir } = scratch()
    const { editor } = libraryEditor(dir)
    await expect(
      editor.previewEdit({ kind: 'fix-text', articleId: A4, find: '不在此文', replace: 'x' }),
    ).rejects.toThrow(/not in the text/)
    await expect(
      editor.applyEdit({ kind: 'retype', articleId: A4, type: 'article' }),
    ).rejects.toThrow(/already of type/)
    await expect(
      editor.applyEdit({
        kind: 'retitle',
        articleId: A4,
        fields: { headline: '大王共才 智利未来' },
      }),
    ).rejects.toThrow(/as they were/)
    await expect(
      editor.applyEdit({
        kind: 'split',
        articleId: 'jiangbei-2023-07-13/p1/a6',
        before: '专精特新',
      }),
    ).rejects.toThrow(/times in/)
    expect(existsSync(join(dir, 'corrections.json'))).toBe(false)
  })
})

describe('edit mode over a read-only archive: the overlay', () => {
  it('keeps edits in the profile, applies them over the archive, exports them for the CLI', async () => {
    const { dir, work } = scratch()
    const catalog = readFileSync(join(dir, 'catalog.json'), 'utf8')
    const overlayPath = join(work, 'corrections', 'bundled.json')
    const { editor, current } = overlayEditor(dir, overlayPath)
    expect(await editor.editTarget('xinyu-2022-07-15')).toEqual({
      editable: true,
      target: 'overlay',
      overlay: { entries: 0 },
    })
    await editor.applyEdit({
      kind: 'retitle',
      articleId: A4,
      fields: { headline: '大足英才 智创未来' },
    })
    await editor.applyEdit({
      kind: 'fix-text',
      articleId: A4,
      find: '天皮夹牙许远',
      replace: '英才评选活动',
    })
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(catalog)
    expect(existsSync(join(dir, 'corrections.json'))).toBe(false)
    expect(current().overlay.entries).toHaveLength(2)
    const indexPath = join(work, 'overlay-index.bin')
    const service = ArchiveService.open({ archiveDir: dir, indexPath, overlay: current().overlay })
    expect((await service.getArticle(A4)).headline).toBe('大足英才 智创未来')
    expect(service.searchSync({ q: '英才评选活动' }).total).toBe(1)
    // The same index serves again only with the same overlay.
    expect(
      ArchiveService.open({ archiveDir: dir, indexPath, overlay: current().overlay }).openResult
        .index,
    ).toBe('loaded')
    expect(ArchiveService.open({ archiveDir: dir, indexPath }).openResult.index).toBe('built')
    const out = await editor.exportCorrections()
    expect(parseCorrections(out.json).file.entries).toHaveLength(2)
    // Undo: only the overlay's own entries.
    await expect(editor.removeCorrection('xinyu-2022-07-15', 'nope')).rejects.toThrow(
      /not one of your corrections/,
    )
  })

  it('sets a damaged overlay aside, says where, and goes on with none', async () => {
    const { dir, work } = scratch()
    const overlayPath = join(work, 'bundled.json')
    writeFileSync(overlayPath, '{"format":"archive-reader/corrections","version":1,"entries":[')
    const { editor, current } = overlayEditor(dir, overlayPath)
    expect(current().problem).toMatch(/could not be used.*kept as/)
    expect(readdirSync(work).some((n) => n.startsWith('bundled.json.damaged-'))).toBe(true)
    const target = await editor.editTarget('xinyu-2022-07-15')
    expect(target.overlay?.problem).toMatch(/kept as/)
    await editor.applyEdit({ kind: 'retype', articleId: A4, type: 'notice' })
    expect(loadOverlay(overlayPath).overlay.entries).toHaveLength(1)
  })
})

describe('a damaged overlay that cannot be moved aside', () => {
  it('is read-only: editing is off with the reason, and nothing writes over the file', async () => {
    const { dir, work } = scratch()
    const overlayPath = join(work, 'bundled.json')
    const damaged = '{"format":"archive-reader/corrections","version":1,"entries":['
    writeFileSync(overlayPath, damaged)
    // A read-only profile folder: the move aside fails.
    const refuse = (): void => {
      throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' })
    }
    let loaded = loadOverlay(overlayPath, refuse)
    expect(loaded.readOnly).toBe(true)
    expect(loaded.problem).toContain(overlayPath)
    expect(loaded.problem).toMatch(/nor moved aside \(EROFS.*Editing is off.*repair it/)
    const editor = new CorrectionsEditor({
      placeOf: async () => ({ kind: 'overlay', dir, overlayPath, overlay: () => loaded }),
      changed: async () => {
        loaded = loadOverlay(overlayPath, refuse)
      },
      overlay: () => loaded,
    })
    const target = await editor.editTarget('xinyu-2022-07-15')
    expect(target).toMatchObject({ editable: false, reason: loaded.problem })
    await expect(
      editor.applyEdit({ kind: 'retype', articleId: A4, type: 'notice' }),
    ).rejects.toThrow(/Editing is off/)
    await expect(
      editor.previewEdit({ kind: 'retype', articleId: A4, type: 'notice' }),
    ).rejects.toThrow(/Editing is off/)
    await expect(editor.removeCorrection('xinyu-2022-07-15', 'any')).rejects.toThrow(
      /Editing is off/,
    )
    expect(readFileSync(overlayPath, 'utf8')).toBe(damaged)
  })

  it('is set aside under a name of its own when one of that second exists', () => {
    const { work } = scratch()
    const overlayPath = join(work, 'bundled.json')
    writeFileSync(overlayPath, 'not json, first')
    expect(loadOverlay(overlayPath).setAside).toBeDefined()
    writeFileSync(overlayPath, 'not json, second')
    const second = loadOverlay(overlayPath).setAside as string
    const third = (writeFileSync(overlayPath, 'not json, third'), loadOverlay(overlayPath).setAside)
    const asides = readdirSync(work).filter((n) => n.startsWith('bundled.json.damaged-'))
    expect(asides).toHaveLength(3)
    expect(new Set([second, third]).size).toBe(2)
  })
})
