// `npm run test:opensearch`: the OpenSearch backend against a real node. Apart from `npm test`
// (which never needs a cluster): it starts a local node (scripts/opensearch-node.ts) unless
// ARCHIVE_READER_TEST_OPENSEARCH_URL names one already running (what .ci/run does).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/opensearch/**/*.test.ts'],
    globalSetup: ['tests/opensearch/setup.ts'],
    // One node, shared: files run one after another.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
