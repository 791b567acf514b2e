// Timeouts live here, not in the npm script, so `npx vitest run <file>` runs
// any single file as `npm test` would. Builds print PDFs in a real browser.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // npm run mutate works in copies of the project there.
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
    // Under CI=true a skipped test fails the run.
    reporters: ['default', './tests/helpers/ci-no-skips.ts'],
  },
});
