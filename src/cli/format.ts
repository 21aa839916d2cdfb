// Human-readable output of the CLI (the --json output is the contract's objects as they are),
// and PRESENTERS: what a contract command (verbs.ts) shows a person, and its own options.
import type { ArchiveMethod, VerbResult } from '../shared/contract'
import { DID_YOU_MEAN_MAX_HITS } from '../shared/rules'
import type {
  DateSource,
  DidYouMeanResponse,
  IssueSummary,
  IssueView,
  QuickOpenResponse,
  SearchResponse,
  SuggestResponse,
} from '../shared/types'
import { NotFoundError } from '../node/archive-service'
import type { Presenter } from './verbs'
import { visible } from './visible'

/** Where the date comes from, unless it is printed on the page: " (date from the file name)". */
export function dateSourceLabel(source: DateSource): string {
  switch (source) {
    case 'printed':
      return ''
    case 'inferred':
      return ' (date inferred)'
    case 'given':
      return ' (date given at import)'
    case 'file-name':
      return ' (date from the file name)'
    default:
      return ` (date from the ${source})`
  }
}

export function formatList(issues: IssueSummary[]): string {
  const lines = issues.map((i) => {
    const pages = i.pages.map((p) => `p${p.number}:${p.articles}`).join(' ')
    return `${i.id.padEnd(24)} ${visible(i.paperName)}  ${i.date}${dateSourceLabel(i.dateSource)}  pages/articles ${pages}`
  })
  return `${lines.join('\n')}\n${issues.length} issue(s)`
}

export function formatIssue(view: IssueView, page?: number): string {
  const out = [
    `${visible(view.paperName)} ${view.date}${dateSourceLabel(view.dateSource)}  [${view.id}]`,
  ]
  if (view.dateNote) out.push(visible(view.dateNote))
  for (const p of view.pages) {
    if (page !== undefined && p.number !== page) continue
    out.push('', `── Page ${p.number} (${visible(p.source)}, ${p.encoding}) ──`)
    if (p.note) out.push(visible(p.note))
    for (const a of p.articles) {
      out.push(
        '',
        visible(
          `[${a.id}] ${a.kicker ? a.kicker + ' / ' : ''}${a.headline}${a.subheadline ? ' — ' + a.subheadline : ''}`,
        ),
      )
      if (a.byline) out.push(`  ${visible(a.byline)}`)
      const preview = visible(a.text.replace(/\n+/g, ' '))
      out.push(`  ${preview.length > 120 ? preview.slice(0, 120) + '…' : preview}`)
      for (const c of a.continuations) {
        const to = c.targetExists
          ? `page ${c.targetPage}${c.targetArticleId ? ` → ${c.targetArticleId}` : ''}`
          : `page ${c.targetPage} (not in the archive)`
        out.push(`  ${visible(c.marker)} ${to}`)
      }
    }
  }
  return out.join('\n')
}

/** Marks highlights with 【】 for a terminal. */
function marked(snippet: string, highlights: readonly (readonly [number, number])[]): string {
  let out = ''
  let at = 0
  for (const [s, e] of highlights) {
    out += snippet.slice(at, s) + '【' + snippet.slice(s, e) + '】'
    at = e
  }
  return out + snippet.slice(at)
}

