// The manifest form of per-article import (src/node/import/article-manifest.ts): a folder's
// manifest.json lists each page's article files in order, under any names; they import as those
// articles exactly, from the CLI and from the app. A manifest is data from anyone: a path out of
// the folder, an absolute path, a link, a missing file, a file listed twice, a page listed
// twice, an unknown key or a .txt file it does not list refuses the whole batch, naming the
// manifest and the entry, and nothing changes.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { commitLibraryImport, planLibraryImport } from '../../src/node/library/import-job'
import { runCli, scratchArchive } from '../support/cli'
import { snapshot } from '../support/snapshot'

const ID = 'nanan-2023-09-01'
const P = '\u3000\u3000'
const ARTICLES: Record<string, string> = {
  'lead.txt': `\n新区公交线路开通\n\n${P}本报讯 三条公交线路今天开通。\n`,
  'second.txt': `城市更新\n老旧小区改造完成\n\n${P}改造涉及居民两万户。\n`,
  'a-brief.txt': `${P}本报讯 图书馆延长开放时间。\n`,
  'sport.txt': `\n全民健身月启动\n\n${P}活动持续一个月。\n`,
}

function manifest(pages: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'archive-reader/article-manifest',
    version: 1,
    paper: 'nanan',
    date: '2023-09-01',
    pages,
    ...extra,
  })
}

/** A delivery folder: the article files and a manifest listing them (page 1 out of name order). */
function delivery(work: string, text = manifest(GOOD)): string {
  const dir = join(work, 'delivery')
  mkdirSync(dir, { recursive: true })
  for (const [n, t] of Object.entries(ARTICLES)) writeFileSync(join(dir, n), t)
  writeFileSync(join(dir, 'manifest.json'), text)
  return dir
}
const GOOD = [
  { page: 1, articles: ['lead.txt', 'second.txt', 'a-brief.txt'] },
  { page: 2, articles: ['sport.txt'] },
]

describe('per-article import from a manifest', () => {
  it('imports each page’s files as its articles, in the manifest’s order (CLI)', () => {
    const { dir, work } = scratchArchive({ indexed: true })
    const d = delivery(work)
    const given = snapshot(d)
    const add = runCli(dir, ['add', d, '--paper-name', '南岸报', '--yes'])
    expect(add.code, add.out + add.err).toBe(0)
    expect(snapshot(d)).toEqual(given)
    const issue = ArchiveService.open({ archiveDir: dir }).getIssueSync(ID)
    expect(issue.pages.map((p) => p.articles.map((a) => a.headline))).toEqual([
      ['新区公交线路开通', '老旧小区改造完成', '本报讯图书馆延长开放时间'],
      ['全民健身月启动'],
    ])
    expect(issue.pages[0]?.articles[1]?.kicker).toBe('城市更新')
    expect(issue.pages[0]?.articles[2]?.headlineDerived).toBe(true)
    expect(issue.pages[0]?.note).toMatch(/lead\.txt … a-brief\.txt.*as manifest\.json lists them/)
  })

  it('imports from the app’s import too', () => {
    const { dir: bundled, work } = scratchArchive()
    const libraryDir = join(work, 'library')
    const planned = planLibraryImport({
      libraryDir,
      other: { label: 'the bundled archive', dir: bundled, indexPaths: [] },
      inputs: [delivery(work)],
      overrides: [],
      today: '2026-11-21',
    })
    // The paper is the manifest's; its name is the one thing the form asks for.
    const names = planned.report.files.map((f) => f.file)
    planned.plan.cleanup?.()
    const again = planLibraryImport({
      libraryDir,
      other: { label: 'the bundled archive', dir: bundled, indexPaths: [] },
      inputs: [join(work, 'delivery')],
      overrides: names.map((file) => ({ file, paperName: '南岸报' })),
      today: '2026-11-21',
    })
    expect(again.report.ok, JSON.stringify(again.report.problems)).toBe(true)
    commitLibraryImport(again)
    const s = ArchiveService.open({ archiveDir: libraryDir })
    expect(s.getIssueSync(ID).pages.map((p) => p.articles.length)).toEqual([3, 1])
  })

  const attacks: [string, (d: string, work: string) => string | undefined, RegExp][] = [
    [
      'a path out of the folder',
      (_d, work) => {
        writeFileSync(join(work, 'outside.txt'), '外面\n正文。\n')
        return manifest([{ page: 1, articles: ['lead.txt', '../outside.txt'] }, GOOD[1]])
      },
      /pages\[0\]\.articles\[1\] "\.\.\/outside\.txt" is a path, not a bare file name/,
    ],
    [
      'an absolute path',
      () => manifest([{ page: 1, articles: ['/etc/passwd'] }, GOOD[1]]),
      /pages\[0\]\.articles\[0\] "\/etc\/passwd" is a path/,
    ],
    [
      'a symbolic link out of the folder',
      (d, work) => {
        writeFileSync(join(work, 'secret.txt'), '机密\n正文。\n')
        symlinkSync(join(work, 'secret.txt'), join(d, 'link.txt'))
        return manifest([{ page: 1, articles: ['lead.txt', 'link.txt'] }, GOOD[1]])
      },
      /pages\[0\]\.articles\[1\] "link\.txt" is a symbolic link/,
    ],
    [
      'a missing file',
      () => manifest([{ page: 1, articles: ['lead.txt', 'gone.txt'] }, GOOD[1]]),
      /pages\[0\]\.articles\[1\] "gone\.txt" does not exist/,
    ],
    [
      'a file listed twice',
      () => manifest([GOOD[0], { page: 2, articles: ['sport.txt', 'lead.txt'] }]),
      /pages\[1\]\.articles\[1\] "lead\.txt" is listed already, as pages\[0\]\.articles\[0\]/,
    ],
    [
      'a page listed twice',
      () => manifest([GOOD[0], { page: 1, articles: ['sport.txt'] }]),
      /pages\[1\] is page 1, which pages\[0\] is already/,
    ],
    [
      'a .txt file it does not list',
      () => manifest([GOOD[0], { page: 2, articles: ['sport.txt'] }], {}),
      /stray\.txt: not listed in .*manifest\.json; list it among its page's articles, or move it out/,
    ],
    [
      'an unknown key',
      () => manifest(GOOD, { pagez: [] }),
      /manifest\.json: not a valid article manifest: .*pagez/,
    ],
  ]
  for (const [what, make, message] of attacks)
    it(`refuses the whole batch for ${what}, naming the entry; nothing changes`, () => {
      const { dir, work } = scratchArchive({ indexed: true })
      const d = delivery(work)
      if (what.includes('does not list')) writeFileSync(join(d, 'stray.txt'), '另一篇\n正文。\n')
      const text = make(d, work)
      if (text) writeFileSync(join(d, 'manifest.json'), text)
      const before = snapshot(dir)
      const p = planImport({ archiveDir: dir, inputs: [d], paperName: '南岸报' })
      expect(p.report.ok).toBe(false)
      const messages = p.report.problems.map((x) => x.message).join('\n')
      expect(messages).toMatch(message)
      expect(messages).toContain(join(d, 'manifest.json'))
      expect(() => commitImport(p)).toThrow(/nothing was imported/)
      expect(snapshot(dir)).toEqual(before)
    })
})
