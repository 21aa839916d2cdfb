import { describe, expect, it } from 'vitest'
import { noteFitsLanguage } from '../../../src/renderer/reader/note-language'

describe('noteFitsLanguage', () => {
  it('keeps English sentences out of the Chinese UI and shows everything in English', () => {
    const english = 'Page number not printed; assumed 1.'
    const mixed =
      'No date is printed in the extracted text. Its reports are of 7月12日 (2023年“全国低碳日”).'
    expect(noteFitsLanguage(english, 'zh-CN')).toBe(false)
    expect(noteFitsLanguage(mixed, 'zh-CN')).toBe(false)
    expect(noteFitsLanguage(english, 'en')).toBe(true)
    expect(noteFitsLanguage('版面号未印出，按头版处理。', 'zh-CN')).toBe(true)
    expect(noteFitsLanguage('据 PDF 提取，版面号推定为 2。', 'zh-CN')).toBe(true)
    // Markup or a file name is not prose: shown in both (content-safety shows it as text).
    expect(noteFitsLanguage('<script>alert(1)</script>', 'zh-CN')).toBe(true)
  })
})
