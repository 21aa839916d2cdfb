import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // tests/opensearch needs a running cluster: `npm run test:opensearch` (vitest.opensearch.config.ts).
    exclude: ['tests/e2e/**', 'tests/opensearch/**', 'node_modules/**'],
    // Generous: the exhaustive tests (every truncation, every flipped byte, packaging) do a fixed
    // amount of work, and on a shared 2-core machine under load that takes far longer than on
    // an idle one. A limit here catches a hang, not slowness; speed is measured by bench/.
    testTimeout: 180_000,
    // Builds out/ once (production mode) for the tests that inspect the built app.
    globalSetup: ['tests/support/build-app.ts'],
  },
})
