// The encoded-file fixture set (tests/fixtures/encodings/set/): pages written for these tests
// (no third-party text), encoded in each encoding a librarian meets, and the damaged and
// mis-declared variants, each with what decoding must do. `npm run fixtures:encodings` writes
// the files; tests/shared/text/encoding-fixtures.test.ts checks that the files are what this
// script makes and that each decodes or is refused as stated.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMultibyteEncoder } from '@exodus/bytes/multi-byte.js'
import { tryDecode } from '../../src/shared/text/legacy'
import type { EncodingLabel } from '../../src/shared/text/decode'
import type { TextEncodingName } from '../../src/shared/types'

export const ENCODING_SET = join(import.meta.dirname, '..', 'fixtures', 'encodings', 'set')

export const SIMPLIFIED = `第2版 要闻
2024年5月8日 星期三
城区新建三座口袋公园
本报讯（记者 周明）昨天上午，城区三座新建的口袋公园同时向市民开放。公园利用旧厂房之间的空地改造而成，种植了银杏、桂花和月季，设置了儿童游乐区和健身步道。
附近居民王阿姨说，以前这里堆满杂物，现在每天晚饭后都来散步，孩子们也有了玩耍的地方。
据区园林部门介绍，今年全区计划再建设十座口袋公园，让居民出门五百米就能见到绿地。（下转3版）
`

export const TRADITIONAL = `第1版 要聞
2024年5月8日 星期三
舊城區老街修繕工程啟動
本報訊（記者 陳思）為保護歷史風貌，舊城區老街修繕工程於昨日正式啟動。工程將修復沿街騎樓、更換排水管道，並對百年老店的招牌進行清洗。
施工單位表示，工程分三期進行，每期約四個月，施工期間老街照常營業，行人通道全程開放。
`

/** Hong Kong text: 埗 邨 嘅 咗 啲 堃 are HKSCS characters, outside plain Big5. */
export const HONG_KONG = `深水埗街坊節今日開幕
【本報訊】深水埗區街坊節今日在石硤尾邨球場開幕，多個屋邨嘅居民組織帶同手作攤位參加。
主辦單位表示，今年已經有超過三十個團體報咗名，啲攤位由朝到晚都好熱鬧。
負責統籌嘅陳志堃先生話，街坊節希望令深水埗嘅老街坊同新住戶多啲交流。
`

/** CP950 and the WHATWG big5 index share the euro sign at 0xA3E1. */
export const CP950_TEXT = `第3版 經濟
2024年5月8日 星期三
旅遊團費以歐元計價
本報訊 旅行社推出的歐洲團，團費每人一千二百€起，較去年上升一成。
`

export const HKSCS_CHARS = ['埗', '邨', '嘅', '咗', '啲', '堃'] as const

let hkscsCodes: Map<string, number[]> | undefined

/**
 * The big5 encoder of the standard leaves out HKSCS codes with lead bytes 0x81–0xA0 (it writes
 * plain Big5), so those characters are found by decoding every such pair with the decoder.
 */
function hkscsCode(c: string): number[] | undefined {
  if (!hkscsCodes) {
    hkscsCodes = new Map()
    for (let lead = 0x87; lead <= 0xa0; lead++)
      for (const trail of [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]) {
        const s = tryDecode(Uint8Array.of(lead, trail), 'big5')
        if (s && !hkscsCodes.has(s)) hkscsCodes.set(s, [lead, trail])
      }
  }
  return hkscsCodes.get(c)
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i)
}

export function encode(text: string, encoding: 'gb18030' | 'gbk' | 'big5'): Uint8Array {
  const enc = createMultibyteEncoder(encoding)
  const out: number[] = []
  for (const c of text) {
    let bytes: number[]
    try {
      bytes = [...enc(c)]
    } catch {
      const code = encoding === 'big5' ? hkscsCode(c) : undefined
      if (!code) throw new Error(`${c} cannot be written in ${encoding}`)
      bytes = code
    }
    out.push(...bytes)
  }
  return Uint8Array.from(out)
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const join2 = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]))
function utf16(s: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i)
    if (order === 'le') out.push(u & 0xff, u >> 8)
    else out.push(u >> 8, u & 0xff)
  }
  return Uint8Array.from(out)
}

export interface EncodingFixture {
  file: string
  bytes: Uint8Array
  declared?: EncodingLabel
  /** A successful decode: the encoding and text it yields. */
  decodes?: { encoding: TextEncodingName; text: string }
  /** A refusal: the exact message. */
  refusal?: string
}

