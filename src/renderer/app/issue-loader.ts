// getIssue for the reading room through a worker (issue-worker.ts): the response is parsed off
// the main thread and arrives as a head and slices of articles, so even a 25 MB issue never
// blocks the window for long. Where there is no Worker, or the worker cannot answer (an error
// status, a failed fetch), `fallback` loads it the ordinary way and reports its error.
import type { Article, IssueView } from '../../shared/types'
import type { IssueWorkerReply, IssueWorkerRequest } from './issue-worker'

interface Pending {
  issue?: IssueView
  resolve: (issue: IssueView) => void
  fallback: () => void
}

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, Pending>()

function start(): Worker | undefined {
  if (worker || typeof Worker === 'undefined') return worker
  try {
    worker = new Worker(new URL('./issue-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return undefined
  }
  worker.onmessage = (e: MessageEvent<IssueWorkerReply>) => {
    const m = e.data
    const p = pending.get(m.id)
    if (!p) return
    if (m.kind === 'head') p.issue = m.issue
    else if (m.kind === 'articles') {
      const articles = JSON.parse(m.json) as Article[]
      p.issue?.pages[m.page]?.articles.push(...articles)
    } else {
      pending.delete(m.id)
      if (m.kind === 'done' && p.issue) p.resolve(p.issue)
      else p.fallback()
    }
  }
  // A worker that cannot start (a CSP, a missing file): every request goes the ordinary way.
  worker.onerror = () => {
    for (const p of pending.values()) p.fallback()
    pending.clear()
    worker?.terminate()
    worker = undefined
    broken = true
  }
  return worker
}

let broken = false

export function loadIssueOffThread(
  path: string,
  fallback: () => Promise<IssueView>,
): Promise<IssueView> {
  const w = broken ? undefined : start()
  if (!w) return fallback()
  return new Promise((resolve, reject) => {
    const id = nextId++
    pending.set(id, { resolve, fallback: () => fallback().then(resolve, reject) })
    // The worker resolves the path against its own URL: give it an absolute one.
    w.postMessage({ id, path: new URL(path, location.href).href } satisfies IssueWorkerRequest)
  })
}
