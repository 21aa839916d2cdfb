// The labelled form both segmentation sets share: a page of text and, for every block on it, its
// line range and what it is. The seeds' labels are hand-checked JSON files in
// tests/fixtures/segmentation/; the People's Daily labels are derived from its per-article files.
import { z } from 'zod'

export const BLOCK_TYPES = [
  'article',
  'brief',
  'photo',
  'graphic',
  'ad',
  'notice',
  'furniture',
] as const

const Block = z
  .object({
    /** 1-based, inclusive line numbers of the page text. */
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    type: z.enum(BLOCK_TYPES),
    kicker: z.string().min(1).optional(),
    headline: z.string().min(1).optional(),
    subheadline: z.string().min(1).optional(),
    byline: z.string().min(1).optional(),
    /**
     * Lines that may stand in a title (People's Daily: the file's heading lines, whose roles are
     * not marked). When absent the title must be exactly kicker / headline / subheadline.
     */
    headingLines: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((b) => b.lines[0] <= b.lines[1], 'lines must be [first, last]')

export const GoldPage = z
  .object({
    source: z.string().min(1),
    note: z.string().optional(),
    blocks: z.array(Block).min(1),
  })
  .strict()

export type GoldBlock = z.infer<typeof Block>
export type GoldPageT = z.infer<typeof GoldPage>
