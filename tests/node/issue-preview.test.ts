// getIssue ships long bodies cut (getArticle gives them whole), and the issue caches are bounded
// by the text they hold: measured on the generated big archive.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { SizeLru } from '../../src/shared/size-lru'
import {
  ARTICLE_PREVIEW_CHARS,
  ISSUE_TEXT_BUDGET,
  isPreview,
} from '../../src/shared/archive/issue-preview'
import { SEEDS } from '../helpers'
import { LONG_LINE_ISSUE, MANY_LINES_ISSUE, writeBigArchive } from '../support/big-archive'

const dir = mkdtempSync(join(tmpdir(), 'archive-preview-'))
// A third of the real size keeps the test quick; the shapes (one huge article, many small) stay.
writeBigArchive(dir, 0.3)
const service = ArchiveService.open({ archiveDir: dir })
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('getIssue and getArticle', () => {
  it('cuts a long body and says how long it is; getArticle gives it whole', async () => {
    const view = await service.getIssue(LONG_LINE_ISSUE)
    const shipped = view.pages[0]!.articles[0]!
    const full = service.getIssueSync(LONG_LINE_ISSUE).pages[0]!.articles[0]!
    expect(full.text.length).toBeGreaterThan(ARTICLE_PREVIEW_CHARS)
    expect(shipped.text).toBe(full.text.slice(0, ARTICLE_PREVIEW_CHARS))
    expect(shipped.textLength).toBe(full.text.length)
    expect(isPreview(shipped)).toBe(true)
    expect(await service.getArticle(shipped.id)).toEqual(full)
    expect(JSON.stringify(view).length).toBeLessThan(ARTICLE_PREVIEW_CHARS * 2)
  })

  it('ships at most the issue budget of body text, every article still listed', async () => {
    const view = await service.getIssue(MANY_LINES_ISSUE)
    const articles = view.pages[0]!.articles
    // As many as the segmenter finds (one per line before SEGMENTER_VERSION 3, far fewer now).
    expect(articles).toHaveLength(service.getIssueSync(MANY_LINES_ISSUE).pages[0]!.articles.length)
    const whole = service.getIssueSync(MANY_LINES_ISSUE).pages[0]!.articles
    expect(whole.reduce((n, a) => n + a.text.length, 0)).toBeGreaterThan(ISSUE_TEXT_BUDGET)
    const shipped = articles.reduce((n, a) => n + a.text.length, 0)
    expect(shipped).toBeLessThanOrEqual(ISSUE_TEXT_BUDGET)
    const last = articles.at(-1)!
    expect(isPreview(last)).toBe(true)
    expect((await service.getArticle(last.id)).text.length).toBe(last.textLength)
  })

  it('an article that is whole is shipped unchanged, without textLength', async () => {
    const seeds = ArchiveService.open({ archiveDir: SEEDS, indexPath: join(dir, 'seeds.bin') })
    const issue = (await seeds.listIssues())[0]!.id
    expect(await seeds.getIssue(issue)).toEqual(seeds.getIssueSync(issue))
  })
})

describe('SizeLru (the issue caches)', () => {
  it('evicts the least recently used past its budget and keeps nothing larger than it', () => {
    const lru = new SizeLru<string, string>(10, (s) => s.length)
    lru.set('a', 'aaaa')
    lru.set('b', 'bbbb')
    expect(lru.get('a')).toBe('aaaa')
    lru.set('c', 'cccc')
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe('aaaa')
    expect(lru.stats()).toEqual({ entries: 2, size: 8 })
    lru.set('huge', 'x'.repeat(11))
    expect(lru.get('huge')).toBeUndefined()
    expect(lru.stats().size).toBeLessThanOrEqual(10)
  })
})
