// The fold table the app ships (src/shared/text/fold-data.ts) is the one OpenCC's dictionaries
// give: regenerate it with `npm run fold:table` when this fails.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deriveFoldTable, foldDataSource } from '../../../scripts/fold-derive'
import { foldTable } from '../../../src/shared/text/fold'

describe('the fold table', () => {
  it('is what opencc-js derives, pair for pair', () => {
    const derived = deriveFoldTable()
    expect(derived.size).toBeGreaterThan(3000)
    expect([...foldTable()].sort()).toEqual([...derived].sort())
    const file = join(import.meta.dirname, '../../../src/shared/text/fold-data.ts')
    expect(readFileSync(file, 'utf8')).toBe(foldDataSource(derived))
  })
})
