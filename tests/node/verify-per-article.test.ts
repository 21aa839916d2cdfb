// `verify` names the stored article boundaries that no longer fit their page: the ranges a
// per-article import keeps in the catalog (the page file edited or cut since), and the
// corrections anchored on a page whose text changed — each by its page or its entry, never a
// silent fallback to segmenting.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyArchive } from '../../src/node/verify'
import { FIXTURES } from '../helpers'
import { runCli, scratchArchive } from '../support/cli'

const FOLDER = join(FIXTURES, 'import', 'per-article')
const ID = 'nanan-2023-08-01'

function imported(): string {
  const { dir } = scratchArchive({ indexed: true })
  const add = runCli(dir, ['add', FOLDER, '--paper', 'nanan', '--paper-name', '南岸报', '--yes'])
  expect(add.code, add.err).toBe(0)
  expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [] })
  return dir
}

function pageFile(dir: string, n: number): string {
  const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as {
    issues: { id: string; pages: { number: number; source: string }[] }[]
  }
  const page = catalog.issues.find((i) => i.id === ID)?.pages.find((p) => p.number === n)
  return join(dir, page?.source as string)
}

describe('verify and stored article boundaries', () => {
  it('names a page whose per-article ranges no longer fit its text (the file cut short)', () => {
    const dir = imported()
    const file = pageFile(dir, 1)
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)))
    const v = verifyArchive(dir)
    expect(v.ok).toBe(false)
    const misfit = v.errors.find((e) => e.includes('article boundaries'))
    expect(misfit).toContain(file)
    expect(misfit).toMatch(
      new RegExp(
        `page 1 of ${ID} \\(imported one file per article\\) no longer fit its text: article \\d of 3 .* ends past the page text`,
      ),
    )
    expect(misfit).toMatch(/import its article files again/)
    // Page 2 still fits: only the page that changed is named.
    expect(v.errors.filter((e) => e.includes('article boundaries'))).toHaveLength(1)
  })

  it('is quiet about ranges that still fit, even when the text around them changed', () => {
    const dir = imported()
    const file = pageFile(dir, 2)
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n追加的一行。\n`)
    const v = verifyArchive(dir)
    // The changed bytes are an error of their own; the ranges are not.
    expect(v.errors.some((e) => e.includes('sha256 differs'))).toBe(true)
    expect(v.errors.some((e) => e.includes('article boundaries'))).toBe(false)
  })

  it('names a correction anchored on a page whose text changed, by its id', () => {
    const dir = imported()
    const edit = runCli(dir, ['edit', 'retitle', `${ID}/p2/a1`, '--headline', '更正后的标题'])
    expect(edit.code, edit.out + edit.err).toBe(0)
    const file = pageFile(dir, 2)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^./u, '旧'))
    const v = verifyArchive(dir)
    expect(v.warnings.join('\n')).toMatch(
      new RegExp(`corrections\\.json: "[^"]+" \\(retitle, ${ID} p2\\) is (stale|refused)`),
    )
  })
})
