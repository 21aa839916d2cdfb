import { describe, expect, it } from 'vitest'
import {
  findPrintedDates,
  inferIssueDate,
  inferPageNumber,
  inferPaper,
  parseFileName,
  parseNumber,
} from '../../../src/shared/archive/infer'
import { missingPages, suspiciousText } from '../../../src/shared/archive/page-check'
import { seedText, SEED_FILES } from '../../helpers'

const papers = [
  { slug: 'jiangbei', name: '江北报' },
  { slug: 'beibei', name: '北碚报' },
]

describe('inferring metadata from the text', () => {
  it('reads the printed header date of the 渝中报 seed page, with its weekday', () => {
    const d = inferIssueDate(seedText(SEED_FILES.yuzhong))
    expect(d).toMatchObject({
      value: '2023-06-09',
      evidence: '2023年6月9日 星期五',
      line: 5,
      weekday: 5,
      weekdayMatches: true,
    })
  })

  it('does not take a date inside an article for the issue date', () => {
    // 002 says "2024年3月5日是第61个学雷锋纪念日" on line 101: an event, not the masthead.
    const text = seedText(SEED_FILES.beibei)
    expect(findPrintedDates(text).map((d) => d.value)).toContain('2024-03-05')
    expect(inferIssueDate(text)).toBeUndefined()
  })

  it('parses Chinese and full-width numerals and notices a wrong weekday', () => {
    expect(parseNumber('二〇二三')).toBe(2023)
    expect(parseNumber('十二')).toBe(12)
    expect(parseNumber('二十九')).toBe(29)
    expect(parseNumber('２０２４')).toBe(2024)
    expect(parseNumber('廿')).toBeNaN()
    expect(inferIssueDate('二〇二三年六月九日 星期五\n')).toMatchObject({ value: '2023-06-09' })
    expect(inferIssueDate('2023年6月10日 星期五')).toMatchObject({ weekdayMatches: false })
    expect(findPrintedDates('2023年2月30日')).toEqual([])
  })

  it('names the paper from its masthead or an XX报讯 lead, in either script; 本报讯 names none', () => {
    expect(inferPaper('江北报\n本报讯 今天…', papers)).toMatchObject({
      value: '江北报',
      slug: 'jiangbei',
    })
    expect(inferPaper('北碚報訊（記者 陳強）', papers)).toMatchObject({
      value: '北碚报',
      slug: 'beibei',
      evidence: '北碚報',
    })
    const unknown = inferPaper('□新渝报讯（记者 张三）', papers)
    expect(unknown).toMatchObject({ value: '新渝报', evidence: '新渝报讯' })
    expect(unknown?.slug).toBeUndefined()
    expect(inferPaper('本报讯（记者 刘静）7月12日', papers)).toBeUndefined()
  })

  it('reads a printed page number from the header only, not a continuation marker', () => {
    expect(inferPageNumber('第3版\n编辑:张红')).toMatchObject({ value: 3, line: 1 })
    expect(inferPageNumber('2024年5月8日 第十二版')).toMatchObject({ value: 12 })
    expect(inferPageNumber('A2版 要闻')).toMatchObject({ value: 2 })
    expect(inferPageNumber('正文（下转2版）')).toBeUndefined()
  })

  it('reads the batch naming convention from file names', () => {
    expect(parseFileName('jiangbei-2023-07-13-p2.txt')).toEqual({
      paper: 'jiangbei',
      date: '2023-07-13',
      page: 2,
    })
    expect(parseFileName('yu-zhong_20230609_03.txt')).toEqual({
      paper: 'yu-zhong',
      date: '2023-06-09',
      page: 3,
    })
    expect(parseFileName('jiangbei-2023-07-13.txt')).toEqual({
      paper: 'jiangbei',
      date: '2023-07-13',
    })
    expect(parseFileName('scan0001.txt')).toEqual({})
  })
})

describe('page checks', () => {
  it('flags suspicious text that decoding let through', () => {
    const codes = (t: string) => suspiciousText(t).map((p) => `${p.level}:${p.code}`)
    expect(codes('正常的文字。')).toEqual([])
    expect(codes('文字锟斤拷锟斤拷')).toEqual(['error:mojibake'])
    expect(codes('文字\u0007字')).toEqual(['warning:control-characters'])
    expect(codes('文字\ue000字')).toEqual(['warning:private-use'])
    expect(codes('第一版\f第二版')).toEqual(['warning:form-feed'])
  })

  it('lists page gaps', () => {
    expect(missingPages([1, 2, 3])).toEqual([])
    expect(missingPages([1, 4])).toEqual([2, 3])
    expect(missingPages([2])).toEqual([1])
  })
})
