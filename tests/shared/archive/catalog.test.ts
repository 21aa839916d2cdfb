import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CatalogError, isValidIsoDate, parseCatalog } from '../../../src/shared/archive/catalog'
import { SEEDS } from '../../helpers'

const seedJson = readFileSync(join(SEEDS, 'catalog.json'), 'utf8')
const mutate = (
  fn: (c: Record<string, unknown> & { issues: Record<string, unknown>[] }) => void,
): string => {
  const c = JSON.parse(seedJson)
  fn(c)
  return JSON.stringify(c)
}

describe('catalog', () => {
  it('the seed catalog is valid and describes the five pages', () => {
    const c = parseCatalog(seedJson)
    expect(c.issues.map((i) => i.id).sort()).toEqual([
      'beibei-2024-03-04',
      'jiangbei-2023-07-13',
      'xinyu-2022-07-15',
      'yuzhong-2023-06-09',
    ])
    expect(c.issues.flatMap((i) => i.pages)).toHaveLength(5)
    expect(c.issues.find((i) => i.id === 'yuzhong-2023-06-09')?.dateSource).toBe('printed')
    expect(
      c.issues.find((i) => i.id === 'jiangbei-2023-07-13')?.pages.map((p) => p.number),
    ).toEqual([1, 2])
  })

  it('knows real dates from impossible ones', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('2023-13-01')).toBe(false)
    expect(isValidIsoDate('2023-7-1')).toBe(false)
  })

  it('names the file and the problem for malformed input', () => {
    expect(() => parseCatalog('{ not json', 'x/catalog.json')).toThrow(
      /x\/catalog.json: not valid JSON/,
    )
    expect(() => parseCatalog(mutate((c) => (c.version = 2)))).toThrow(/version/)
    expect(() => parseCatalog(mutate((c) => (c.issues[0]!.date = '2023-02-30')))).toThrow(
      /issues.0.date: not a real date/,
    )
    expect(() => parseCatalog(mutate((c) => c.issues.push(c.issues[0]!)))).toThrow(/listed twice/)
    expect(() =>
      parseCatalog(mutate((c) => ((c.issues[1]!.pages as { number: number }[])[1]!.number = 1))),
    ).toThrow(/has page 1 twice/)
    expect(() => parseCatalog(mutate((c) => (c.issues[0]!.paper = 'nowhere')))).toThrow(
      /unknown paper/,
    )
    expect(() =>
      parseCatalog(
        mutate(
          (c) => ((c.issues[0]!.pages as { source: string }[])[0]!.source = '../etc/passwd.txt'),
        ),
      ),
    ).toThrow(/without a path/)
    try {
      parseCatalog(mutate((c) => (c.issues[0]!.extra = 1)))
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogError)
    }
  })
})
