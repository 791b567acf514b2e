// When a build has nothing to do, when it must look again, and what it keeps
// and removes: the no-op check, the per-output skip and the manifest, on the
// workbook alone (no browser needed).
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, type BuildOptions } from '../../src/build.ts';
import { PROJECT_ROOT, resolveConfig, type Config } from '../../src/config.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { expectManifestMatches, readManifestJson } from '../helpers/manifest.ts';
import { scratchCopy } from '../helpers/template-copy.ts';

const WORKBOOK = 'en/cooperation-summary.xlsx';
const RUSSIAN = 'ru/cooperation-summary.xlsx';
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
    // What changed since the last build: nothing, and no release was asked for.
    const nothing = { since: 'the previous build', compared: true, data: { figures: [], added: [], removed: [], changed: [] }, outputs: { rebuilt: [], added: [], removed: [] } };
    expect(result.ok && [result.changes, result.releases]).toEqual([nothing, []]);
    expect(JSON.parse(await readFile(out('changes.json'), 'utf8'))).toMatchObject({ since: 'the previous build', outputs: nothing.outputs });
  });

  it('ignores files in the data folder that are not YAML, a backup of one included', async () => {
    await writeFile(join(dir, 'notes.txt'), 'not data');
    await writeFile(join(dir, 'projects.yaml.bak'), 'an editor\'s backup');
    expect(await paths()).toEqual(NOTHING_BUILT);
    expect(await stoppedEarly()).toBe(true);
  });
});

