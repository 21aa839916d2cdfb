import { describe, expect, it } from 'vitest'
import { markChange } from '../../../src/renderer/search/did-you-mean'

describe('markChange', () => {
  it('marks the one character that differs', () => {
    expect(markChange('低碳', '低炭', '低碳')).toEqual({ before: '低', changed: '碳', after: '' })
    expect(markChange('发展 低碳 -交通', '低炭', '低碳')).toEqual({
      before: '发展 低',
      changed: '碳',
      after: ' -交通',
    })
  })

  it('marks an added character, and nothing for a dropped one', () => {
    expect(markChange('国际消费中心', '国际消中心', '国际消费中心')).toEqual({
      before: '国际消',
      changed: '费',
      after: '中心',
    })
    expect(markChange('消费城市', '消费中城市', '消费城市')).toEqual({
      before: '消费',
      changed: '',
      after: '城市',
    })
  })

  it('marks a whole variant form, and leaves a query without the term as it is', () => {
    expect(markChange('经济', '經濟', '经济')).toEqual({ before: '', changed: '经济', after: '' })
    expect(markChange('abc', 'x', 'y')).toEqual({ before: 'abc', changed: '', after: '' })
  })
})
