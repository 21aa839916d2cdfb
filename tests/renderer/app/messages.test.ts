// Both UI languages are complete: every message exists in zh-CN and English (with the same
// placeholders, neither empty nor left in the other language), the error catalogue likewise, and
// no component renders text of its own instead of a message. The components are read with the
// TypeScript parser: JSX text, the text-bearing attributes, and Chinese in any string.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { messages } from '../../../src/renderer/app/messages'
import { ERROR_MESSAGES } from '../../../src/shared/error-messages'

const HAN = /\p{Script=Han}/u
const WORD = /[A-Za-z]{2,}/
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()

// Messages that are the same words in both languages, or name the other language on purpose.
const SAME_IN_BOTH = new Set(['langZh', 'langEn'])
// helpTraditional shows the Chinese characters it is about.
const CHINESE_IN_ENGLISH = new Set(['helpTraditional'])

describe('message catalogue', () => {
  const en = messages.en as Record<string, string>
  const zh = messages['zh-CN'] as Record<string, string>

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort())
    const problems: string[] = []
    for (const key of Object.keys(en)) {
      if (!en[key]?.trim()) problems.push(`${key}: empty in English`)
      if (!zh[key]?.trim()) problems.push(`${key}: empty in Chinese`)
      // A plural form may leave out {count}/{n} where the language says "one" in words.
      const base = key.replace(/_(one|other|two|few|many|zero)$/, '')
      if (base === key && placeholders(en[key] ?? '').join() !== placeholders(zh[key] ?? '').join())
        problems.push(
          `${key}: placeholders ${placeholders(en[key] ?? '')} vs ${placeholders(zh[key] ?? '')}`,
        )
    }
    expect(problems).toEqual([])
  })

  it('has no message left in the other language', () => {
    const problems: string[] = []
    for (const key of Object.keys(en)) {
      if (SAME_IN_BOTH.has(key)) continue
      const zhText = (zh[key] ?? '').replace(/\{\w+\}/g, '')
      if (!HAN.test(zhText) && WORD.test(zhText))
        problems.push(`${key}: Chinese is ${JSON.stringify(zh[key])}`)
      if (zh[key] === en[key] && WORD.test(zhText)) problems.push(`${key}: the same text in both`)
      if (HAN.test(en[key] ?? '') && !CHINESE_IN_ENGLISH.has(key))
        problems.push(`${key}: English is ${JSON.stringify(en[key])}`)
    }
    expect(problems).toEqual([])
  })

  it('the error catalogue has every code in both languages', () => {
    expect(Object.keys(ERROR_MESSAGES['zh-CN']).sort()).toEqual(
      Object.keys(ERROR_MESSAGES.en).sort(),
    )
    for (const [code, text] of Object.entries(ERROR_MESSAGES['zh-CN']))
      expect(text, code).toMatch(HAN)
  })
})

// Text a component may render as it is: names in their own language, symbols, key names.
const ALLOWED_TEXT = new Set([
  '报刊档案阅读器',
  'Archive Reader',
  '中文',
  'English',
  'Esc',
  'A−',
  'A+',
])
// Chinese strings in code that are not UI text: sample queries (shown in both languages, they
// search the Chinese archive), patterns and punctuation read from the archive's text, and the
// Chinese UI's own month label.
const ALLOWED_HAN_FILES = [
  'search/SearchHelp.tsx',
  'search/date-input.ts',
  'reader/citation.ts',
  'ui/text-layout.ts',
  'library/PaperCalendar.tsx',
]
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
])
const MESSAGE_FILES = /(^|\/)(messages(-en)?|[a-z]+-messages)\.ts$/

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

function hardCoded(path: string, rel: string): string[] {
  const text = readFileSync(path, 'utf8')
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const at = (node: ts.Node, what: string): void => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1
    found.push(`${rel}:${line} ${what}`)
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const s = node.text.trim()
      if (s && (WORD.test(s) || HAN.test(s)) && !ALLOWED_TEXT.has(s)) at(node, JSON.stringify(s))
    } else if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText(file)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      (WORD.test(node.initializer.text) || HAN.test(node.initializer.text))
    ) {
      at(node, `${node.name.getText(file)}=${JSON.stringify(node.initializer.text)}`)
    } else if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      HAN.test(node.text) &&
      !ALLOWED_TEXT.has(node.text) &&
      !ALLOWED_HAN_FILES.includes(rel)
    ) {
      at(node, JSON.stringify(node.text))
    } else if (
      ts.isRegularExpressionLiteral(node) &&
      HAN.test(node.text) &&
      !ALLOWED_HAN_FILES.includes(rel)
    ) {
      at(node, node.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('components', () => {
  it('render messages, not text of their own, in either language', () => {
    const root = join(__dirname, '../../../src/renderer')
    const found = sources(root)
      .map((p) => [p, relative(root, p).split('\\').join('/')] as const)
      .filter(([, rel]) => !MESSAGE_FILES.test(rel))
      .flatMap(([p, rel]) => hardCoded(p, rel))
    expect(found).toEqual([])
  })
})
