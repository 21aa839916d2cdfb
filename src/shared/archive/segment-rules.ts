// The conventions of Chinese newspaper pages that the segmenter reads, as patterns. None of them
// names a paper: datelines and leads (本报讯, 本报北京10月14日电, 新华社…电, 据X报道), editorial
// markers (编者按, 核心阅读, （人民时评）), bylines and sign-offs, captions, page furniture, ads,
// news-in-brief column names. A paper with house conventions adds its own through a profile
// (catalog `profile`, see catalog.ts), compiled here into the same shape.

import type { PaperProfile } from '../types'

/** Extra patterns of one paper, from its catalog profile (validated there). */
export type SegmentProfile = PaperProfile

export interface SegmentRules {
  lead: RegExp
  briefColumn: RegExp
  banner?: RegExp
}

const NEWS_AGENCY =
  '新华社|中新社|中新网|人民网|央视网|央广网|国际在线|光明网|中国日报网|[\\u4e00-\\u9fff]{2,8}(?:社|网|台|报)'
const PLACE_DATE = '[\\u4e00-\\u9fff·]{0,16}\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*电'
/**
 * What opens a news report: 本报讯 / X报讯 / X网讯; 本报X地X月X日电; an agency dateline;
 * 据X报道 / 据新华社电; a lead in brackets （记者 X）; 本报记者 X at the start of the text.
 */
const LEADS = [
  '本报讯',
  '[\\u4e00-\\u9fff]{1,8}(?:报|网|台)讯',
  `本报${PLACE_DATE}`,
  `(?:${NEWS_AGENCY})${PLACE_DATE}`,
  '本报电',
  '据(?:新华社|中新社|[\\u4e00-\\u9fff《》]{2,12})(?:电|消息|报道)',
  '[（(]\\s*(?:本报)?(?:记者|通讯员|特约记者)\\s*[\\u4e00-\\u9fff]{2,4}',
  '[\\u4e00-\\u9fff]{0,6}记者\\s',
]
/** Editorial markers that open a piece: 编者按, 核心阅读, 短评, and bracketed column tags. */
const EDITORIAL =
  '(?:编者按|编者的话|编后|核心阅读|短评|快评|述评|评论员文章|社论)\\s*[：:—-]*|' +
  '【[^】]{1,12}】|[（(][\\u4e00-\\u9fff]{2,8}(?:时评|论坛|观察|评论|快评|短评|走笔|札记|随笔|视点|纵横)[）)]'

const BRIEF_COLUMNS =
  '新闻快递|简讯|快讯|短讯|要闻简报|新闻速递|新闻速览|速览|一句话新闻|新闻简报|简报|资讯|动态|新闻集萃|信息快递|短波'

function compile(parts: string[], extra: string[] | undefined): RegExp {
  return new RegExp(`^[□■◆●\\s]*(?:${[...parts, ...(extra ?? [])].join('|')})`)
}

export function segmentRules(profile?: SegmentProfile): SegmentRules {
  const rules: SegmentRules = {
    lead: compile([...LEADS, EDITORIAL], profile?.leads),
    briefColumn: new RegExp(
      `^(?:${[BRIEF_COLUMNS, ...(profile?.briefColumns ?? []).map(escape)].join('|')})$`,
    ),
  }
  if (profile?.banners?.length) rules.banner = new RegExp(`^(?:${profile.banners.join('|')})$`)
  return rules
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export const DEFAULT_RULES = segmentRules()

export const CONTINUED_ON = /[（(]\s*(下转|转|详见|接)\s*\S{1,3}\s*版\s*[）)]\s*$/
export const CONTINUED_FROM = /^[（(]\s*上接\s*\S{1,3}\s*版\s*[）)]/
/**
 * A note to the reader alone on its line, in brackets: a continuation （下转2版）, （未完待续）,
 * （完）, （本文有删节）. It belongs to the article's text; the bracketed-credit rule below
 * would otherwise read its words as the article's byline.
 */
export const EDITORIAL_NOTE =
  /^[（(【[]\s*(?:(?:下转|转|详见|接|见)\s*第?\s*\S{1,3}\s*版|未完待续|待续|未完|全文完|续完|完|本文有删节|有删节|略有删节)\s*[）)】\]]$/
/** A byline standing on its own line: □ 本报记者 X, 华龙网记者 X 实习生 Y, 记者 X 文/图. */
export const BYLINE =
  /^[□■]?\s*[\u4e00-\u9fff]{0,8}(记者|通讯员|实习生|撰稿|作者)[:：]?\s*[\u4e00-\u9fff]{2,4}(\s+\S+){0,6}$/
/** A byline glued to the end of a heading line by the extraction: "…高质量发展记者 王偲媞". */
export const TRAILING_BYLINE =
  /(?:本报)?(?:记者|通讯员)\s+[\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3})*$/
