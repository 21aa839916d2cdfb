// The one zod error formatter: every caller that validates with zod (the contract's arguments,
// the catalog, the journal, manifests and sidecars, fingerprints, bookmarks, persisted settings,
// the window state) reports a refusal the same way — `where: what`, the first few issues.
import type { z } from 'zod'

export interface ProblemOptions {
  /** Issues reported (default 1); the rest are dropped. */
  max?: number
  /** What to call the whole value when an issue has no path (default `(top)`). */
  top?: string
  /** Characters per issue (default 200): zod quotes unknown keys, and a key may be a megabyte. */
  cut?: number
}

/** `papers.0: a paper slug is …; dateFrom: expected a date YYYY-MM-DD`. */
export function describeZodError(error: z.ZodError, options: ProblemOptions = {}): string {
  const { max = 1, top = '(top)', cut = 200 } = options
  const issues = error.issues.slice(0, max)
  if (!issues.length) return `${top}: rejected`
  return issues
    .map((i) => {
      const line = `${i.path.map(String).join('.') || top}: ${i.message}`
      return line.length > cut ? `${line.slice(0, cut)}…` : line
    })
    .join('; ')
}
