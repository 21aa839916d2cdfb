// Synthetic batches of issue pages for the import tests and bench: newspaper-like text (headlines,
// 本报讯 leads, 下转/上接 markers), written in UTF-8, GB18030 or Big5 (traditional characters).
// Node can decode those encodings but not encode them, so the encoders are built here by decoding
// every two-byte sequence once. Committed fixtures (tests/fixtures/import) are made with python3.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldTable } from '../../src/shared/text/fold'
import { makeRng } from './rng'

export type Encoding = 'utf-8' | 'gb18030' | 'big5'

const tables = new Map<Encoding, Map<string, Uint8Array>>()

function table(enc: 'gb18030' | 'big5'): Map<string, Uint8Array> {
  let t = tables.get(enc)
  if (t) return t
  t = new Map()
  const decoder = new TextDecoder(enc, { fatal: true })
  // Standard Big5 (lead ≥ 0xA1) before the HKSCS extension, so common characters get their usual bytes.
  const leads = enc === 'big5' ? [...range(0xa1, 0xfe), ...range(0x81, 0xa0)] : range(0x81, 0xfe)
  for (const lead of leads) {
    for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfe)]) {
      const bytes = new Uint8Array([lead, trail])
      let c: string
      try {
        c = decoder.decode(bytes)
      } catch {
        continue
      }
      if ([...c].length === 1 && !t.has(c)) t.set(c, bytes)
    }
  }
  tables.set(enc, t)
  return t
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
}

/** Encodes text; throws on a character the encoding lacks. */
export function encode(text: string, enc: Encoding): Buffer {
  if (enc === 'utf-8') return Buffer.from(text, 'utf8')
  const t = table(enc)
  const out: number[] = []
  for (const c of text) {
    const code = c.codePointAt(0) as number
    if (code < 0x80) out.push(code)
    else {
      const bytes = t.get(c)
      if (!bytes) throw new Error(`cannot encode ${c} (U+${code.toString(16)}) in ${enc}`)
      out.push(...bytes)
    }
  }
  return Buffer.from(out)
}

let toTrad: Map<string, string[]> | undefined

/** Simplified → traditional, character by character, choosing forms Big5 has. */
export function traditional(text: string): string {
  if (!toTrad) {
    toTrad = new Map()
    for (const [trad, simp] of foldTable()) {
      const list = toTrad.get(simp) ?? []
      list.push(trad)
      toTrad.set(simp, list)
    }
  }
  const big5 = table('big5')
  let out = ''
  for (const c of text) {
    const forms = toTrad.get(c)
    out += forms?.find((f) => big5.has(f)) ?? c
  }
  return out
}

const PLACES = [
  '观音桥',
  '解放碑',
  '北碚',
  '大足',
  '江北嘴',
  '寸滩',
  '石马河',
  '鸳鸯',
  '龙头寺',
  '华新',
]
const SUBJECTS = ['社区', '街道', '企业', '学校', '医院', '图书馆', '公园', '园区', '市场', '车站']
const EVENTS = [
  '召开推进会',
  '开展志愿服务',
  '举办培训班',
  '启动专项行动',
  '完成改造工程',
  '举行签约仪式',
]
const PHRASES = [
  '会议总结了前期工作，安排部署下一阶段重点任务',
  '活动吸引了众多市民参与，现场气氛热烈',
  '相关负责人表示，将进一步完善服务措施，提升群众满意度',
  '据了解，该项目总投资约五亿元，预计年内建成投用',
  '下一步，将持续加大投入力度，推动高质量发展',
  '记者在现场看到，工作人员正有序开展各项工作',
  '近年来，我区坚持以人民为中心，不断改善民生福祉',
  '此次活动进一步增强了居民的安全意识和应急能力',
]

export interface PageSpec {
  paper: string
  date: string
  page: number
  /** Pages in the issue, for 下转 / 上接 markers. */
  pages: number
  seed: number
  /** About this many characters of body text. */
  chars: number
}

/** A page of invented district-paper text, unique to its seed. */
export function pageText(spec: PageSpec): string {
  // Seeded, so a batch is the same from run to run.
  const r = makeRng(spec.seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const [, m, d] = spec.date.split('-').map(Number)
  const lines: string[] = [`第${spec.page}版`, '']
  let n = 0
  let article = 0
  while (n < spec.chars) {
    article++
    const head = `${pick(PLACES)}${pick(SUBJECTS)}${pick(EVENTS)}`
    lines.push(head, '')
    let body = `本报讯（记者 编号${spec.seed}-${article}）${m}月${d}日，${pick(PLACES)}${pick(SUBJECTS)}${pick(EVENTS)}。`
    if (spec.page > 1 && article === 1) body = `（上接${spec.page - 1}版）${body}`
    for (let k = 0; k < 6; k++)
      body += `${pick(PHRASES)}，${pick(PLACES)}${pick(SUBJECTS)}第${Math.floor(r() * 1e6)}号。`
    if (spec.page < spec.pages && article === 1) body += `（下转${spec.page + 1}版）`
    // Hard-wrapped at 30 characters, as extracted text is.
    for (let i = 0; i < body.length; i += 30) lines.push(body.slice(i, i + 30))
    lines.push('')
    n += body.length + head.length
  }
  return lines.join('\n')
}

export interface BatchOptions {
  issues: number
  pagesPerIssue: number
  chars: number
  /** Encodings used in turn, page by page. */
  encodings?: Encoding[]
  papers?: string[]
  firstDate?: string
  seed?: number
}

/** Writes a batch as SLUG-YYYY-MM-DD-pN.txt files; returns the file names and total bytes. */
export function writeBatch(dir: string, o: BatchOptions): { files: string[]; bytes: number } {
  mkdirSync(dir, { recursive: true })
  const encodings = o.encodings ?? ['utf-8']
  const papers = o.papers ?? ['jiangbei', 'yuzhong', 'beibei', 'xinyu']
  const start = Date.parse(`${o.firstDate ?? '2010-01-01'}T00:00:00Z`)
  const files: string[] = []
  let bytes = 0
  let k = 0
  for (let i = 0; i < o.issues; i++) {
    const paper = papers[i % papers.length] as string
    const date = new Date(start + Math.floor(i / papers.length) * 86_400_000)
      .toISOString()
      .slice(0, 10)
    for (let p = 1; p <= o.pagesPerIssue; p++) {
      const enc = encodings[k++ % encodings.length] as Encoding
      const seed = (o.seed ?? 1) * 1_000_003 + i * 1000 + p
      const text = pageText({ paper, date, page: p, pages: o.pagesPerIssue, seed, chars: o.chars })
      const data = encode(enc === 'big5' ? traditional(text) : text, enc)
      const name = `${paper}-${date}-p${p}.txt`
      writeFileSync(join(dir, name), data)
      files.push(name)
      bytes += data.length
    }
  }
  return { files, bytes }
}
