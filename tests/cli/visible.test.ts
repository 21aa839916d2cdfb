// File names and texts from data reach the terminal with their control, bidi and invisible
// characters shown as escapes: a name cannot clear the screen, reverse what follows it, or add
// a fake line to a report.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { run } from '../../src/cli/main'
import { visible } from '../../src/cli/visible'
import { ArchiveService } from '../../src/node/archive-service'
import { tempArchive, tempDir } from '../helpers'
import { writeBatch } from '../support/batch'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})

/** Anything a terminal would act on or hide, as opposed to print. */
const RAW =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/

describe('visible', () => {
  it('shows escapes, bidi controls and newlines as escapes, and leaves other text alone', () => {
    expect(visible('a\x1b[2Jb')).toBe('a\\x1b[2Jb')
    expect(visible('evil\u202etxt.exe')).toBe('evil\\u202etxt.exe')
    expect(visible('p1.txt\nerror   fake: all good')).toBe('p1.txt\\nerror   fake: all good')
    expect(visible('tab\there\r\u0000\u009b\u2066\u2069\ufeff\u200b')).toBe(
      'tab\\there\\r\\x00\\x9b\\u2066\\u2069\\ufeff\\u200b',
    )
    expect(visible('江北报 1936年 第1版 — “引号” ‘’ 〔〕 emoji 🎉 ZWJ 👩\u200d💻')).toBe(
      '江北报 1936年 第1版 — “引号” ‘’ 〔〕 emoji 🎉 ZWJ 👩\u200d💻',
    )
  })
})

describe('CLI reports with escape-laden file names', () => {
  it('add, verify and errors print every name visibly: no raw control, bidi or extra line', () => {
    const a = tempArchive()
    const w = tempDir()
    cleanups.push(a.cleanup, w.cleanup)
    ArchiveService.open({ archiveDir: a.dir })
    const batch = join(w.dir, 'batch')
    writeBatch(batch, { issues: 1, pagesPerIssue: 1, chars: 500, firstDate: '2016-04-01' })
    const names = [
      'clear\x1b[2J\x1b[H.txt',
      'rtl\u202etxt.exe.txt',
      'two\nerror   fake: 0 error(s).txt',
      'not-a-page\x07\u2066.doc',
    ]
    for (const n of names) writeFileSync(join(batch, n), '江北报 第1版\n\n标题\n\n正文。')
    // A stray file in the archive with such a name: verify lists it.
    writeFileSync(join(a.dir, 'stray\x1b]0;pwned\x07\u202e.txt'), 'x')
    let out = ''
    let err = ''
    const io = {
      out: (s: string) => (out += s + '\n'),
      err: (s: string) => (err += s + '\n'),
      interactive: false,
    }
    run(['--archive', a.dir, 'add', batch, '--dry-run'], io.out, io.err, io)
    run(['--archive', a.dir, 'verify'], io.out, io.err, io)
    run(['--archive', a.dir, 'add', join(batch, names[2] as string)], io.out, io.err, io)
    const printed = out + err
    expect(printed).not.toMatch(RAW)
    for (const shown of ['clear\\x1b[2J\\x1b[H.txt', 'rtl\\u202etxt.exe.txt', 'two\\nerror']) {
      expect(printed).toContain(shown)
    }
    expect(printed).toContain('stray\\x1b]0;pwned\\x07\\u202e.txt')
    // No line of the report starts with the text the name tried to inject.
    expect(printed.split('\n').some((l) => l.startsWith('error   fake'))).toBe(false)
  })
})