export function formatSearch(r: SearchResponse): string {
  if (r.error) return `Query error: ${r.error}`
  // Say when not all of them are listed, so "6 hit(s)" above three results does not puzzle.
  const shown =
    r.hits.length < r.total
      ? `; ${r.hits.length} shown (--limit N and --offset N page through them)`
      : ''
  const out = [
    `${r.total} hit(s) for ${visible(JSON.stringify(r.query))} in ${r.tookMs} ms${shown}`,
  ]
  for (const h of r.hits) {
    out.push(
      '',
      `${h.paper} ${h.date} p${h.page}  ${visible(h.headline)}  [${h.articleId}] score ${h.score}`,
      `  ${visible(marked(h.snippet, h.highlights))}`,
    )
  }
  if (r.facets.paper.length)
    out.push('', `papers: ${r.facets.paper.map((f) => `${f.value} ${f.count}`).join(', ')}`)
  if (r.facets.year.length)
    out.push(`years: ${r.facets.year.map((f) => `${f.value} ${f.count}`).join(', ')}`)
  if (r.facets.type.length)
    out.push(`types: ${r.facets.type.map((f) => `${f.value} ${f.count}`).join(', ')}`)
  // Nearby queries are a verb of their own (a search does not count them): say where they are.
  if (r.total <= DID_YOU_MEAN_MAX_HITS && r.query.trim())
    out.push('', 'few hits: `did-you-mean QUERY` (same options) offers nearby queries')
  return out.join('\n')
}

export function formatDidYouMean(r: DidYouMeanResponse): string {
  if (!r.offers.length) {
    const why = r.total > DID_YOU_MEAN_MAX_HITS ? `it finds ${r.total}` : 'none finds more'
    return `no nearby queries for ${visible(JSON.stringify(r.query))} (${why})`
  }
  return [
    `did you mean (${visible(JSON.stringify(r.query))} finds ${r.total}):`,
    ...r.offers.map((d) => `  ${visible(d.q).padEnd(16)} ${d.change.padEnd(11)} ${d.total}`),
  ].join('\n')
}

export function formatSuggestions(r: SuggestResponse): string {
  if (!r.suggestions.length) return `no suggestions for ${visible(JSON.stringify(r.prefix))}`
  return r.suggestions
    .map((s) => `${visible(s.query).padEnd(16)} ${s.kind.padEnd(8)} ${s.count}`)
    .join('\n')
}

export function formatQuickOpen(r: QuickOpenResponse): string {
  if (!r.items.length) return `nothing to open for ${visible(JSON.stringify(r.text))}`
  return r.items
    .map((i) => {
      const target =
        i.kind === 'article'
          ? i.articleId
          : i.kind === 'issue'
            ? i.issueId
            : i.kind === 'search'
              ? `search ${i.q}`
              : i.kind === 'year'
                ? `${i.paper} ${i.month ?? i.year}`
                : i.paper
      const byline = i.kind === 'article' && i.byline ? ` · ${visible(i.byline)}` : ''
      return `${i.kind.padEnd(7)} ${visible(i.label)}  [${visible(target)}]  ${i.match}  ${visible(i.detail)}${byline}`
    })
    .join('\n')
}

/**
 * The human-readable form of the contract's commands, where there is one (any other prints its
 * JSON), and the options a command adds. A verb needs no entry to be a command.
 */
export const PRESENTERS: { [M in ArchiveMethod]?: Presenter<VerbResult<M>> } = {
  listIssues: { text: formatList },
  getIssue: {
    select(view, opts) {
      if (opts.page === undefined) return view
      if (!view.pages.some((p) => p.number === opts.page))
        throw new NotFoundError(
          `issue "${view.id}" has no page ${opts.page}; it has ${view.pages.map((p) => p.number).join(', ')}`,
        )
      return { ...view, pages: view.pages.filter((p) => p.number === opts.page) }
    },
    text: (view, opts) => formatIssue(view, opts.page),
    usage: '      --page N               only that page',
  },
  suggest: { text: formatSuggestions },
  quickOpen: { text: formatQuickOpen },
  didYouMean: { text: formatDidYouMean },
  search: {
    text: formatSearch,
    exitCode: (r) => (r.error ? 1 : 0),
    usage: `                             QUERY syntax: words (all must match), "quoted phrase",
                             a OR b, -exclude, headline:W byline:W paper:SLUG type:T
      --paper SLUG (repeatable)  --from YYYY-MM-DD  --to YYYY-MM-DD
      --issue ID  --page N  --type article|brief|photo|graphic|ad|notice|furniture
      (repeatable)  --sort relevance|date-desc|date-asc
      --limit N (default 20)  --offset N  --queries FILE (one query per line)`,
  },
}
