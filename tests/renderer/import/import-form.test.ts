// The import form's pure parts: shown values, edits, validation, overrides sent, labels.
import { describe, expect, it } from 'vitest'
import type { FileReport } from '../../../src/shared/archive/import-report'
import {
  byLevel,
  editsValid,
  fieldValid,
  fieldValue,
  fileRank,
  overridesOf,
  problemTitle,
  sameOverrides,
  setEdit,
} from '../../../src/renderer/import/import-form'
import type { Edits } from '../../../src/renderer/import/import-form'
import { messages } from '../../../src/renderer/app/messages'

const file = (over: Partial<FileReport> = {}): FileReport => ({
  file: 'batch/p1.txt',
  bytes: 10,
  encoding: 'utf-8',
  bom: false,
  lineEndings: 'lf',
  articles: 1,
  continuations: [],
  problems: [],
  paper: { value: 'jiangbei', source: 'filename' },
  date: { value: '2024-05-06', source: 'text', evidence: '2024年5月6日 (line 2)' },
  page: { value: 1, source: 'filename' },
  ...over,
})

describe('import form', () => {
  it('shows the edit, else what the report found; an edit back to it is no edit', () => {
    const f = file()
    let edits: Edits = {}
    expect(fieldValue(f, edits, 'date')).toBe('2024-05-06')
    expect(fieldValue(f, edits, 'paperName')).toBe('')
    edits = setEdit(edits, f, 'date', '2024-05-07')
    expect(fieldValue(f, edits, 'date')).toBe('2024-05-07')
    expect(overridesOf(edits)).toEqual([{ file: 'batch/p1.txt', date: '2024-05-07' }])
    edits = setEdit(edits, f, 'date', '2024-05-06')
    expect(edits).toEqual({})
    expect(overridesOf(edits)).toEqual([])
  })

  it('validates like main’s schemas and sends only valid, non-empty values', () => {
    expect(fieldValid('paper', 'jiangbei')).toBe(true)
    expect(fieldValid('paper', 'Jiang Bei')).toBe(false)
    expect(fieldValid('date', '2023-02-29')).toBe(false)
    expect(fieldValid('date', '2024-02-29')).toBe(true)
    expect(fieldValid('page', '0')).toBe(false)
    expect(fieldValid('page', '12')).toBe(true)
    expect(fieldValid('page', '1000')).toBe(false)
    expect(fieldValid('paperName', '')).toBe(true)
    const f = file()
    const bad = setEdit({}, f, 'paper', 'Not A Slug')
    expect(editsValid(bad)).toBe(false)
    expect(overridesOf(bad)).toEqual([])
    const good = setEdit(setEdit({}, f, 'page', '3'), f, 'paperName', ' 江北报 ')
    expect(overridesOf(good)).toEqual([{ file: 'batch/p1.txt', page: 3, paperName: '江北报' }])
    expect(
      sameOverrides(overridesOf(good), [{ file: 'batch/p1.txt', page: 3, paperName: '江北报' }]),
    ).toBe(true)
  })

  it('puts what blocks first and has a title for every code the core reports', () => {
    expect(fileRank(file({ problems: [{ level: 'error', code: 'decode', message: '' }] }))).toBe(0)
    expect(fileRank(file({ problems: [{ level: 'warning', code: 'weekday', message: '' }] }))).toBe(
      1,
    )
    expect(fileRank(file())).toBe(2)
    expect(
      byLevel([
        { level: 'info', code: 'bom', message: '' },
        { level: 'error', code: 'decode', message: '' },
        { level: 'warning', code: 'weekday', message: '' },
      ]).map((p) => p.level),
    ).toEqual(['error', 'warning', 'info'])
    for (const code of [
      'decode',
      'missing-metadata',
      'issue-exists',
      'duplicate',
      'page-gap',
      'continuation',
    ])
      expect(problemTitle(code)).not.toBe('codeOther')
    expect(problemTitle('something-new')).toBe('codeOther')
    // Both languages have every import string.
    for (const key of Object.keys(messages.en).filter((k) => k.startsWith('imp')))
      expect(messages['zh-CN'][key as keyof typeof messages.en], key).toBeTruthy()
  })
})
