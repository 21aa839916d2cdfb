import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    // Builds out/ once (production mode) for the tests that inspect the built app.
    globalSetup: ['tests/support/build-app.ts'],
  },
})
