import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText, DecodeError } from '../../../src/shared/text/decode'
import { normalize } from '../../../src/shared/text/normalize'
import {
  encodingFixtures,
  ENCODING_SET,
  HKSCS_CHARS,
  HONG_KONG,
} from '../../support/encoding-fixtures'

const fixtures = encodingFixtures()

describe('the encoded-file fixture set', () => {
  it('has at least 12 files, each exactly what the committed script makes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12)
    for (const f of fixtures)
      expect(new Uint8Array(readFileSync(join(ENCODING_SET, f.file))), f.file).toEqual(f.bytes)
  })

  for (const f of fixtures) {
    it(`${f.file}${f.declared ? ` declared ${f.declared}` : ''}: ${f.decodes ? `decodes as ${f.decodes.encoding}` : 'is refused'}`, () => {
      const bytes = new Uint8Array(readFileSync(join(ENCODING_SET, f.file)))
      if (f.decodes) {
        const d = decodeText(bytes, f.declared)
        expect(d.encoding).toBe(f.decodes.encoding)
        expect(d.text).toBe(f.decodes.text)
      } else {
        let error: unknown
        try {
          decodeText(bytes, f.declared)
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(DecodeError)
        expect((error as DecodeError).message).toBe(f.refusal)
      }
    })
  }

  it('recovers every HKSCS character of the Hong Kong page, none as private use', () => {
    const bytes = new Uint8Array(readFileSync(join(ENCODING_SET, 'big5-hkscs.txt')))
    const text = decodeText(bytes).text
    expect(text).not.toMatch(/[\ue000-\uf8ff]/)
    for (const c of HKSCS_CHARS) {
      const want = [...HONG_KONG].filter((x) => x === c).length
      expect([...text].filter((x) => x === c).length, c).toBe(want)
    }
    // 深水埗 is found as often as it is printed, and so searchable.
    expect(normalize(text).split(normalize('深水埗')).length - 1).toBe(3)
  })

  it('keeps private-use characters only when they are allowed explicitly', () => {
    const bytes = new Uint8Array(readFileSync(join(ENCODING_SET, 'private-use.txt')))
    expect(decodeText(bytes, undefined, { allowPrivateUse: true }).text).toContain('\ue000')
  })
})
