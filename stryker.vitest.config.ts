// The test files StrykerJS runs against mutants: one module's tests, named by
// src/tools/mutate.ts through STRYKER_TESTS (`npm run mutate`). Only tests that
// exercise the core in this process without printing a PDF belong there: a
// test that builds in a child process never sees a mutant (the child loads
// src/ unmutated), and one that prints PDFs would take minutes per mutant.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

const tests = process.env.STRYKER_TESTS;
if (!tests) throw new Error('run mutation testing with `npm run mutate`, which names the tests of each module');

export default mergeConfig(base, defineConfig({ test: { include: JSON.parse(tests) as string[] } }));