/** A sign-off that closes an article: （记者 X）, （作者为…）, 责任编辑, a lone 记者 X. */
export const SIGN_OFF =
  /^([（(](本报)?(记者|通讯员|作者|新华社记者|据)[^）)]{1,40}[）)]|(责任编辑|本版编辑|责编)[:：]\s*\S+|记者\s*[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4})*)$/
/** An article's own credits after its text: 制图：X, 版式设计：X, 数据来源：X. */
export const CREDIT =
  /^(本版)?(制图|版式设计|版式|设计|图片设计|数据来源|资料来源|图片来源|图表制作|插图)[:：]/
/** A photo credit or caption: 记者 X 摄, 图为…, （X 摄）, 唐安冰摄/光明图片. */
export const PHOTO_CREDIT =
  /(摄(影)?\s*[）)]?$|摄\s*[/／]\s*\S{2,8}$|^图为|^[（(][^）)]{0,30}摄[）)]$)/
/** Page furniture: editor lines, printed dates, page numbers, QR blurbs. */
export const FURNITURE =
  /^((责任)?(编辑|责编|美编|校对|排版)[:：]|.{0,30}星期[一二三四五六日天]$|第?\s*[0-9一二三四五六七八九十]{1,3}\s*版$|.{0,20}(扫一扫|扫码|扫描二维码|二维码|扫描下载).{0,20}$|就知道$)/
/** An ad: 公益广告, 广告, an issuer's credit line ("X 宣", "X 宣传"). */
export const AD = /(^|\s)(公益广告|广告)$|^[\u4e00-\u9fff]{2,20}\s+宣(传)?$/
/** A sponsors' line closing a promotion box: organisations joined by 、, no verb. */
export const SPONSORS =
  /^([\u4e00-\u9fff]{2,14}(委|局|部|中心|公司|集团|办|会|院|社|台|报))(、[\u4e00-\u9fff]{2,14}(委|局|部|中心|公司|集团|办|会|院|社|台|报))+$/
/** A notice: 公告, 通知, 启事, 声明, 讣告. */
export const NOTICE = /(公告|通告|通知|启事|声明|讣告|公示)$/
/**
 * A quantity with its measure word: what an infographic's figures are made of
 * ("充电桩超2000个", "同比增长600%").
 */
export const QUANTITY =
  /\d+(\.\d+)?\s*(余|多)?\s*(万|亿)?\s*(个|家|辆|吨|元|笔|名|项|%|平方米|平方公里|立方米|千瓦|人|户|次|座|艘|根|套|条|亩|公里|米)/
/** A subtitle of attendance that follows its headline: "李爱民出席", "滕宏伟主持并讲话". */
export const ATTENDANCE =
  /^[\u4e00-\u9fff、]{2,12}(出席|主持并讲话|主持会议|讲话|参加|陪同|致辞|见证)$/
/** A kicker: "X在Y时强调" and the like, printed above the main title. */
export const KICKER_END = /(强调|指出|表示|要求|时说|提出|寄语)$/
