// Citations are built from archive text (paper names, headlines, bylines), which may hold line
// breaks and markup. A line break must not forge a RIS tag or end a BibTeX entry; markup stays
// text (the citation is shown in a <pre> and copied as plain text).
import { describe, expect, it } from 'vitest'
import { bibtex, gbt7714, ris } from '../../src/renderer/reader/citation'
import type { CitationSource } from '../../src/renderer/reader/citation'

const hostile: CitationSource = {
  article: {
    id: 'hostile-2024-01-02/p1/a1',
    headline: '标题\r\nER  - \r\nTY  - JOUR\nTI  - 伪造<script>alert(1)</script>',
    byline: '记者 王明\nAU  - 伪造作者',
    page: 1,
  },
  paperName: '测试报}\n@misc{evil,\u2028title = {x',
  date: '2024-01-02',
  dateSource: 'printed',
}

describe('citations of hostile archive text', () => {
  it('RIS: one tag per line, no record forged by a line break', () => {
    const lines = ris(hostile).split('\r\n')
    expect(lines.filter((l) => l.startsWith('TY  - '))).toEqual(['TY  - NEWS'])
    expect(lines.filter((l) => l.startsWith('ER  - '))).toEqual(['ER  - '])
    expect(lines.filter((l) => l.startsWith('AU  - '))).toHaveLength(1)
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- /)
    // The record's own CRLFs are its only line breaks.
    expect(ris(hostile).replace(/\r\n/g, '')).not.toMatch(/[\r\n\u2028\u2029]/)
  })

  it('BibTeX: one entry, every field on its own line, braces escaped', () => {
    const b = bibtex(hostile)
    expect(b.match(/^@/gm)).toHaveLength(1)
    expect(b).toContain('journal = {测试报\\} @misc\\{evil, title = \\{x},')
    expect(
      b
        .split('\n')
        .every((l, i, all) => i === 0 || i === all.length - 1 || /^ {2}\w+ = \{.*\},$/.test(l)),
    ).toBe(true)
  })

  it('GB/T 7714: one line, the markup kept as text', () => {
    const g = gbt7714(hostile)
    expect(g).not.toMatch(/[\r\n\u2028]/)
    expect(g).toContain('<script>alert(1)</script>')
  })
})
