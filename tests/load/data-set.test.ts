// The data folder as the loader reads it: the collections come from the
// schemas, every data file must have one, and each problem is an error with
// its file, not an exception.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionNames, loadData } from '../../src/load/data-set.ts';
import { copyData, removeDir } from '../helpers/data-copy.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

const COLLECTIONS = ['cis-cooperation', 'countries', 'directions', 'initiatives', 'organisations', 'partner-regions', 'programmes', 'projects', 'report'];

let dir: string;
beforeEach(async () => {
  dir = await copyData();
});
afterEach(() => removeDir(dir));

const problems = async (cwd = dir) => (await loadData(dir, COLLECTIONS, cwd)).errors.map((e) => [e.code, e.message, e.at?.file ?? null]);

describe('collectionNames', () => {
  it('are the schemas but the shared definitions, sorted', async () => {
    expect(await collectionNames(fixtureConfig().schemasDir)).toEqual(COLLECTIONS);
  });
});

describe('loadData', () => {
  it('reads every collection, with its text for code frames, paths shown from the working folder', async () => {
    const loaded = await loadData(dir, COLLECTIONS, dir);
    expect(loaded.errors).toEqual([]);
    expect([...loaded.files.keys()].sort()).toEqual(COLLECTIONS);
    expect(loaded.files.get('projects')?.file).toBe('projects.yaml');
    expect(loaded.sources.get('report.yaml')).toContain('region:');
  });

  it('shows a path outside the working folder in full', async () => {
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await rm(join(dir, 'report.yaml'));
    expect(await problems(elsewhere)).toEqual([['missing-file', `${join(dir, 'report.yaml')} is missing`, join(dir, 'report.yaml')]]);
    expect(relative(elsewhere, dir)).toBe('..');
  });

  it('refuses a data file no schema describes, and a known one spelt .yml', async () => {
    await writeFile(join(dir, 'notes.yaml'), 'a: 1\n');
    await rename(join(dir, 'report.yaml'), join(dir, 'report.yml'));
    const loaded = await loadData(dir, COLLECTIONS, dir);
    expect(loaded.errors.map((e) => [e.code, e.message, e.at, e.hint])).toEqual([
      ['unknown-file', 'no schema describes notes.yaml', { file: 'notes.yaml', line: 1, column: 1 }, `data files are ${COLLECTIONS.map((c) => `${c}.yaml`).join(', ')}; add schemas/notes.schema.json for a new collection`],
      ['unknown-file', 'no schema describes report.yml', { file: 'report.yml', line: 1, column: 1 }, expect.stringContaining('add schemas/report.schema.json')],
      ['missing-file', 'report.yaml is missing', { file: 'report.yaml', line: 1, column: 1 }, 'create it; schemas/report.schema.json describes its content'],
    ]);
  });

  it('ignores files that are not YAML', async () => {
    await writeFile(join(dir, 'README.txt'), 'notes');
    expect(await problems()).toEqual([]);
  });

  it('reports a file it cannot read, and a folder that is not there', async () => {
    await rm(join(dir, 'countries.yaml'));
    await mkdir(join(dir, 'countries.yaml'));
    expect(await problems()).toEqual([['io', 'cannot read countries.yaml', 'countries.yaml']]);
    const missing = join(dir, 'nowhere');
    const loaded = await loadData(missing, COLLECTIONS, dir);
    expect(loaded.errors.map((e) => [e.code, e.message, e.hint])).toEqual([['io', 'cannot read the data folder nowhere', 'pass an existing folder with --data']]);
    expect(loaded.files.size).toBe(0);
  });

  it('keeps the text of a file that does not parse, for its code frame', async () => {
    await writeFile(join(dir, 'report.yaml'), 'report: [\n');
    const loaded = await loadData(dir, COLLECTIONS, dir);
    expect(loaded.errors.map((e) => e.code)).toEqual(['syntax']);
    expect(loaded.sources.get('report.yaml')).toBe('report: [\n');
    expect(loaded.files.has('report')).toBe(false);
  });
});
