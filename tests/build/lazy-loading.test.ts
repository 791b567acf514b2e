// A command loads only what it needs: the heavy packages of printing (Puppeteer,
// pdf-lib) and of workbooks (ExcelJS) load in the builds that make those
// outputs, never in `validate` or a build of other outputs. Each was once
// pulled in by a static import of a module that only needed it later.
// (The hyphenation patterns are CommonJS, required on the first brief.)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-node.ts';

const REGISTER = pathToFileURL(join(PROJECT_ROOT, 'tests/helpers/loaded-modules/register.mjs')).href;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coop-lazy-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The packages under node_modules a command loaded, by name. */
async function packagesLoaded(args: string[]): Promise<Set<string>> {
  const log = join(dir, 'loaded.txt');
  const run = await runCli(args, { env: { ...process.env, NODE_OPTIONS: `--import=${REGISTER}`, LOADED_MODULES: log } });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const urls = (await readFile(log, 'utf8')).split('\n');
  return new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(url)?.[1] ?? []));
}

describe('modules loaded', () => {
  it('validate loads neither the printer, nor pdf-lib, nor ExcelJS, nor the hyphenation patterns', async () => {
    const loaded = await packagesLoaded(['validate', '--data', FIXTURE_DATA]);
    expect(loaded).toContain('ajv-formats');
    for (const heavy of ['puppeteer', 'puppeteer-core', 'pdf-lib', 'pako', 'exceljs', 'hyphen']) expect(loaded, heavy).not.toContain(heavy);
  });

  it('a workbook-only build loads ExcelJS but neither the printer nor pdf-lib', async () => {
    const loaded = await packagesLoaded(['build', '--only', 'workbook', '--data', FIXTURE_DATA, '--out', join(dir, 'out')]);
    expect(loaded).toContain('exceljs');
    for (const heavy of ['puppeteer', 'puppeteer-core', 'pdf-lib', 'hyphen']) expect(loaded, heavy).not.toContain(heavy);
  });

  it('a build of one fact sheet loads the printer and pdf-lib but not ExcelJS', async () => {
    const loaded = await packagesLoaded(['build', '--only', 'project/red', '--locale', 'en', '--data', FIXTURE_DATA, '--out', join(dir, 'out')]);
    for (const needed of ['puppeteer', 'pdf-lib', 'hyphen']) expect(loaded, needed).toContain(needed);
    expect(loaded).not.toContain('exceljs');
  });
});
