// The reading room's search engine from its options: the embedded engine unless OpenSearch is
// configured (serve's --search/--opensearch-url/--index-prefix/--search-config, or the
// environment, or a config file: src/node/search-backend/config.ts). A cluster that is down or
// lacks its index at start does not stop the server: it says so clearly, /api/status says so,
// and searches answer 503 with Retry-After until the cluster is back.
import { archiveKey } from '../node/archive-dir'
import { loadCatalog } from '../node/catalog-recovery'
import type { SearchBackend } from '../node/search-backend/backend'
import { describeSearchSettings, resolveSearchSettings } from '../node/search-backend/config'
import type { SearchSettingsInput } from '../node/search-backend/config'
import { OpenSearchBackend } from '../node/search-backend/opensearch/backend'
import { sortCatalog } from '../shared/archive/catalog'

export interface ConfiguredSearch {
  backend?: SearchBackend
  /** What the server prints at start (no credential). */
  described: string
  /** Why the cluster cannot answer yet, when it cannot. */
  problem?: string
}

export async function configureSearch(
  input: SearchSettingsInput,
  archiveDir: string,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ConfiguredSearch> {
  const settings = resolveSearchSettings(input, env)
  const described = describeSearchSettings(settings)
  if (settings.search === 'embedded') return { described }
  let key: string | undefined
  try {
    key = archiveKey(archiveDir, sortCatalog(loadCatalog(archiveDir)))
  } catch {
    // The archive itself is opened (and its problem reported) by the server.
  }
  const backend = OpenSearchBackend.create(settings.opensearch, {
    ...(key !== undefined ? { archiveKey: key } : {}),
    log,
  })
  const problem = await backend.probe()
  return { backend, described, ...(problem ? { problem } : {}) }
}