/** Every fixture, with its bytes and the expected outcome. */
export function encodingFixtures(): EncodingFixture[] {
  const gb = encode(SIMPLIFIED, 'gb18030')
  const b5 = encode(TRADITIONAL, 'big5')
  const hk = encode(HONG_KONG, 'big5')
  // 𠮷 (U+20BB7) is outside GBK: GB18030 writes it in four bytes.
  const astral = `${SIMPLIFIED}吉祥的“𠮷”字\n`
  const u8 = utf8(SIMPLIFIED)
  // Cut inside the last character: 2 of the 3 UTF-8 bytes of ）, 1 of its 2 GB18030 or Big5 bytes.
  const cutU8 = u8.subarray(0, u8.length - 2)
  const gbNoNewline = gb.subarray(0, gb.length - 1)
  const cutGb = gbNoNewline.subarray(0, gbNoNewline.length - 1)
  const b5NoNewline = b5.subarray(0, b5.length - 1)
  const cutB5 = b5NoNewline.subarray(0, b5NoNewline.length - 1)
  // The same page without the few characters whose GB18030 bytes big5 cannot decode: read as
  // big5 it decodes without an error, into nonsense (the 控縸冪撳撮扲羲楷課齪傖蕾).
  const gbReadableAsBig5 = encode(
    [...SIMPLIFIED].filter((c) => tryDecode(encode(c, 'gb18030'), 'big5') !== undefined).join(''),
    'gb18030',
  )
  const pua = utf8(`${SIMPLIFIED}造字\ue000区\n`)
  const puaAt = utf8(`${SIMPLIFIED}造字`).length
  return [
    { file: 'gb18030.txt', bytes: gb, decodes: { encoding: 'gb18030', text: SIMPLIFIED } },
    {
      file: 'gbk-declared.txt',
      bytes: encode(SIMPLIFIED, 'gbk'),
      declared: 'gbk',
      decodes: { encoding: 'gb18030', text: SIMPLIFIED },
    },
    {
      file: 'gb18030-four-byte.txt',
      bytes: encode(astral, 'gb18030'),
      decodes: { encoding: 'gb18030', text: astral },
    },
    { file: 'big5.txt', bytes: b5, decodes: { encoding: 'big5', text: TRADITIONAL } },
    { file: 'big5-hkscs.txt', bytes: hk, decodes: { encoding: 'big5', text: HONG_KONG } },
    {
      file: 'big5-hkscs-declared.txt',
      bytes: hk,
      declared: 'big5-hkscs',
      decodes: { encoding: 'big5', text: HONG_KONG },
    },
    {
      file: 'cp950-declared.txt',
      bytes: encode(CP950_TEXT, 'big5'),
      declared: 'cp950',
      decodes: { encoding: 'big5', text: CP950_TEXT },
    },
    { file: 'utf8.txt', bytes: u8, decodes: { encoding: 'utf-8', text: SIMPLIFIED } },
    {
      file: 'utf8-bom.txt',
      bytes: join2(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(TRADITIONAL)),
      decodes: { encoding: 'utf-8', text: TRADITIONAL },
    },
    {
      file: 'utf16le-bom.txt',
      bytes: utf16(SIMPLIFIED, 'le', true),
      refusal: 'the file is UTF-16LE (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    },
    {
      file: 'utf16be-bom.txt',
      bytes: utf16(SIMPLIFIED, 'be', true),
      refusal: 'the file is UTF-16BE (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    },
    {
      file: 'utf16le-no-bom.txt',
      bytes: utf16(SIMPLIFIED, 'le', false),
      refusal:
        'the file looks like UTF-16LE without a byte-order mark (a zero byte in every other position); save it as UTF-8',
    },
    {
      file: 'truncated-utf8.txt',
      bytes: cutU8,
      refusal: `the file ends in the middle of a character at byte ${cutU8.length - 2} (it reads as utf-8 up to there): it was cut short; copy or export it again`,
    },
    {
      file: 'truncated-gb18030.txt',
      bytes: cutGb,
      refusal: `the file ends in the middle of a character at byte ${cutGb.length - 1} (it reads as gb18030 up to there): it was cut short; copy or export it again`,
    },
    {
      file: 'truncated-big5-declared.txt',
      bytes: cutB5,
      declared: 'big5',
      refusal: `the file ends in the middle of a character at byte ${cutB5.length - 1} (it reads as big5 up to there): it was cut short; copy or export it again`,
    },
    {
      file: 'gb18030-declared-big5.txt',
      bytes: gb,
      declared: 'big5',
      refusal:
        'declared big5, but the bytes do not read as big5: as big5, 2 undecodable byte sequence(s), the first at byte 314; as gb18030, 0 of 166 Han characters are rare and 0 private-use — declare --encoding gb18030 (or leave the encoding undeclared)',
    },
    {
      file: 'gb18030-declared-big5-reads.txt',
      bytes: gbReadableAsBig5,
      declared: 'big5',
      refusal:
        'declared big5, but the bytes do not read as big5: as big5, 58 of 153 Han characters are rare and 0 private-use; as gb18030, 0 of 164 Han characters are rare and 0 private-use — declare --encoding gb18030 (or leave the encoding undeclared)',
    },
    {
      file: 'big5-declared-gb18030.txt',
      bytes: b5,
      declared: 'gb18030',
      refusal:
        'declared gb18030, but the bytes do not read as gb18030: as gb18030, 24 of 62 Han characters are rare and 45 private-use; as big5, 0 of 116 Han characters are rare and 0 private-use — declare --encoding big5 (or leave the encoding undeclared)',
    },
    {
      file: 'utf8-declared-gbk.txt',
      bytes: u8,
      declared: 'gbk',
      refusal:
        'declared gbk, but the bytes do not read as gbk: as gbk, 9 undecodable byte sequence(s), the first at byte 5; as utf-8, 0 of 166 Han characters are rare and 0 private-use — declare --encoding utf-8 (or leave the encoding undeclared)',
    },
    {
      file: 'private-use.txt',
      bytes: pua,
      refusal: `1 private-use character(s) when read as utf-8 (bytes at ${puaAt}): the encoding has no standard character for them; fix the source, declare the right encoding, or allow them explicitly (--allow-private-use)`,
    },
  ]
}

if (process.argv.includes('--write')) {
  mkdirSync(ENCODING_SET, { recursive: true })
  for (const f of encodingFixtures()) writeFileSync(join(ENCODING_SET, f.file), f.bytes)
  console.log(`wrote ${encodingFixtures().length} files to ${ENCODING_SET}`)
}
