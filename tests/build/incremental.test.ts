// What a second build rebuilds: nothing when nothing changed, exactly the
// outputs a change shows up in otherwise, and what left the catalogue goes.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build.ts';
import { resolveConfig } from '../../src/config.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { expectManifestMatches, readManifestJson } from '../helpers/manifest.ts';

let dir: string;
let out: string;
const config = () => resolveConfig({ data: dir, out });
/** A browser that cannot start: a build that stays quiet with it printed nothing. */
const NO_BROWSER: BuildOptions = { locales: ['en'], executablePath: '/nonexistent/chromium' };
/** English only: what is rebuilt is the same in every language. */
const EN: BuildOptions = { locales: ['en'] };
const built = (r: BuildResult) => r.built.map((e) => e.key).sort();
/** The open data of a language: a CSV per table and datapackage.json. */
const DATA_FILES = 23;

beforeAll(async () => {
  dir = await copyData();
  out = join(dir, 'out');
  const first = await build(config(), EN);
  expect(first.ok).toBe(true);
  // 8 briefs and fact sheets, the publication, the workbook and the open data.
  expect(first.built).toHaveLength(10 + DATA_FILES);
});
afterAll(() => removeDir(dir));

describe('incremental builds', () => {
  it('rebuild nothing and start no browser when nothing changed', async () => {
    const second = await build(config(), NO_BROWSER);
    expect(second.ok).toBe(true);
    expect(second.built).toEqual([]);
    expect(second.skipped).toHaveLength(10 + DATA_FILES);
  });

  it('look at the data again after an edit that changes no output, and still print nothing', async () => {
    await edit(dir, 'projects.yaml', '# The six projects', '# The six funded projects');
    const result = await build(config(), NO_BROWSER);
    expect(result.ok ? built(result) : result.errors.map((e) => e.message)).toEqual([]);
  });

  it('rebuild exactly the fact sheet, the programme brief, the overview, the publication and the workbook when one project changes', async () => {
    await edit(dir, 'projects.yaml', 'title: Maritime Tourism Marketing in the Baltic Sea Region', 'title: Maritime Tourism Marketing around the Baltic Sea');
    const result = await build(config(), EN);
    expect(result.ok).toBe(true);
    expect(built(result)).toEqual(['en/data/datapackage', 'en/data/projects', 'en/overview', 'en/programme/bsr-neighbourhood-2004-2006', 'en/project/maritour', 'en/publication', 'en/workbook']);
    expect(result.skipped).toHaveLength(5 + DATA_FILES - 2);
  });

  it('rebuild an output that was deleted or altered by hand', async () => {
    await rm(join(out, 'en/projects/red.pdf'));
    await writeFile(join(out, 'en/projects/asap.pdf'), 'not a pdf');
    const result = await build(config(), EN);
    expect(built(result)).toEqual(['en/project/asap', 'en/project/red']);
  });

  it('remove the outputs of a deleted project from out/ and the manifest', async () => {
    await edit(dir, 'projects.yaml', /  - id: ben-east\n[\s\S]*?budget_eur: 508693\n/, '');
    const result = await build(config(), EN);
    expect(result.ok).toBe(true);
    expect(result.removed).toEqual(['en/projects/ben-east.pdf']);
    await expect(readFile(join(out, 'en/projects/ben-east.pdf'))).rejects.toThrow();
    expect([...(await expectManifestMatches(out)).keys()]).not.toContain('en/projects/ben-east.pdf');
  });

  it('rebuild everything with --force', async () => {
    const result = await build(config(), { ...EN, force: true });
    expect(result.built).toHaveLength(9 + DATA_FILES);
  });

  it('keep a manifest with path, kind, size, pages or sheets, sha256 and input digest of every output', async () => {
    const manifest = await readManifestJson(out);
    expect(manifest.tool).toMatch(/^cooperation-reports \d+\.\d+\.\d+$/);
    expect(manifest.outputs.map((o) => o.path)).toEqual([...manifest.outputs.map((o) => o.path)].sort());
    await expectManifestMatches(out);
    for (const entry of manifest.outputs) {
      expect(entry.inputHash).toMatch(/^[0-9a-f]{64}$/);
      if (entry.kind === 'pdf') expect(entry.pages).toBeGreaterThanOrEqual(1);
      else if (entry.kind === 'xlsx') expect(entry.sheets).toBe(8);
    }
    expect(manifest.outputs.find((o) => o.path.endsWith('maritour.pdf'))?.pages).toBe(1);
  });
});

describe('a build of one language (regression)', () => {
  it('keeps the outputs of the other language, on disk and in the manifest', async () => {
    const other = await copyData();
    try {
      const config = resolveConfig({ data: other, out: join(other, 'out') });
      expect((await build(config, { only: ['project/red'] })).built.map((e) => e.path).sort()).toEqual(['en/projects/red.pdf', 'ru/projects/red.pdf']);
      const russian = await build(config, { locales: ['ru'], force: true, only: ['project/red'] });
      expect(russian.removed).toEqual([]);
      expect([...(await expectManifestMatches(join(other, 'out'))).keys()].sort()).toEqual(['en/projects/red.pdf', 'ru/projects/red.pdf']);
    } finally {
      await removeDir(other);
    }
  });
});
