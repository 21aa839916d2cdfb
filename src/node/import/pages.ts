// Which page of its issue a file is. Every source that says — the manifest, a sidecar, the file
// name, the page's own furniture (第2版, A2版) — is evidence; they must agree, or the file is
// refused with all of them listed, instead of one silently winning. A number typed for one file
// in the app's form is the librarian's decision over the rest (a disagreement is a warning).
// `--page N` numbers the files in order from N: the number each file gets must fit its evidence
// too (group.ts checks that once the order is known). With no evidence at all, the file is
// refused with how to give one: a page 2 silently stored as page 1 is what this prevents.
import type { MetaField, MetaSource, PageProblem } from '../../shared/archive/import-report'

export interface PageClaim {
  value: number
  source: MetaSource
  /** "the file name says", "the page prints "第2版" (line 1)". */
  label: string
  evidence?: string
}

function listed(claims: readonly PageClaim[]): string {
  return claims
    .map((c) => `${c.label} ${c.source === 'text' ? `(page ${c.value})` : c.value}`)
    .join(', ')
}

/**
 * The page number from the evidence, or undefined when the order decides (--page) or nothing
 * says (then groupIntoIssues refuses the file). Conflicts are pushed onto `problems`.
 */
export function decidePage(
  override: number | undefined,
  firstPage: number | undefined,
  claims: readonly PageClaim[],
  problems: PageProblem[],
): MetaField<number> | undefined {
  if (override !== undefined) {
    const other = claims.filter((c) => c.value !== override)
    if (other.length)
      problems.push({
        level: 'warning',
        code: 'page-disagrees',
        message: `it is page ${override} as entered, but ${listed(other)}`,
      })
    return { value: override, source: 'option' }
  }
  // Numbered in order; checked against the claims once the order is known.
  if (firstPage !== undefined) return undefined
  const values = new Set(claims.map((c) => c.value))
  if (values.size > 1) {
    problems.push({
      level: 'error',
      code: 'page-evidence',
      message: `which page is it? ${listed(claims)}: correct the wrong one (or give the number with a sidecar "page" or the manifest's "number")`,
    })
    return undefined
  }
  const c = claims[0]
  if (!c) return undefined
  return c.evidence !== undefined
    ? { value: c.value, source: c.source, evidence: c.evidence }
    : { value: c.value, source: c.source }
}

/** A number given by --page order that its own evidence contradicts, as a problem. */
export function orderConflict(
  number: number,
  claims: readonly PageClaim[],
): PageProblem | undefined {
  const other = claims.filter((c) => c.value !== number)
  if (!other.length) return undefined
  return {
    level: 'error',
    code: 'page-evidence',
    message: `--page numbers it ${number} (files in order), but ${listed(other)}: put the files in page order, or leave --page out and let each file say its page`,
  }
}

/** The refusal of a file no source gives a page number. */
export function missingPageProblem(
  continuations: readonly { marker: string; targetPage: number }[],
): PageProblem {
  const after = continuations.find((c) => /上接|接上/.test(c.marker))
  return {
    level: 'error',
    code: 'missing-page',
    message: `no page number: the file name, a sidecar, the manifest and the page itself (第N版) say none${after ? ` (its ${after.marker} says only that it follows page ${after.targetPage})` : ''}; give it with --page N, a sidecar "page", the manifest's "number", or name the file SLUG-YYYY-MM-DD-pN.txt`,
  }
}
