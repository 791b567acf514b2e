// `validate` as the data editor and CI see it: exit codes, the code frame,
// the JSON reporter, and every error of every file in one run.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARET, copyData, edit, removeDir, validateDir } from '../helpers/data-copy.ts';
import { runMain } from '../helpers/run-main.ts';

let dir: string;
beforeEach(async () => {
  dir = await copyData();
});
afterEach(() => removeDir(dir));

describe('validate command', () => {
  it('prints one summary line and exits 0 on valid data', async () => {
    const run = await runMain(['validate', '--data', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^valid: 9 files, \d+ records in \d+ ms$/);
    expect(run.stderr).toBe('');
  });

  it('shows file:line:column, a code frame with a caret and a hint, and exits 1', async () => {
    const { line, column } = await edit(dir, 'projects.yaml', 'budget_eur: 790336', `budget_eur: ${CARET}"1,7 million"`);
    const run = await runMain(['validate', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`projects.yaml:${line}:${column} error[schema] /projects/1/budget_eur must be an integer, got "1,7 million"`);
    expect(run.stderr).toContain(`> ${String(line).padStart(4)} |     budget_eur: "1,7 million"`);
    expect(run.stderr).toMatch(/\n\s+\|\s{17}\^\n/);
    expect(run.stderr).toContain('hint: write the amount in euros as a plain integer, e.g. 1700000');
    expect(run.stderr.trim().endsWith('1 error')).toBe(true);
  });

  it('reports every error of every file at once, sorted by file and line, as JSON', async () => {
    await edit(dir, 'projects.yaml', 'budget_eur: 347000', 'budget_eur: -1');
    await edit(dir, 'projects.yaml', 'budget_eur: 1776888', 'budget_eur: x');
    await edit(dir, 'countries.yaml', '{ code: IT, name: Italy,', '{ code: IT, name: Italy, capital: Rome,');
    await edit(dir, 'report.yaml', 'currency: EUR', 'currency: USD');
    const run = await runMain(['validate', '--data', dir, '--reporter', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; errors: { code: string; at: { file: string; line: number; column: number; pointer: string } }[] };
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.at.file.split('/').pop(), e.at.pointer])).toEqual([
      ['countries.yaml', '/countries/11/capital'],
      ['projects.yaml', '/projects/0/budget_eur'],
      ['projects.yaml', '/projects/5/budget_eur'],
      ['report.yaml', '/report/currency'],
    ]);
  });

  it('exits 2 on usage errors', async () => {
    expect((await runMain(['publish'])).code).toBe(2);
    expect((await runMain(['validate', '--bogus'])).code).toBe(2);
    const run = await runMain(['validate', '--reporter', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--reporter must be text or json');
  });

  it('leaves out/ untouched when the data is invalid', async () => {
    const out = join(dir, 'out-previous');
    await mkdir(out);
    const sentinel = join(out, 'sentinel.txt');
    await writeFile(sentinel, 'previous build');
    await edit(dir, 'projects.yaml', 'budget_eur: 790336', 'budget_eur: "1,7 million"');
    const run = await runMain(['build', '--data', dir, '--out', out]);
    expect(run.code).toBe(1);
    expect(await readFile(sentinel, 'utf8')).toBe('previous build');
    expect(await readdir(out)).toEqual(['sentinel.txt']);
  });
});

describe('YAML that must be accepted', () => {
  it('accepts a byte-order mark and CRLF line endings, with positions still right', async () => {
    const path = join(dir, 'projects.yaml');
    const text = await readFile(path, 'utf8');
    await writeFile(path, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect((await validateDir(dir)).ok).toBe(true);
    const { line, column } = await edit(dir, 'projects.yaml', 'budget_eur: 790336', `budget_eur: ${CARET}true`);
    const result = await validateDir(dir);
    expect(result.ok ? [] : result.errors.map((e) => e.toJSON())).toMatchObject([{ at: { line, column } }]);
  });

  it('keeps an unquoted NO a string (the Norway problem)', async () => {
    await edit(dir, 'partner-regions.yaml', 'country: "NO"', 'country: NO');
    const result = await validateDir(dir);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data['partner-regions'].regions.map((r) => r.country)).toContain('NO');
  });
});
