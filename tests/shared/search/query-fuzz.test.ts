// Fuzzing query parsing and search (inputs: tests/support/fuzz-inputs.ts): structured queries
// parse into normalized terms or a QuerySyntaxError, in bounded time up to 100 KB, and any query
// up to the API limit is answered with consistent hits.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { search } from '../../../src/shared/search/engine'
import { DOC_SEPARATOR } from '../../../src/shared/search/ngram'
import { parseQuery, positiveTerms, QuerySyntaxError } from '../../../src/shared/search/query'
import { normalize } from '../../../src/shared/text/normalize'
import { seedArchive } from '../search/seed-index'
import { largeText, MAX_MS_LARGE, MAX_MS_SMALL, queryText, timed } from '../../support/fuzz-inputs'

describe('query parsing (fuzz)', () => {
  function checkQuery(q: string, limit: number): void {
    let parsed
    try {
      parsed = timed('parseQuery', limit, () => parseQuery(q))
    } catch (e) {
      expect(e).toBeInstanceOf(QuerySyntaxError)
      // Only a query of exclusions alone is refused.
      expect(q).toMatch(/[-－]/)
      return
    }
    // Terms are non-empty, normalized exactly like the text, never span two documents, and
    // come from the query. (Checked without an expect per term: 100 KB queries have thousands.)
    const bad = [...parsed.all.flat(), ...parsed.none].find(
      (t) =>
        t.text.length === 0 ||
        normalize(t.text) !== t.text ||
        t.text.includes(DOC_SEPARATOR) ||
        !q.includes(t.raw),
    )
    expect(bad).toBeUndefined()
    expect(parsed.all.every((group) => group.length > 0)).toBe(true)
    const terms = positiveTerms(parsed)
    expect(terms.every((t, i) => i === 0 || terms[i - 1]!.length >= t.length)).toBe(true)
  }

  it('parses structured queries (quotes, OR, exclusions) into normalized terms', () => {
    fc.assert(
      fc.property(queryText, (q) => checkQuery(q, MAX_MS_SMALL)),
      { numRuns: 3000 },
    )
  })

  it('a control character beside a space leaves no space at the edge of a term (found by fuzzing)', () => {
    expect(parseQuery('”## \u0001').all).toEqual([[{ text: '##', raw: '## \u0001' }]])
    expect(parseQuery('发展 \u0001').all[0]![0]!.text).toBe('发展')
  })

  it('a quoted phrase is one term: the phrase normalized', () => {
    const phrase = fc.array(fc.constantFrom('发展', '經濟', ' ', 'Ａb', '低碳', '７月'), {
      minLength: 1,
      maxLength: 8,
    })
    fc.assert(
      fc.property(phrase, (parts) => {
        const raw = parts.join('')
        const expected = normalize(raw)
        fc.pre(expected.length > 0)
        const p = parseQuery(`"${raw}"`)
        expect(p.all).toHaveLength(1)
        expect(p.all[0]!.map((t) => t.text)).toEqual([expected])
      }),
      { numRuns: 500 },
    )
  })

  it('is linear enough on 100 KB queries (far beyond the 500-character limit of the API)', () => {
    fc.assert(
      fc.property(largeText, (q) => checkQuery(q, MAX_MS_LARGE)),
      { numRuns: 30 },
    )
  })
})

describe('search (fuzz)', () => {
  const { index, articles } = seedArchive()
  const byId = new Map(articles.map((a) => [a.id, a]))

  it('answers any query up to the API limit, in bounded time, with consistent hits', () => {
    const request = fc.record({
      q: fc
        .oneof(queryText, fc.string({ unit: 'grapheme', maxLength: 40 }))
        .map((q) => q.slice(0, 500)),
      limit: fc.integer({ min: 1, max: 1000 }),
      offset: fc.integer({ min: 0, max: 50 }),
    })
    fc.assert(
      fc.property(request, (r) => {
        const res = timed('search', MAX_MS_SMALL * 2, () => search(index, r, (id) => byId.get(id)))
        expect(res.hits.length).toBeLessThanOrEqual(r.limit)
        expect(res.total).toBeGreaterThanOrEqual(res.hits.length)
        for (const hit of res.hits) {
          for (const [s, e] of hit.highlights) {
            expect(s).toBeLessThan(e)
            expect(e).toBeLessThanOrEqual(hit.snippet.length)
          }
        }
      }),
      { numRuns: 400 },
    )
  })
})
