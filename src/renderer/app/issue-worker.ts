// Fetches and parses an issue off the main thread (reading room only). A page that is not a
// page — a hundred thousand one-line "articles" — makes a response of tens of megabytes, whose
// JSON.parse alone blocks a window for a quarter of a second; here it blocks nobody. The
// articles go back in slices of JSON text: parsing a slice is a short task on the main thread,
// and far cheaper there than structured-cloning a hundred thousand small objects.
import { issueViewSchema } from '../../shared/result-schemas'
import type { IssueView } from '../../shared/types'

// The messages of the loader (issue-loader.ts) and this worker. Declared here, the loader
// imports them as types only: the worker depends on nothing of the loader's.
export type IssueWorkerRequest = { id: number; path: string }

export type IssueWorkerReply =
  | { id: number; kind: 'head'; issue: IssueView }
  /** `json`: an Article[] as JSON text. */
  | { id: number; kind: 'articles'; page: number; json: string }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'fallback' }

/** Articles per message: one slice (about a megabyte) parses in well under 50 ms. */
const SLICE = 4000

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<IssueWorkerRequest>) => void) | null
  postMessage(message: IssueWorkerReply): void
}

scope.onmessage = (e) => {
  const { id, path } = e.data
  fetch(path, { headers: { Accept: 'application/json' } })
    .then(async (res) => {
      // Errors are small: the main thread asks again and reads them the usual way.
      if (!res.ok) return scope.postMessage({ id, kind: 'fallback' })
      const json: unknown = await res.json()
      // Checked against the contract here, off the main thread; a mismatch goes the ordinary way,
      // whose check then says what differs.
      if (!issueViewSchema.safeParse(json).success)
        return scope.postMessage({ id, kind: 'fallback' })
      const issue = json as IssueView
      const pages = issue.pages.map((p) => p.articles)
      scope.postMessage({
        id,
        kind: 'head',
        issue: { ...issue, pages: issue.pages.map((p) => ({ ...p, articles: [] })) },
      })
      pages.forEach((articles, page) => {
        for (let at = 0; at < articles.length; at += SLICE)
          scope.postMessage({
            id,
            kind: 'articles',
            page,
            json: JSON.stringify(articles.slice(at, at + SLICE)),
          })
      })
      scope.postMessage({ id, kind: 'done' })
    })
    .catch(() => scope.postMessage({ id, kind: 'fallback' }))
}
