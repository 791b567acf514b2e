// The suite reads the frozen data in tests/fixtures/, never the editors'
// data/: a budget edited or a project added there must not turn it red. The
// ways a test could reach data/ are each refused here.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const TESTS = join(PROJECT_ROOT, 'tests');

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'fixtures' ? [] : testSources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Places in a test's source that would read data/. */
export function liveDataUses(source: string): string[] {
  const found: string[] = [];
  // The project's data folder by path.
  for (const m of source.matchAll(/PROJECT_ROOT,\s*'data'/g)) found.push(m[0]);
  // The default configuration, whose data folder is data/: a call whose arguments (nested calls included) name no data.
  for (const call of calls(source, 'resolveConfig')) if (!/\bdata\b/.test(call)) found.push(call);
  // The command line without --data.
  for (const m of source.matchAll(/run(?:Cli|Node|Main)\(\[([^\]]*)\]/g)) {
    const args = m[1]!;
    if (/'(build|validate)'/.test(args) && !args.includes("'--data'") && !/'--(help|bogus|reporter)'|'xml'|'3\/2'/.test(args)) found.push(m[0]);
  }
  return found;
}

/** Each call of `name` in `source`, up to its matching closing parenthesis. */
function calls(source: string, name: string): string[] {
  const found: string[] = [];
  for (let at = source.indexOf(`${name}(`); at >= 0; at = source.indexOf(`${name}(`, at + 1)) {
    let depth = 0;
    let end = at + name.length;
    do depth += source[end] === '(' ? 1 : source[end] === ')' ? -1 : 0;
    while (depth > 0 && ++end < source.length);
    found.push(source.slice(at, end + 1));
  }
  return found;
}

describe('the tests', () => {
  it('recognise each way of reaching data/ (the check below rests on it)', () => {
    expect(liveDataUses("cp(join(PROJECT_ROOT, 'data'), dir)")).toHaveLength(1);
    expect(liveDataUses('build(resolveConfig(), {})')).toHaveLength(1);
    expect(liveDataUses('build(resolveConfig({ out }), {})')).toHaveLength(1);
    expect(liveDataUses("build(resolveConfig({ templates: join(dir, 'templates'), out: join(dir, 'out') }))")).toHaveLength(1);
    expect(liveDataUses("runMain(['validate'])")).toHaveLength(1);
    expect(liveDataUses("runCli(['build', '--out', out])")).toHaveLength(1);
    expect(liveDataUses("build(resolveConfig({ data: dir, out }))")).toEqual([]);
    expect(liveDataUses("resolveConfig({ data: FIXTURE_DATA, templates: join(dir, 'templates') })")).toEqual([]);
    expect(liveDataUses("runCli(['validate', '--data', dir])")).toEqual([]);
  });

  it('read the fixtures, never data/', () => {
    // This file names each pattern on purpose.
    const others = testSources(TESTS).filter((file) => !file.endsWith('architecture/fixtures.test.ts'));
    const uses = others.flatMap((file) => liveDataUses(readFileSync(file, 'utf8')).map((use) => `${relative(PROJECT_ROOT, file)}: ${use}`));
    expect(uses).toEqual([]);
  });
});
