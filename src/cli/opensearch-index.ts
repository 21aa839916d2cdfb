// `archive-reader index --to-opensearch URL [--index-prefix P] [--replicas N]`: builds the
// reading room's OpenSearch index from the archive (src/node/search-backend/opensearch/
// indexer.ts), with progress on stderr. Credentials come from the URL or the environment
// (ARCHIVE_READER_OPENSEARCH_USERNAME / _PASSWORD) and are never printed.
import { resolve } from 'node:path'
import { bundledArchiveDir } from '../node/paths'
import { resolveSearchSettings, SearchSettingsError } from '../node/search-backend/config'
import { describeCluster } from '../node/search-backend/opensearch/connection'
import { indexToOpenSearch } from '../node/search-backend/opensearch/indexer'
import type { CliOptions } from './args'
import { visible } from './visible'

type Out = (s: string) => void

export async function runIndexToOpenSearch(opts: CliOptions, out: Out, err: Out): Promise<number> {
  let settings
  try {
    settings = resolveSearchSettings({
      search: 'opensearch',
      ...(opts.toOpenSearch ? { opensearchUrl: opts.toOpenSearch } : {}),
      ...(opts.indexPrefix ? { indexPrefix: opts.indexPrefix } : {}),
    })
  } catch (e) {
    if (!(e instanceof SearchSettingsError)) throw e
    err(`archive-reader: ${e.message}`)
    return 2
  }
  if (settings.search !== 'opensearch') return 2
  const config = settings.opensearch
  const archiveDir = resolve(opts.archive ?? bundledArchiveDir())
  err(`Indexing ${archiveDir} into OpenSearch ${describeCluster(config)}…`)
  let last = 0
  try {
    const r = await indexToOpenSearch({
      archiveDir,
      config,
      replicas: opts.replicas ?? 0,
      log: (m) => err(visible(m)),
      onProgress: (p) => {
        const now = Date.now()
        if (now - last < 1000 && p.issuesDone < p.issues) return
        last = now
        err(
          `  ${p.issuesDone}/${p.issues} issues, ${p.articles} articles, ${(p.bytes / 2 ** 20).toFixed(1)} MiB sent`,
        )
      },
    })
    if (opts.json) out(JSON.stringify(r, null, 2))
    else
      out(
        `OpenSearch index ${r.index}: ${r.issues} issues, ${r.articles} articles in ${r.seconds.toFixed(1)} s; alias ${r.alias} now points to it${r.replaced.length ? ` (replaced ${r.replaced.join(', ')})` : ''}.`,
      )
    return 0
  } catch (e) {
    err(`archive-reader: ${visible((e as Error).message)}`)
    return 1
  }
}
