// When a build has nothing to do, when it must look again, and what it keeps
// and removes: the no-op check, the per-output skip and the manifest, on the
// workbook alone (no browser needed).
import { mkdir, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, type BuildOptions } from '../../src/build.ts';
import { resolveConfig, type Config } from '../../src/config.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { expectManifestMatches, readManifestJson } from '../helpers/manifest.ts';
import { scratchCopy } from '../helpers/template-copy.ts';

const WORKBOOK = 'en/cooperation-summary.xlsx';
const ONLY: BuildOptions = { locales: ['en'], only: ['workbook'] };
/** A temporary file left by a killed build whose process is gone (Linux gives no process an id above 2^22). */
const ORPHAN = `en/overview.pdf.tmp-${2 ** 22 + 1}-0a1b2c3d`;

let dir: string;
let config: Config;
const out = (path = '') => join(config.outDir, path);
const paths = async (options: BuildOptions = ONLY) => {
  const result = await build(config, options);
  expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
  return { built: result.built.map((e) => e.path), skipped: result.skipped.map((e) => e.path) };
};
const NOTHING_BUILT = { built: [], skipped: [WORKBOOK] };
const REBUILT = { built: [WORKBOOK], skipped: [] };
/** Whether the last build stopped at the no-op check: only past it are leftover temporary files removed. */
const stoppedEarly = async () => (await readdir(out('en'))).includes(ORPHAN.slice(3));

beforeEach(async () => {
  dir = await copyData();
  config = resolveConfig({ data: dir, out: join(dir, 'out') });
  expect(await paths()).toEqual(REBUILT);
  await writeFile(out(ORPHAN), 'half a PDF');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await removeDir(dir);
});

describe('a build with nothing changed', () => {
  it('stops at the no-op check, reporting the outputs as skipped', async () => {
    let planned = -1;
    const result = await build(config, { ...ONLY, onPlan: (n) => (planned = n) });
    expect([result.built, result.skipped.map((e) => [e.path, e.status, e.bytes])]).toEqual([[], [[WORKBOOK, 'skipped', (await stat(out(WORKBOOK))).size]]]);
    expect(planned).toBe(1);
    expect(await stoppedEarly()).toBe(true);
  });

  it('ignores files in the data folder that are not YAML', async () => {
    await writeFile(join(dir, 'notes.txt'), 'not data');
    expect(await paths()).toEqual(NOTHING_BUILT);
    expect(await stoppedEarly()).toBe(true);
  });
});

describe('a build looks again', () => {
  it('when a data file changed, and rebuilds what it shows in', async () => {
    await edit(dir, 'projects.yaml', 'budget_eur: 790336', 'budget_eur: 790337');
    expect(await paths()).toEqual(REBUILT);
    expect(await stoppedEarly()).toBe(false);
  });

  it('when a data file changed that no output shows, and rebuilds nothing', async () => {
    await edit(dir, 'projects.yaml', '# The six projects', '# The six funded projects');
    expect(await paths()).toEqual(NOTHING_BUILT);
    expect(await stoppedEarly()).toBe(false);
  });

  it('when SOURCE_DATE_EPOCH changed', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1167609600');
    expect(await paths()).toEqual(REBUILT);
  });

  it('when asked for other outputs, even the same ones by another name', async () => {
    expect(await paths({ ...ONLY, only: ['en/workbook'] })).toEqual(NOTHING_BUILT);
    expect(await stoppedEarly()).toBe(false);
  });

  it('with --force, and rebuilds', async () => {
    expect(await paths({ ...ONLY, force: true })).toEqual(REBUILT);
  });

  it('when an output was deleted, and rebuilds it', async () => {
    await rm(out(WORKBOOK));
    expect(await paths()).toEqual(REBUILT);
  });

  it('when an output was touched, and rebuilds it', async () => {
    await utimes(out(WORKBOOK), new Date('2031-01-01T00:00:00Z'), new Date('2031-01-01T00:00:00Z'));
    expect(await paths()).toEqual(REBUILT);
  });

  it('when an output was replaced by one of another size, and rebuilds it', async () => {
    const { mtime } = await stat(out(WORKBOOK));
    await writeFile(out(WORKBOOK), 'not a workbook');
    await utimes(out(WORKBOOK), mtime, mtime);
    expect(await paths()).toEqual(REBUILT);
  });

  it('after a failed build, and builds what failed', async () => {
    await rm(out(WORKBOOK));
    await mkdir(out(WORKBOOK));
    const failed = await build(config, ONLY);
    expect(failed.ok ? [] : failed.errors.map((e) => e.code)).toEqual(['io']);
    await rm(out(WORKBOOK), { recursive: true });
    expect(await paths()).toEqual(REBUILT);
    expect((await readManifestJson(out())).outputs.map((o) => o.path)).toEqual([WORKBOOK]);
  });
});

describe('temporary files left in out/', () => {
  it('are removed once a build gets past the no-op check, unless their process is alive', async () => {
    const mine = `en/projects.tmp-${process.pid}-0a1b2c3d`;
    const init = 'en/briefs.tmp-1-0a1b2c3d';
    await writeFile(out(mine), 'being written by this process');
    await writeFile(out(init), 'being written by process 1');
    expect(await paths({ ...ONLY, force: true })).toEqual(REBUILT);
    expect((await readdir(out('en'))).sort()).toEqual(['briefs.tmp-1-0a1b2c3d', 'cooperation-summary.xlsx', `projects.tmp-${process.pid}-0a1b2c3d`]);
    expect(await readFile(out(mine), 'utf8')).toBe('being written by this process');
  });
});

describe('a build of the other language, without --force', () => {
  it('builds that language and keeps the first: the no-op check counts which languages were asked for', async () => {
    // Asked again, each language is there already.
    expect(await paths()).toEqual(NOTHING_BUILT);
    const russian = await build(config, { locales: ['ru'], only: ['workbook'] });
    expect([russian.built.map((e) => e.path), russian.removed]).toEqual([['ru/cooperation-summary.xlsx'], []]);
    expect((await build(config, { locales: ['ru'], only: ['workbook'] })).built).toEqual([]);
    expect(await paths()).toEqual(NOTHING_BUILT);
    expect([...(await expectManifestMatches(out())).keys()].sort()).toEqual([WORKBOOK, 'ru/cooperation-summary.xlsx']);
  });
});

describe('an output that left the catalogue', () => {
  it('is removed from out/ and the manifest, while the one that replaced it is built', async () => {
    const copy = await scratchCopy('left-catalogue');
    try {
      const first = await build(copy.config, ONLY);
      expect(first.built.map((e) => e.path)).toEqual([WORKBOOK]);
      await copy.edit('templates/catalogue.yaml', (text) => text.replace('path: cooperation-summary.xlsx', 'path: summary.xlsx'));
      const second = await build(copy.config, ONLY);
      expect([second.built.map((e) => e.path), second.removed]).toEqual([['en/summary.xlsx'], [WORKBOOK]]);
      expect([...(await expectManifestMatches(copy.config.outDir)).keys()]).toEqual(['en/summary.xlsx']);
    } finally {
      await copy.remove();
    }
  });
});
