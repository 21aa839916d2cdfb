// The documents of an archive's issues, read from their pages: what a build indexes, on one
// thread (index-helpers.ts) or per shard in a worker (shard-segment.ts).
import { paperRules } from '../shared/archive/catalog'
import type { CorrectionEntry } from '../shared/archive/corrections'
import { issueDocInputs } from '../shared/search/search-index'
import type { DocInput } from '../shared/search/segment'
import type { Catalog } from '../shared/types'
import { ArchiveError, readPageText } from './archive-dir'
import { correctionEntries } from './corrections-store'

/**
 * Loads every page of every issue and collects the documents to index. An issue whose page
 * cannot be read is left out of the index with a message, so one bad file does not make the
 * whole archive unsearchable; opening that issue reports the problem.
 */
export function collectDocs(
  dir: string,
  catalog: Catalog,
  onIssue?: (done: number) => void,
  log?: (message: string) => void,
  corrections?: readonly CorrectionEntry[],
): DocInput[] {
  const entries = corrections ?? correctionEntries(dir, catalog)
  const docs: DocInput[] = []
  catalog.issues.forEach((issue, issueIdx) => {
    try {
      const texts = issue.pages.map((p) => readPageText(dir, p))
      const rules = paperRules(catalog.papers, issue.paper)
      for (const doc of issueDocInputs(issueIdx, issue, texts, rules, entries)) docs.push(doc)
    } catch (e) {
      if (!(e instanceof ArchiveError)) throw e
      log?.(`Issue ${issue.id} is not searchable: ${e.message}`)
    }
    onIssue?.(issueIdx + 1)
  })
  return docs
}
