import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // `npm run test:quick` runs the CLI from the sources (tests/helpers/source-bin.mjs); the tests of the
    // built package itself (what --help loads, the README's quick start from a clean clone) need the build.
    exclude:
      process.env['COPROD_TEST_FROM_SOURCES'] === '1'
        ? ['tests/docx/lazy.test.ts', 'tests/e2e/first-hour.test.ts']
        : [],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
