// Hostile YAML: each file is refused with a positioned error, in a process
// whose heap is capped, and nothing in out/ is touched. How long a refusal
// takes is measured by `npm run bench`, not here.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFiles } from '../../src/load/data-set.ts';
import { copyData, removeDir, validateDir } from '../helpers/data-copy.ts';
import { runCli } from '../helpers/run-node.ts';

let dir: string;
beforeEach(async () => {
  dir = await copyData();
});
afterEach(() => removeDir(dir));

const laughs = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(Array.from({ length: 8 }, (_, i) => `l${i}: &${'b'.repeat(i + 1)} [${Array(9).fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`).join(',')}]`))
  .join('\n');

// Attacks on memory and the stack, each in a child process. Duplicate keys, tags, __proto__ and
// constructor keys and invalid UTF-8 cost nothing to refuse: tests/load/yaml-file.test.ts and
// tests/validate/invalid-data.test.ts refuse them in this process.
const cases: { name: string; file: string; content: () => string | Buffer; code: string; at: RegExp }[] = [
  { name: 'a billion-laughs alias bomb', file: 'report.yaml', content: () => `${laughs}\n`, code: 'alias', at: /report\.yaml:1:6 / },
  { name: '10,000 nested lists', file: 'projects.yaml', content: () => `projects: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, code: 'too-deep', at: /projects\.yaml:1:\d+ / },
  { name: '2,000 nested mappings in block style', file: 'projects.yaml', content: () => `projects:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`, code: 'too-deep', at: /projects\.yaml:\d+:\d+ / },
  { name: 'a circular merge key', file: 'countries.yaml', content: () => 'countries: &c\n  - { code: AM, name: Armenia }\n  - <<: *c\n', code: 'alias', at: /countries\.yaml:1:12 / },
  { name: 'a 50 MB file', file: 'projects.yaml', content: () => `projects:\n${'  - { id: x }\n'.repeat(50 * 1024 * 1024 / 15)}`, code: 'too-large', at: /projects\.yaml:1:1 / },
];

describe('hostile YAML', () => {
  it.each(cases)('$name: exit 1, $code at its position, out/ untouched', async ({ file, content, code, at }) => {
    await writeFile(join(dir, file), content());
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(join(out, 'previous.pdf'), 'previous build');
    // A child process with its heap capped at 96 MB: an attack that expands in memory crashes it instead of exiting 1.
    const run = await runCli(['build', '--data', dir, '--out', out], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=96' } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(at);
    expect(run.stderr).toContain(`error[${code}]`);
    expect(await readdir(out)).toEqual(['previous.pdf']);
    expect(await readFile(join(out, 'previous.pdf'), 'utf8')).toBe('previous build');
  });

  it('leaves Object.prototype alone after reading __proto__ and constructor keys', async () => {
    const raw = ['{"__proto__": {"polluted": 1}}', 'constructor: { prototype: { polluted: 1 } }', 'a: { __proto__: { polluted: 1 } }'].map((text, i) => ({
      collection: 'report',
      file: `attack-${i}.yaml`,
      bytes: Buffer.from(text),
    }));
    const loaded = parseFiles(raw);
    expect(loaded.errors.length).toBeGreaterThanOrEqual(3);
    expect(new Set(loaded.errors.map((e) => e.code))).toEqual(new Set(['unsafe-key']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('accepts a byte-order mark, CRLF line endings and an unquoted NO (Norway) at once', async () => {
    for (const name of ['partner-regions.yaml', 'countries.yaml']) {
      const path = join(dir, name);
      const text = (await readFile(path, 'utf8')).replace(/"NO"/g, 'NO');
      await writeFile(path, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    }
    const result = await validateDir(dir);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.countries.countries.map((c) => c.code)).toContain('NO');
  });
});
