// StrykerJS's settings for `npm run mutate`, which runs it module by module,
// each module's code against its own tests, with `--mutate` naming the code
// (the list is in src/tools/mutate.ts). The last scores and the mutants judged
// equivalent: docs/mutation.md.
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
