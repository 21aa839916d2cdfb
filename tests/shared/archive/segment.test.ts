import { describe, expect, it } from 'vitest'
import { segmentPage } from '../../../src/shared/archive/segment'
import { findMarkers } from '../../../src/shared/archive/articles'
import { reflow } from '../../../src/shared/text/reflow'
import { seedArchive } from '../search/seed-index'
import { SEED_FILES, seedText } from '../../helpers'

const { views } = seedArchive()
const issue = (id: string) => views.find((v) => v.id === id)!

describe('reflow', () => {
  it('joins hard-wrapped lines without spaces between CJK and keeps paragraphs', () => {
    const r = reflow('记者从区发展和改革委员\n会获悉，近年来。\n\n第二段开始', 12)
    expect(r.text).toBe('记者从区发展和改革委员会获悉，近年来。\n\n第二段开始')
    expect(r.map[r.text.indexOf('会')]).toBe('记者从区发展和改革委员\n'.length)
  })

  it('joins across a blank line that falls mid-sentence', () => {
    expect(reflow('形成规划科学、产业\n\n集聚、用地集约', 8).text).toBe(
      '形成规划科学、产业集聚、用地集约',
    )
  })

  it('keeps a space between Latin words and drops stray spaces between CJK', () => {
    expect(reflow('hello\nworld 7月 12日', 5).text).toBe('hello world 7月12日')
  })
})

describe('segmentation of the seed pages', () => {
  it('splits every page into articles with headlines', () => {
    for (const name of Object.values(SEED_FILES)) {
      const drafts = segmentPage(seedText(name))
      expect(drafts.length).toBeGreaterThanOrEqual(5)
    }
    const counts = views.map((v) => v.pages.map((p) => p.articles.length))
    expect(counts.flat().reduce((a, b) => a + b)).toBeGreaterThanOrEqual(30)
    for (const v of views)
      for (const p of v.pages)
        for (const a of p.articles) expect(a.headline.length).toBeGreaterThan(0)
  })

  it('uses markdown headings, kickers and subheadlines', () => {
    const bb = issue('beibei-2024-03-04').pages[0]!.articles
    expect(bb[0]).toMatchObject({ headline: '北碚经济技术开发区揭牌成立', byline: '记者熊辉' })
    expect(bb[0]!.subheadline).toBe('规划总面积172.6平方公里 三大板块错位发展')
    const kicked = bb.find((a) => a.headline.startsWith('以项目建设带动'))!
    expect(kicked.kicker).toBe('黄祖英在2024年重点项目专题会上强调')
  })

  it('treats section headings inside an article as part of it', () => {
    const yz = issue('yuzhong-2023-06-09').pages[0]!.articles
    const eco = yz.find((a) => a.headline.startsWith('生态环境质量持续改善'))!
    expect(eco.text).toContain('关键词 污染防治')
    expect(eco.text).toContain('关键词 无废城市')
  })

  it('moves trailing headlines back to their article on pages printed headline-last', () => {
    const p2 = issue('jiangbei-2023-07-13').pages[1]!.articles
    const zf = p2.find((a) => a.text.includes('区政法委员会'))!
    // The headline stands 40 lines below its article, the subtitle right under it.
    expect(zf).toMatchObject({
      headline: '区政法委员会2023年第二次全会召开',
      subheadline: '李爱民出席',
    })
    const gjt = p2.find((a) => a.text.includes('郭家沱街道“百姓hua望江”'))!
    expect(gjt.headline).toBe('用镜头和画笔记录大美望江')
  })

  it('keeps the page masthead line out of headlines', () => {
    const yz = issue('yuzhong-2023-06-09').pages[0]!.articles
    expect(yz.every((a) => !(a.subheadline ?? '').includes('星期五'))).toBe(true)
  })
})

describe('continuations', () => {
  it('finds 下转 / 上接 / 详见 markers with their page', () => {
    expect(findMarkers('问题。 （下转2版）')).toMatchObject([
      { kind: 'continued-on', targetPage: 2, marker: '（下转2版）' },
    ])
    expect(findMarkers('(上接1版)正文')).toMatchObject([
      { kind: 'continued-from', targetPage: 1, range: [0, 6] },
    ])
    expect(findMarkers('情缘。 （详见二版）')).toMatchObject([{ kind: 'see', targetPage: 2 }])
  })

  it('links 下转2版 on the 江北 front page to the right 上接1版 articles on page 2', () => {
    const [p1, p2] = issue('jiangbei-2023-07-13').pages
    const lowCarbon = p1!.articles.find((a) => a.text.includes('发展和改革委员会'))!
    const link = lowCarbon.continuations.find((c) => c.kind === 'continued-on')!
    expect(link).toMatchObject({ targetPage: 2, targetExists: true })
    const target = p2!.articles.find((a) => a.id === link.targetArticleId)!
    expect(target.text).toContain('推动工业领域绿色低碳转型升级')
    expect(target.continuations[0]).toMatchObject({
      kind: 'continued-from',
      targetArticleId: lowCarbon.id,
    })

    const srtx = p1!.articles.find((a) => a.text.includes('专精特新'))!
    const t2 = srtx.continuations.find((c) => c.kind === 'continued-on')!.targetArticleId
    expect(p2!.articles.find((a) => a.id === t2)!.text).toContain('溯联塑胶')
  })

  it('says when the target page is not in the archive', () => {
    const yz = issue('yuzhong-2023-06-09').pages[0]!.articles
    const cont = yz.flatMap((a) => a.continuations)
    expect(cont.length).toBeGreaterThan(0)
    expect(
      cont.every((c) => c.targetPage === 1 && !c.targetExists && c.targetArticleId === undefined),
    ).toBe(true)
  })

  it('a bracketed note alone on its line is the article’s text, never its byline', () => {
    // The 江北 front page ends an article with a blank line and （下转2版） alone; the rule for
    // bracketed credits such as （张 三） used to make "下转2版" that article's byline.
    const p1 = issue('jiangbei-2023-07-13').pages[0]!.articles
    const srtx = p1.find((a) => a.text.includes('专精特新'))!
    expect(srtx.byline).not.toMatch(/版/)
    expect(srtx.text).toContain('（下转2版）')
    const body =
      '正文第一段，很长很长很长很长很长很长很长很长很长很长很长很长很长很长，继续写下去。'
    for (const note of [
      '（下转2版）',
      '（转第12版）',
      '（详见A3版）',
      '（未完待续）',
      '（完）',
      '（本文有删节）',
    ]) {
      const [a] = segmentPage(`一个标题\n\n${body}\n\n${note}\n`)
      expect(a?.byline, note).toBeUndefined()
    }
    // A bracketed name in the same place is still the byline.
    expect(segmentPage(`一个标题\n\n${body}\n\n（张 三）\n`)[0]?.byline).toBe('张 三')
  })
})
