// StrykerJS over the core, where a mistake in the logic would otherwise reach
// every output quietly. `npm run mutate` runs it module by module, each against
// its own tests (src/tools/mutate.ts); `npx stryker run` runs all of it against
// all the tests below at once, which takes far longer. The last scores and the
// mutants judged equivalent: docs/mutation.md.
// Test runners run tests in worker threads, where a test cannot change the
// time zone; mutants run west of UTC, where a date formatted in local time
// instead of UTC shows as the day before.
process.env.TZ = 'America/Los_Angeles';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The tests that check the core in this process without a browser; vitest
  // picks, per mutated file, the test files that import it.
  vitest: { configFile: 'stryker.vitest.config.ts', related: true },
  mutate: [
    'src/model/**/*.ts',
    'src/validate/**/*.ts',
    // Generated from the schemas (npm run types): types only.
    '!src/validate/data-types.ts',
    'src/load/**/*.ts',
    'src/output/**/*.ts',
    // build.ts's no-op decision, the per-output skip, what is kept or removed,
    // and leftovers (the lines of src/tools/mutate.ts's BUILD_DECISIONS).
    'src/build.ts:58-91',
    'src/build.ts:121-144',
    'src/build.ts:167-188',
    'src/build.ts:199-240',
    'src/handlebars/helpers.ts',
    'src/i18n/format.ts',
    // The workbook's text handling: XML_ILLEGAL, cellText, urlLink,
    // formulaString and quoteSheet. Lines: move the range with them.
    'src/xlsx/writer.ts:232-265',
  ],
  // Two cores shared with other work: one test process per core at most.
  concurrency: 2,
  // Generous: under load a test run can take twice as long as in the dry run,
  // and a mutant that timed out counts as detected, so a tight limit flatters.
  timeoutMS: 30_000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  // Vitest never type-checks, so no @ts-nocheck is needed; it would also change
  // the generated src/validate/data-types.ts that a test compares.
  disableTypeChecks: false,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
