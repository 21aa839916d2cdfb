// Continued stories: a 下转N版 on one page and the 上接M版 that answers it on another are two
// halves of one story (linkContinuations pairs them). The reader shows the whole story, a
// citation gives all its pages, and a boolean query is judged on the story as a whole. A
// 详见N版 ("see page N") only points elsewhere: it joins nothing.
import type { Article } from '../types'

/** The parts of each story of an issue with more than one part, in reading order (page, then position). */
export function storiesOf(articles: readonly Article[]): Article[][] {
  const byId = new Map(articles.map((a) => [a.id, a]))
  const parent = new Map<string, string>()
  const root = (id: string): string => {
    let r = id
    while (parent.has(r)) r = parent.get(r) as string
    return r
  }
  for (const a of articles)
    for (const link of a.continuations) {
      if (link.kind === 'see' || !link.targetArticleId || !byId.has(link.targetArticleId)) continue
      const [x, y] = [root(a.id), root(link.targetArticleId)]
      if (x !== y) parent.set(y, x)
    }
  const groups = new Map<string, Article[]>()
  for (const a of articles) {
    const r = root(a.id)
    const g = groups.get(r)
    if (g) g.push(a)
    else groups.set(r, [a])
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((a, b) => a.page - b.page || a.index - b.index))
}

/**
 * For each article of a multi-part story: the ids and pages of all its parts. Articles that
 * stand alone are not in the map.
 */
export function storyParts(
  articles: readonly Article[],
): Map<string, { parts: string[]; pages: number[] }> {
  const out = new Map<string, { parts: string[]; pages: number[] }>()
  for (const story of storiesOf(articles)) {
    const entry = {
      parts: story.map((a) => a.id),
      pages: [...new Set(story.map((a) => a.page))],
    }
    for (const a of story) out.set(a.id, entry)
  }
  return out
}
