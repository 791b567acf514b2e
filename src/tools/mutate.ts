// `npm run mutate [-- MODULE...]`: StrykerJS over the core, one module at a
// time, each against the tests that check it (stryker.vitest.config.ts takes
// them from STRYKER_TESTS). Most of the core runs while a test file loads or
// in beforeAll, where Stryker cannot tell which test covers a mutant, so it
// runs every test it is given for each such mutant: one run over everything
// would run the whole suite's list per mutant. Prints the score, counts and
// time of each module; its reports go to reports/mutation/<module>.json and
// .html. docs/mutation.md has the last run.
import { spawn } from 'node:child_process';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { PROJECT_ROOT } from '../config.ts';

interface Module {
  name: string;
  /** Stryker's --mutate: globs, or a file with a line range. */
  mutate: string[];
  /** The test files that check it. */
  tests: string[];
}

const MODULES: readonly Module[] = [
  { name: 'model', mutate: ['src/model/**/*.ts'], tests: ['tests/model/*.test.ts'] },
  { name: 'load', mutate: ['src/load/**/*.ts'], tests: ['tests/load/*.test.ts', 'tests/validate/invalid-data.test.ts'] },
  {
    name: 'validate',
    mutate: ['src/validate/**/*.ts', '!src/validate/data-types.ts'],
    tests: ['tests/validate/*.test.ts', 'tests/load/*.test.ts'],
  },
  { name: 'output', mutate: ['src/output/**/*.ts'], tests: ['tests/output/*.test.ts', 'tests/build/no-op.test.ts'] },
  // build.ts's decisions: the fingerprint and selection, the no-op, the per-output skip, what is kept
  // or removed, the manifest and state, leftovers and the errors.
  {
    name: 'build',
    mutate: [
      ...(await declarations('src/build.ts', ['build', 'buildInputs', 'selectionKey', 'inPlace', 'eachConcurrently', 'removeTempFiles', 'alive'])),
      ...(await declarations('src/errors.ts', ['mergeRepeated', 'asReportError'])),
    ],
    tests: ['tests/build/no-op.test.ts', 'tests/errors/*.test.ts'],
  },
  { name: 'helpers', mutate: ['src/handlebars/helpers.ts', 'src/i18n/format.ts'], tests: ['tests/handlebars/*.test.ts', 'tests/i18n/format.test.ts'] },
  {
    name: 'workbook-text',
    mutate: await declarations('src/xlsx/writer.ts', ['XML_ILLEGAL', 'cellText', 'urlLink', 'formulaString', 'quoteSheet']),
    tests: ['tests/xlsx/text-cells.property.test.ts', 'tests/xlsx/workbook.test.ts'],
  },
];

const REPORTS = join(PROJECT_ROOT, 'reports', 'mutation');
const STRYKER = join(PROJECT_ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

const { positionals } = parseArgs({ allowPositionals: true });
const unknown = positionals.filter((name) => !MODULES.some((m) => m.name === name));
if (unknown.length > 0) throw new Error(`no module ${unknown.join(', ')}; modules: ${MODULES.map((m) => m.name).join(', ')}`);
const chosen = positionals.length === 0 ? MODULES : MODULES.filter((m) => positionals.includes(m.name));

const rows: string[] = [];
for (const module of chosen) {
  const started = performance.now();
  const code = await run(module);
  const minutes = (performance.now() - started) / 60_000;
  if (code !== 0 && code !== 1) {
    rows.push(`${module.name.padEnd(14)} stryker exited with ${code}`);
    continue;
  }
  // Exit 1 is a score under the break threshold: the report is still written.
  await rename(join(REPORTS, 'mutation.json'), join(REPORTS, `${module.name}.json`));
  await rename(join(REPORTS, 'mutation.html'), join(REPORTS, `${module.name}.html`));
  const counts = await countByStatus(join(REPORTS, `${module.name}.json`));
  rows.push(`${module.name.padEnd(14)} ${score(counts).padStart(7)}  ${summary(counts)}  ${minutes.toFixed(1)} min`);
}
console.log(['', 'module          score  mutants', ...rows].join('\n'));

function run(module: Module): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STRYKER, 'run', '--mutate', module.mutate.join(',')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, STRYKER_TESTS: JSON.stringify(module.tests) },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

async function countByStatus(report: string): Promise<Map<string, number>> {
  const { files } = JSON.parse(await readFile(report, 'utf8')) as { files: Record<string, { mutants: { status: string }[] }> };
  const counts = new Map<string, number>();
  for (const { mutants } of Object.values(files)) for (const { status } of mutants) counts.set(status, (counts.get(status) ?? 0) + 1);
  return counts;
}

/** Stryker's mutation score: detected (killed or timed out) of those that ran with coverage or had none. */
function score(counts: ReadonlyMap<string, number>): string {
  const n = (status: string) => counts.get(status) ?? 0;
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)}%`;
}

function summary(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([status, n]) => `${status} ${n}`).join(', ');
}

/**
 * Stryker's `file:from-to` line ranges of the named top-level functions and
 * constants, found by parsing: the ranges follow the code as it is edited.
 */
async function declarations(file: string, names: readonly string[]): Promise<string[]> {
  const source = ts.createSourceFile(file, await readFile(join(PROJECT_ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const found = new Map<string, string>();
  for (const statement of source.statements) {
    const named = ts.isFunctionDeclaration(statement)
      ? [statement.name?.text]
      : ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : undefined))
        : [];
    for (const name of named) if (name) found.set(name, `${file}:${line(statement.getStart())}-${line(statement.end)}`);
  }
  const missing = names.filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`${file} no longer declares ${missing.join(', ')}: update src/tools/mutate.ts`);
  return names.map((name) => found.get(name)!);
}
