// The test files `npm run mutate` runs against mutants: those that exercise
// the core in this process without printing a PDF. A test that builds in a
// child process never sees a mutant (the child loads src/ unmutated), and one
// that prints PDFs would take minutes per mutant. src/tools/mutate.ts narrows
// the list to one module's tests through STRYKER_TESTS.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

const ALL = [
  'tests/build/no-op.test.ts',
  'tests/errors/*.test.ts',
  'tests/briefs/template-checks.test.ts',
  'tests/briefs/template-errors.test.ts',
  'tests/cli/validate-command.test.ts',
  'tests/handlebars/*.test.ts',
  'tests/i18n/format.test.ts',
  'tests/load/*.test.ts',
  'tests/model/*.test.ts',
  'tests/output/*.test.ts',
  'tests/validate/*.test.ts',
  'tests/xlsx/declaration-errors.test.ts',
  'tests/xlsx/new-column.test.ts',
  'tests/xlsx/text-cells.property.test.ts',
  'tests/xlsx/workbook.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: { include: process.env.STRYKER_TESTS ? (JSON.parse(process.env.STRYKER_TESTS) as string[]) : ALL },
  }),
);