describe('a build looks again', () => {
  it('when a data file changed, and rebuilds what it shows in, with its new digest in the manifest', async () => {
    await edit(dir, 'projects.yaml', 'budget_eur: 790336', 'budget_eur: 790337');
    expect(await paths()).toEqual(REBUILT);
    expect(await stoppedEarly()).toBe(false);
    expect((await readManifestJson(out())).tool).toMatch(/^cooperation-reports \d+\.\d+\.\d+$/);
    await expectManifestMatches(out());
  });

  it('when a data file changed that no output shows, and rebuilds nothing', async () => {
    await edit(dir, 'projects.yaml', '# The six projects', '# The six funded projects');
    const statuses: string[] = [];
    const result = await build(config, { ...ONLY, onOutput: (e) => statuses.push(e.status) });
    expect([result.built, statuses]).toEqual([[], ['skipped']]);
    expect(await stoppedEarly()).toBe(false);
  });

  it('when a data file appears that no schema describes, and fails', async () => {
    await writeFile(join(dir, 'notes.yml'), 'a: 1\n');
    const result = await build(config, ONLY);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['unknown-file']);
  });

  it('when SOURCE_DATE_EPOCH changed, from none or to another date', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1167609600');
    expect(await paths()).toEqual(REBUILT);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1199145600');
    expect(await paths()).toEqual(REBUILT);
  });

  it('when asked for a shard, even one holding everything', async () => {
    expect(await paths({ ...ONLY, shard: { index: 1, count: 1 } })).toEqual(NOTHING_BUILT);
    expect(await stoppedEarly()).toBe(false);
  });

  it('when asked for the other shard', async () => {
    const both: BuildOptions = { only: ['workbook'], force: true };
    const first = await build(config, { ...both, shard: { index: 1, count: 2 } });
    const second = await build(config, { only: ['workbook'], shard: { index: 2, count: 2 } });
    expect([first.built.length, second.built.length]).toEqual([1, 1]);
    expect([...first.built, ...second.built].map((e) => e.path).sort()).toEqual([WORKBOOK, RUSSIAN]);
  });

  it('when a template changed, even one no selected output uses', async () => {
    const copy = await scratchCopy('template-edit');
    try {
      expect((await build(copy.config, ONLY)).built.map((e) => e.path)).toEqual([WORKBOOK]);
      await copy.edit('templates/briefs/overview.hbs', (text) => `${text}{{!-- an editor's note --}}\n`);
      await writeFile(join(copy.config.outDir, ORPHAN), 'half a PDF');
      const again = await build(copy.config, ONLY);
      expect([again.built, again.skipped.map((e) => e.path)]).toEqual([[], [WORKBOOK]]);
      // Past the no-op check: the leftover is gone.
      expect(await readdir(join(copy.config.outDir, 'en'))).not.toContain(ORPHAN.slice(3));
    } finally {
      await copy.remove();
    }
  });

  it('when the data folder is gone, and fails with an error rather than a crash', async () => {
    const result = await build({ ...config, dataDir: join(dir, 'gone') }, ONLY);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).not.toEqual([]);
  });

  it('without the state it keeps, and rebuilds', async () => {
    await rm(out('.build-state.json'));
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
    // What failed is no longer in the manifest.
    expect((await readManifestJson(out())).outputs).toEqual([]);
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
    // Named like ours, but no process to ask: an orphan too.
    await writeFile(out('en/notes.tmp-x'), 'whose?');
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

describe('outputs of both languages', () => {
  const both: BuildOptions = { only: ['workbook'] };
  beforeEach(async () => {
    expect((await build(config, both)).built.map((e) => e.path)).toEqual([RUSSIAN]);
  });

  it('are all looked at again when one of them was deleted', async () => {
    await rm(out(WORKBOOK));
    expect((await build(config, both)).built.map((e) => e.path)).toEqual([WORKBOOK]);
  });

  it('stay in the manifest when a build selects only one of them by key', async () => {
    expect((await build(config, { only: ['ru/workbook'], force: true })).built.map((e) => e.path)).toEqual([RUSSIAN]);
    expect([...(await expectManifestMatches(out())).keys()].sort()).toEqual([WORKBOOK, RUSSIAN]);
  });
});

describe('the tool itself', () => {
  it('is part of the fingerprint: its version and code rebuild, its locked dependencies make the build look again', async () => {
    // A copy of the project's own files that name the tool, in place of the project.
    const root = await mkdtemp(join(tmpdir(), 'coop-tool-'));
    try {
      await cp(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'));
      await writeFile(join(root, 'package-lock.json'), '{}');
      await mkdir(join(root, 'src'));
      await writeFile(join(root, 'src', 'cli.ts'), '// version 1');
      const tool = { ...config, root };
      /** Outputs built, and whether the build went past the no-op check (it removes the orphan). */
      const next = async () => {
        await writeFile(out(ORPHAN), 'half a PDF');
        const result = await build(tool, ONLY);
        if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
        return [result.built.length, !(await stoppedEarly())];
      };
      expect(await next()).toEqual([1, true]);
      expect(await next()).toEqual([0, false]);
      await writeFile(join(root, 'src', 'cli.ts'), '// version 2');
      expect(await next()).toEqual([1, true]);
      await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion": 3}');
      expect(await next()).toEqual([0, true]);
      const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
      await writeFile(join(root, 'package.json'), JSON.stringify({ ...pkg, version: '9.9.9' }));
      expect(await next()).toEqual([1, true]);
      expect((await readManifestJson(out())).tool).toBe('cooperation-reports 9.9.9');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('an output that left the catalogue', () => {
  it('is removed from out/ and the manifest, while the one that replaced it is built', async () => {
    const copy = await scratchCopy('left-catalogue');
    try {
      const first = await build(copy.config, ONLY);
      expect(first.built.map((e) => e.path)).toEqual([WORKBOOK]);
      await copy.edit('templates/catalogue.yaml', (text) => text.replace('path: cooperation-summary.xlsx', 'path: summary.xlsx'));
      // Deleted by hand already: still taken out of the manifest.
      await rm(join(copy.config.outDir, WORKBOOK));
      const second = await build(copy.config, ONLY);
      expect([second.built.map((e) => e.path), second.removed]).toEqual([['en/summary.xlsx'], [WORKBOOK]]);
      expect([...(await expectManifestMatches(copy.config.outDir)).keys()]).toEqual(['en/summary.xlsx']);
    } finally {
      await copy.remove();
    }
  });
});
