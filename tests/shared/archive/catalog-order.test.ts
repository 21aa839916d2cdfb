// sortCatalog orders slugs, dates and issue ids by code unit: for their alphabet (lower-case
// ASCII letters, digits and -, rules.ts) that is the order localeCompare gave before, so no
// catalog written earlier changes order.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortCatalog } from '../../../src/shared/archive/catalog'
import type { Catalog } from '../../../src/shared/types'

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/)

describe('sortCatalog', () => {
  it('sorts issues as localeCompare would (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ paper: id, date: id, id }), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const catalog = {
            issues: rows.map((r) => ({ ...r, pages: [] })),
          } as unknown as Catalog
          const sorted = sortCatalog(catalog).issues.map((i) => [i.paper, i.date, i.id])
          const byLocale = [...rows]
            .sort(
              (a, b) =>
                a.paper.localeCompare(b.paper) ||
                a.date.localeCompare(b.date) ||
                a.id.localeCompare(b.id),
            )
            .map((i) => [i.paper, i.date, i.id])
          expect(sorted).toEqual(byLocale)
        },
      ),
      { numRuns: 300 },
    )
  })
})
