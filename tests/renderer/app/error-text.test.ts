import { describe, expect, it } from 'vitest'
import { RemoteError } from '../../../src/shared/errors'
import { ERROR_MESSAGES } from '../../../src/shared/error-messages'
import { ERROR_CODES } from '../../../src/shared/error-codes'
import { errorText, isCancelled } from '../../../src/renderer/app/error-text'

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
