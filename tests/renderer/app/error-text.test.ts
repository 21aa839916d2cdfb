import { describe, expect, it } from 'vitest'
import { RemoteError } from '../../../src/shared/errors'
import { ERROR_MESSAGES } from '../../../src/shared/error-messages'
import { ERROR_CODES } from '../../../src/shared/error-codes'
import { errorText, failureText, isCancelled } from '../../../src/renderer/app/error-text'
import { makeI18n } from '../../../src/renderer/app/i18n'

describe('errorText', () => {
  const missing = new RemoteError('not-found', 'NotFoundError', 'no issue "x" in this archive')

  it('English: the specific message; Chinese: the summary of its code, then the message', () => {
    expect(errorText(missing, 'en')).toBe('no issue "x" in this archive')
    expect(errorText(missing, 'zh-CN')).toBe('档案中没有找到。（no issue "x" in this archive）')
  })

  it('internal errors and plain errors are only the summary, never their own text', () => {
    expect(errorText(new Error('TypeError at /home/u/app.js'), 'en')).toBe(
      ERROR_MESSAGES.en.internal,
    )
    expect(errorText(new RemoteError('internal', 'InternalError', 'x'), 'zh-CN')).toBe(
      ERROR_MESSAGES['zh-CN'].internal,
    )
  })

  it('every code has a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES.en[code]).toMatch(/\S/)
      expect(ERROR_MESSAGES['zh-CN'][code]).toMatch(/\p{Script=Han}/u)
    }
  })

  it('tells a cancel by its code', () => {
    expect(isCancelled(new RemoteError('cancelled', 'ImportCancelled', 'c'))).toBe(true)
    expect(isCancelled(missing)).toBe(false)
  })
})

// What ImportDialog and RemoveIssueButton show when an action fails: the catalogue's words for
// the error's code in the UI language, never the raw English message alone.
describe('failureText', () => {
  const busy = new RemoteError(
    'archive-busy',
    'ArchiveBusyError',
    'archive busy: another change is in progress',
  )

  it('Chinese: the action, then the summary of the code, then the specifics', () => {
    const text = failureText(busy, makeI18n('zh-CN'), 'removeFailed')
    expect(text).toBe(
      `无法删除：${ERROR_MESSAGES['zh-CN']['archive-busy']}（archive busy: another change is in progress）`,
    )
    expect(failureText(busy, makeI18n('zh-CN'), 'impFailed')).toMatch(/^导入失败：/)
  })

  it('English: the action and the specific message', () => {
    expect(failureText(busy, makeI18n('en'), 'impFailed')).toBe(
      'The import failed: archive busy: another change is in progress',
    )
  })

  it('an internal failure shows only the summary, in either language', () => {
    const bug = new RemoteError('internal', 'InternalError', 'TypeError at main.js:1')
    expect(failureText(bug, makeI18n('zh-CN'), 'removeFailed')).toBe(
      `无法删除：${ERROR_MESSAGES['zh-CN'].internal}`,
    )
    expect(failureText(new Error('raw'), makeI18n('en'), 'removeFailed')).not.toMatch(/raw/)
  })
})
