// Global setup of `npm run test:opensearch`: the node every test file uses (started here, and
// stopped after, unless ARCHIVE_READER_TEST_OPENSEARCH_URL names a running one).
import type { TestProject } from 'vitest/node'
import { startCluster } from '../../scripts/opensearch-node'
import type { LocalCluster } from '../../scripts/opensearch-node'

declare module 'vitest' {
  export interface ProvidedContext {
    opensearchUrl: string
  }
}

let started: LocalCluster | undefined

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = process.env.ARCHIVE_READER_TEST_OPENSEARCH_URL
  if (!url) {
    started = await startCluster({ nodes: 1, name: 'ar-test', httpPort: 9270 })
    url = started.urls[0] as string
  }
  project.provide('opensearchUrl', url)
  return async () => {
    await started?.stop()
  }
}
