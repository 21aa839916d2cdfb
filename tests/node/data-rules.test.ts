// One date rule and one BOM rule for the catalog and for `add` (and its manifest): what one
// accepts the other accepts, what one refuses the other refuses.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CatalogError, issueDateProblem, parseCatalog } from '../../src/shared/archive/catalog'
import { readCatalog } from '../../src/node/archive-dir'
import { planImport } from '../../src/node/import/plan'
import { indexedArchiveSetup } from '../support/indexed-archive'

const setup = indexedArchiveSetup()
const TODAY = '2026-11-21'

function catalogWithDate(dir: string, date: string): string {
  const c = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as {
    issues: { date: string }[]
  }
  c.issues[0]!.date = date
  return JSON.stringify(c)
}

describe('one date rule', () => {
  for (const date of ['9999-12-31', '1700-01-01', '2023-02-29']) {
    it(`${date}: refused by the catalog and by add alike`, () => {
      const { dir, work } = setup()
      expect(issueDateProblem(date)).toBeDefined()
      expect(() => parseCatalog(catalogWithDate(dir, date))).toThrow(CatalogError)
      const page = join(work, `jiangbei-${date}-p1.txt`)
      writeFileSync(page, '江北报\n\n标题\n\n本报讯 正文。\n')
      const plan = planImport({ archiveDir: dir, inputs: [page], date, today: TODAY })
      expect(plan.report.ok).toBe(false)
    })
  }

  it('a plausible past date passes both', () => {
    const { dir } = setup()
    expect(issueDateProblem('1936-05-01', TODAY)).toBeUndefined()
    expect(() => parseCatalog(catalogWithDate(dir, '1936-05-01'))).not.toThrow()
  })
})

describe('one BOM rule', () => {
  it('a catalog.json saved with a byte-order mark is read, as a manifest.json with one is', () => {
    const { dir, work } = setup()
    const json = readFileSync(join(dir, 'catalog.json'), 'utf8')
    writeFileSync(join(dir, 'catalog.json'), '\ufeff' + json)
    expect(readCatalog(dir).issues.length).toBeGreaterThan(0)
    const batch = join(work, 'batch')
    mkdirSync(batch)
    writeFileSync(join(batch, 'p1.txt'), '江北报\n\n标题\n\n本报讯 正文。\n')
    writeFileSync(
      join(batch, 'manifest.json'),
      '\ufeff' +
        JSON.stringify({
          format: 'archive-reader/import-manifest',
          version: 1,
          issues: [
            { paper: 'jiangbei', date: '2016-04-01', pages: [{ file: 'p1.txt', number: 1 }] },
          ],
        }),
    )
    const plan = planImport({ archiveDir: dir, inputs: [batch], today: TODAY })
    expect(plan.report.problems.filter((p) => p.code === 'manifest')).toEqual([])
  })
})
