// The HTTP mirror of the contract: paths round-trip to the same calls, query strings to the
// same SearchRequest, and nothing is validated here (the contract's schemas do that).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArguments, searchRequestSchema } from '../../src/shared/contract'
import {
  apiPathFor,
  resolveApiCall,
  searchRequestFromParams,
  searchRequestToParams,
} from '../../src/shared/http'
import type { SearchRequest } from '../../src/shared/types'

function resolve(path: string) {
  const q = path.indexOf('?')
  return resolveApiCall(
    q >= 0 ? path.slice(0, q) : path,
    new URLSearchParams(q >= 0 ? path.slice(q + 1) : ''),
  )
}

describe('apiPathFor ⇄ resolveApiCall', () => {
  it('round-trips every method', () => {
    const cases: [string, unknown[]][] = [
      [apiPathFor('listIssues'), []],
      [apiPathFor('getIssue', 'jiangbei-2023-07-13'), ['jiangbei-2023-07-13']],
      [apiPathFor('getPageSource', 'a-b', 2), ['a-b', 2]],
      [apiPathFor('articleMatches', 'x/p1/a2', '发展 "a b"'), ['x/p1/a2', '发展 "a b"']],
      [apiPathFor('indexStatus'), []],
    ]
    for (const [path, args] of cases) expect(resolve(path)?.args).toEqual(args)
    expect(apiPathFor('articleMatches', 'x/p1/a2', 'q')).toBe(
      '/api/articles/x%2Fp1%2Fa2/matches?q=q',
    )
  })

  it('uses the CLI flag names for search', () => {
    const path = apiPathFor('search', {
      q: '低碳',
      papers: ['jiangbei', 'beibei'],
      dateFrom: '2023-01-01',
      dateTo: '2023-12-31',
      issueId: 'i',
      page: 2,
      sort: 'date-asc',
      limit: 5,
      offset: 10,
    })
    expect(path).toBe(
      '/api/search?q=%E4%BD%8E%E7%A2%B3&paper=jiangbei&paper=beibei&from=2023-01-01&to=2023-12-31&issue=i&page=2&sort=date-asc&limit=5&offset=10',
    )
  })

  it('search requests survive the round trip (property)', () => {
    const request = fc.record(
      {
        q: fc.string({ maxLength: 40 }),
        papers: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,9}$/), {
          minLength: 1,
          maxLength: 3,
        }),
        dateFrom: fc.constantFrom('2023-01-01', '2024-02-29'),
        issueId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,19}$/),
        page: fc.integer({ min: 1, max: 999 }),
        sort: fc.constantFrom('relevance', 'date-desc', 'date-asc'),
        limit: fc.integer({ min: 1, max: 1000 }),
        offset: fc.integer({ min: 0, max: 100000 }),
      },
      { requiredKeys: ['q'] },
    )
    fc.assert(
      fc.property(request, (r) => {
        const call = resolve(apiPathFor('search', r as SearchRequest))
        expect(call?.method).toBe('search')
        expect(parseArguments('search', call?.args)).toEqual([r])
      }),
    )
  })

  it('is not an API path: undefined', () => {
    expect(resolve('/')).toBeUndefined()
    expect(resolve('/apiary')).toBeUndefined()
    expect(resolve('/api/issues/a/b')).toBeUndefined()
    expect(resolve('/api/issues/%E0%A4%A')).toBeUndefined()
  })
})

describe('searchRequestFromParams', () => {
  it('keeps bad values for the schema to reject, with a reason', () => {
    const raw = searchRequestFromParams(new URLSearchParams('q=a&limit=ten&extra=1'))
    expect(raw).toEqual({ q: 'a', limit: 'ten', extra: '1' })
    expect(searchRequestSchema.safeParse(raw).success).toBe(false)
  })

  it('drops empty filters but keeps an empty query', () => {
    expect(searchRequestFromParams(new URLSearchParams('q=&from=&paper='))).toEqual({ q: '' })
  })

  it('can ignore unknown parameters (the app route carries its own)', () => {
    const p = new URLSearchParams('q=a&a=x/p1&lp=jiangbei')
    expect(searchRequestFromParams(p, { keepUnknown: false })).toEqual({ q: 'a' })
  })

  it('writes parameters in a fixed order', () => {
    expect(searchRequestToParams({ offset: 2, q: 'x', sort: 'date-asc' }).toString()).toBe(
      'q=x&sort=date-asc&offset=2',
    )
  })
})

describe('query parameters and prototypes', () => {
  it('a repeated __proto__ is an ordinary key of a null-prototype object', () => {
    const raw = searchRequestFromParams(new URLSearchParams('q=a&__proto__=1&__proto__=x'))
    expect(Object.getPrototypeOf(raw)).toBeNull()
    expect(Object.keys(raw)).toEqual(['q', '__proto__'])
    expect(({} as Record<string, unknown>).q).toBeUndefined()
  })
})
